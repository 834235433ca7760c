namespace NanoRelay.Auth
{
    /// <summary>
    /// Failed logins by client address across connections, shared by the SMTP ingress and POP3:
    /// after <see cref="Limits.AuthPenaltyFailures"/> failures from one address within
    /// <see cref="Limits.AuthPenaltyWindowMs"/>, every AUTH or login from it is refused with a
    /// temporary error for <see cref="Limits.AuthPenaltyBlockMs"/>. The per-session limits alone
    /// let a client that reconnects guess thousands of passwords an hour (Dovecot's auth-penalty
    /// and fail2ban keep the same memory by address). A fixed table: the oldest entry gives way.
    /// </summary>
    public sealed class AuthPenalty
    {
        private readonly object _sync = new object();
        private readonly AddressTable _addresses;
        private readonly long[] _lastActive;   // the later of _since and _blockedUntil: which slot gives way
        private readonly int[] _failures;
        private readonly long[] _since;
        private readonly long[] _blockedUntil;
        private readonly int _limit;
        private readonly long _windowMs;
        private readonly long _blockMs;

        /// <summary>A table with the defaults of <see cref="Limits"/>.</summary>
        public AuthPenalty()
            : this(Limits.AuthPenaltyAddresses, Limits.AuthPenaltyFailures, Limits.AuthPenaltyWindowMs, Limits.AuthPenaltyBlockMs)
        {
        }

        public AuthPenalty(int addresses, int failures, long windowMs, long blockMs)
        {
            _addresses = new AddressTable(addresses);
            _lastActive = new long[addresses];
            _failures = new int[addresses];
            _since = new long[addresses];
            _blockedUntil = new long[addresses];
            _limit = failures;
            _windowMs = windowMs;
            _blockMs = blockMs;
        }

        /// <summary>Whether logins from <paramref name="address"/> are refused now (monotonic milliseconds).</summary>
        public bool IsBlocked(string address, long now)
        {
            lock (_sync)
            {
                int i = _addresses.Find(address);
                return i >= 0 && _blockedUntil[i] > now;
            }
        }

        /// <summary>Counts a failed login; returns true when this failure starts a block.</summary>
        public bool Failed(string address, long now)
        {
            if (address == null)
            {
                return false;
            }

            lock (_sync)
            {
                int i = _addresses.Find(address);
                if (i < 0)
                {
                    i = _addresses.Add(address, _lastActive);
                    _failures[i] = 0;
                    _since[i] = now;
                    _blockedUntil[i] = 0;
                }
                else if (now - _since[i] > _windowMs && _blockedUntil[i] <= now)
                {
                    _failures[i] = 0;   // the window passed: a fresh count
                    _since[i] = now;
                }

                _failures[i]++;
                bool blocks = _failures[i] >= _limit && _blockedUntil[i] <= now;
                if (blocks)
                {
                    _blockedUntil[i] = now + _blockMs;
                    _failures[i] = 0;
                    _since[i] = now;
                }

                _lastActive[i] = _blockedUntil[i] > _since[i] ? _blockedUntil[i] : _since[i];
                return blocks;
            }
        }

        /// <summary>A successful login forgets the address's failures.</summary>
        public void Succeeded(string address)
        {
            lock (_sync)
            {
                int i = _addresses.Find(address);
                if (i >= 0 && _blockedUntil[i] == 0)
                {
                    _addresses.Remove(i);
                }
            }
        }
    }
}

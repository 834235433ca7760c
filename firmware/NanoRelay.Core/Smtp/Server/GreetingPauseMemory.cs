namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// The client addresses that recently waited out the greeting pause without talking early
    /// (RFC 5321 §4.3.1), in a small fixed table shared by a listener's sessions. Such a client is
    /// greeted at once for a while; its next connections do not pay the pause again.
    /// <para>Why a memory and not reading ahead: the pause is the only moment at which an early
    /// talker can be seen (bytes before the 220), so it cannot be replaced; but a device that sends
    /// one message per connection paid 250 ms on every one (4 messages/s at most). A client that
    /// has shown once that it waits is let through for <see cref="Limits.SmtpServerGreetingPauseMemoryMs"/>;
    /// an early talker is forgotten at once, so it always pays. The table is bounded (the oldest
    /// entry goes), so a flood of addresses costs no memory: they just all pay the pause again.</para>
    /// </summary>
    public sealed class GreetingPauseMemory
    {
        private readonly object _gate = new object();
        private readonly NanoRelay.Auth.AddressTable _addresses;
        private readonly long[] _passedAt;
        private readonly long _forgetAfterMs;

        public GreetingPauseMemory(int size, long forgetAfterMs)
        {
            _addresses = new NanoRelay.Auth.AddressTable(size);
            _passedAt = new long[size];
            _forgetAfterMs = forgetAfterMs;
        }

        /// <summary>The board's defaults: Limits.SmtpServerGreetingPauseClients addresses, each remembered Limits.SmtpServerGreetingPauseMemoryMs.</summary>
        public static GreetingPauseMemory ForServer()
        {
            return new GreetingPauseMemory(Limits.SmtpServerGreetingPauseClients, Limits.SmtpServerGreetingPauseMemoryMs);
        }

        /// <summary>True when <paramref name="address"/> waited out a pause less than the memory's span before <paramref name="now"/>.</summary>
        public bool Knows(string address, long now)
        {
            lock (_gate)
            {
                int i = _addresses.Find(address);
                return i >= 0 && now - _passedAt[i] < _forgetAfterMs;
            }
        }

        /// <summary><paramref name="address"/> waited out the pause at <paramref name="now"/> without a byte.</summary>
        public void Passed(string address, long now)
        {
            lock (_gate)
            {
                int i = _addresses.Find(address);
                if (i < 0)
                {
                    i = _addresses.Add(address, _passedAt);   // a free entry, else the one that passed longest ago
                }

                _passedAt[i] = now;
            }
        }

        /// <summary><paramref name="address"/> talked early: it pays the pause from now on.</summary>
        public void Forget(string address)
        {
            lock (_gate)
            {
                int i = _addresses.Find(address);
                if (i >= 0)
                {
                    _addresses.Remove(i);
                }
            }
        }
    }
}

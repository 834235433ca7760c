using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// The count of a mailbox server's open sessions under its cap (POP3 with POP2, IMAP): a place is
    /// taken when a connection is accepted and given back once, by the driver just before the
    /// session's last reply, so the client can reconnect as soon as it has read it.
    /// </summary>
    public sealed class SessionCap
    {
        private readonly object _sync = new object();
        private int _sessions;

        /// <summary>Sessions open now.</summary>
        public int Active
        {
            get
            {
                lock (_sync)
                {
                    return _sessions;
                }
            }
        }

        /// <summary>Counts a new session in; false when <paramref name="max"/> are open.</summary>
        public bool TryEnter(int max)
        {
            lock (_sync)
            {
                if (_sessions >= max)
                {
                    return false;
                }

                _sessions++;
                return true;
            }
        }

        /// <summary>A place under <paramref name="max"/> (its first Release counts it out), or null at the cap.</summary>
        public ISessionSlot Enter(int max)
        {
            return TryEnter(max) ? new Slot(this) : null;
        }

        /// <summary>Counts a finished session out.</summary>
        public void Leave()
        {
            lock (_sync)
            {
                _sessions--;
            }
        }

        // One session's place: the first Release counts it out, later ones do nothing.
        private sealed class Slot : ISessionSlot
        {
            private readonly SessionCap _cap;
            private bool _released;

            public Slot(SessionCap cap)
            {
                _cap = cap;
            }

            public void Release()
            {
                lock (_cap._sync)
                {
                    if (_released)
                    {
                        return;
                    }

                    _released = true;
                }

                _cap.Leave();
            }
        }
    }
}

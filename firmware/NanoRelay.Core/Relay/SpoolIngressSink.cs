using NanoRelay.Smtp.Server;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>
    /// The SMTP ingress delivering into the spool: a message is a spool entry, and its Commit
    /// returns (so the session answers 250) only once content and envelope are durable.
    /// </summary>
    public sealed class SpoolIngressSink : IIngressSink
    {
        private readonly Spool _spool;

        /// <summary>A sink into <paramref name="spool"/>.</summary>
        public SpoolIngressSink(Spool spool)
        {
            _spool = spool;
        }

        /// <summary>Raised after each durable commit (the host wakes its worker); may be null.</summary>
        public event System.EventHandler Committed;

        public long FreeBytes
        {
            // RFC 1870 §6.1: a SIZE= larger than this gets 452 at MAIL. The store keeps its own
            // reserve for state records on top (Limits.StoreReserveBytes).
            get
            {
                MessageStore store = _spool.Store;
                long free = store.MaxBytes - store.UsedBytes - Limits.StoreReserveBytes;
                return free < 0 ? 0 : free;
            }
        }

        public IIngressMessage Begin(string reversePath, string[] recipients, int recipientCount)
        {
            string[] rcpts = new string[recipientCount];
            for (int i = 0; i < recipientCount; i++)
            {
                rcpts[i] = recipients[i];
            }

            return new Message(this, _spool.Begin(reversePath, rcpts, null));
        }

        private void OnCommitted()
        {
            System.EventHandler h = Committed;
            if (h != null)
            {
                h(this, System.EventArgs.Empty);
            }
        }

        private sealed class Message : IIngressMessage
        {
            private readonly SpoolIngressSink _sink;
            private readonly SpoolWriter _entry;
            private bool _done;

            public Message(SpoolIngressSink sink, SpoolWriter entry)
            {
                _sink = sink;
                _entry = entry;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                _entry.Write(buffer, offset, count);
            }

            public string Commit()
            {
                SpoolEntry e = _entry.Commit();
                _done = true;
                _sink.OnCommitted();
                return e.Id.ToString();
            }

            public void Abort()
            {
                if (!_done)
                {
                    _done = true;
                    _entry.Abort();
                }
            }
        }
    }
}

using NanoRelay.Smtp.Server;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>
    /// The SMTP ingress delivering into the spool: <see cref="Begin"/> opens a spool entry, and
    /// the session writes into that entry's <see cref="StoreWriter"/> itself; its Commit returns
    /// (so the session answers 250) only once content and envelope are durable, and raises
    /// <see cref="Spool.Committed"/>.
    /// </summary>
    public sealed class SpoolIngressSink : IIngressSink
    {
        private readonly Spool _spool;

        /// <summary>A sink into <paramref name="spool"/>.</summary>
        public SpoolIngressSink(Spool spool)
        {
            _spool = spool;
        }

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

            return _spool.Begin(reversePath, rcpts, null);
        }
    }
}

using NanoRelay.Smtp.Server;
using NanoRelay.Storage;
using NanoRelay.Supervision;

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

        /// <summary>
        /// The board's heap gate (may be null: no limit): a message waits there at DATA, before its 354, for room
        /// beside the other message-sized work (Limits.IngressHeapBytes), and gives it back when committed or dropped.
        /// </summary>
        public HeapGate Heap { get; set; }

        public IIngressMessage Begin(string reversePath, string[] recipients, int recipientCount)
        {
            HeapGate heap = Heap;
            if (heap == null)
            {
                return _spool.Begin(reversePath, Copy(recipients, recipientCount), null);
            }

            heap.Enter(Limits.IngressHeapBytes);
            try
            {
                return new GatedMessage(_spool.Begin(reversePath, Copy(recipients, recipientCount), null), heap);
            }
            catch (System.Exception)
            {
                heap.Exit(Limits.IngressHeapBytes);
                throw;
            }
        }

        private static string[] Copy(string[] recipients, int count)
        {
            string[] rcpts = new string[count];
            for (int i = 0; i < count; i++)
            {
                rcpts[i] = recipients[i];
            }

            return rcpts;
        }

        // The spool entry, holding its share of the gate until it is committed or dropped.
        private sealed class GatedMessage : IIngressMessage
        {
            private readonly StoreWriter _entry;
            private HeapGate _heap;

            public GatedMessage(StoreWriter entry, HeapGate heap)
            {
                _entry = entry;
                _heap = heap;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                _entry.Write(buffer, offset, count);
            }

            public string Commit()
            {
                try
                {
                    return _entry.Commit().Id.ToString();
                }
                finally
                {
                    Release();
                }
            }

            public void Abort()
            {
                try
                {
                    _entry.Abort();
                }
                finally
                {
                    Release();
                }
            }

            private void Release()
            {
                if (_heap != null)
                {
                    _heap.Exit(Limits.IngressHeapBytes);
                    _heap = null;
                }
            }
        }
    }
}

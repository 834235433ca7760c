using nanoFramework.Hardware.Esp32;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// Admits TLS sessions one board-sized batch at a time (board.json tls.sessions; 1 without PSRAM)
    /// and refuses while the native heap, where mbedTLS puts its ~16 KB + 4 KB record buffers and the
    /// handshake (docs/nanoframework.md §4.2), has no block large enough. A refusal is an answer, not a crash:
    /// the connection reports it as a TLS failure and the core replies "try later".
    /// </summary>
    public sealed class TlsGate
    {
        private readonly object _lock = new object();
        private readonly int _maxSessions;
        private readonly uint _minLargestBlock;
        private readonly bool _psram;
        private int _active;

        public TlsGate(int maxSessions, long minLargestBlock, bool psram)
        {
            _maxSessions = maxSessions;
            _minLargestBlock = (uint)minLargestBlock;
            _psram = psram;
        }

        /// <summary>Why the last TryEnter said no (for the log and the exception).</summary>
        public string LastRefusal { get; private set; }

        /// <summary>Takes a TLS slot; false (with <see cref="LastRefusal"/>) when all are taken or memory is short.</summary>
        public bool TryEnter()
        {
            lock (_lock)
            {
                if (_active >= _maxSessions)
                {
                    LastRefusal = "TLS busy: " + _active + " of " + _maxSessions + " sessions open";
                    return false;
                }

                // With PSRAM, mbedTLS allocations may land in SPIRAM too, so look at all memory.
                uint total;
                uint free;
                uint largest;
                NativeMemory.GetMemoryInfo(_psram ? NativeMemory.MemoryType.All : NativeMemory.MemoryType.Internal, out total, out free, out largest);
                if (largest < _minLargestBlock)
                {
                    LastRefusal = "native heap low: largest block " + largest + " bytes, TLS needs " + _minLargestBlock;
                    return false;
                }

                _active++;
                return true;
            }
        }

        /// <summary>Gives a slot back (the connection closed).</summary>
        public void Exit()
        {
            lock (_lock)
            {
                if (_active > 0)
                {
                    _active--;
                }
            }
        }
    }
}

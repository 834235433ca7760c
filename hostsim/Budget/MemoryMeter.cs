using System;

namespace NanoRelay.HostSim.Budget
{
    /// <summary>
    /// Measures the managed memory the relay holds, not an estimate: live bytes after a full,
    /// compacting collection (GC.GetTotalMemory(true)), minus a baseline taken before the
    /// services started. The host's own furniture (runtime, CLI parser, console) is in the
    /// baseline; what the relay allocated and still references is in the difference.
    /// </summary>
    public sealed class MemoryMeter
    {
        private readonly object _lock = new object();

        /// <summary>Live bytes at <see cref="MarkBaseline"/>.</summary>
        public long Baseline { get; private set; }

        /// <summary>Bytes held at the last <see cref="Sample"/>.</summary>
        public long Current { get; private set; }

        /// <summary>The most bytes held at any <see cref="Sample"/>.</summary>
        public long Peak { get; private set; }

        /// <summary>Live managed bytes in the process after a full collection.</summary>
        public static long LiveBytes()
        {
            return GC.GetTotalMemory(forceFullCollection: true);
        }

        /// <summary>Call once before the relay's services are created.</summary>
        public void MarkBaseline()
        {
            lock (_lock)
            {
                Baseline = LiveBytes();
                Current = 0;
                Peak = 0;
            }
        }

        /// <summary>Measures what is held now (a full GC: call it every second or so, not per line).</summary>
        public long Sample()
        {
            lock (_lock)
            {
                long held = Math.Max(0, LiveBytes() - Baseline);
                Current = held;
                Peak = Math.Max(Peak, held);
                return held;
            }
        }

        /// <summary>
        /// The bytes an object graph holds: live bytes before and after <paramref name="create"/>,
        /// with the result kept alive across the second measurement. For per-session costs:
        /// Retained(() =&gt; new SomeSession(...), out object session).
        /// </summary>
        public static long Retained(Func<object> create, out object instance)
        {
            long before = LiveBytes();
            instance = create();
            long after = LiveBytes();
            GC.KeepAlive(instance);
            return after - before;
        }
    }
}

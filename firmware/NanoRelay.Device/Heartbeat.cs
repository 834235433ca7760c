using System;

namespace NanoRelay.Device
{
    /// <summary>A worker's sign of life: it calls Beat in its loop; the <see cref="Supervisor"/> reboots when one goes quiet.</summary>
    public sealed class Heartbeat
    {
        private readonly object _lock = new object();
        private long _last;

        public Heartbeat(string name, int maxSilenceMs)
        {
            Name = name;
            MaxSilenceMs = maxSilenceMs;
            _last = Environment.TickCount64;
        }

        public string Name { get; private set; }

        public int MaxSilenceMs { get; private set; }

        public void Beat()
        {
            // A long is two words on a 32-bit core: the lock keeps the supervisor from reading half of it.
            lock (_lock)
            {
                _last = Environment.TickCount64;
            }
        }

        /// <summary>Milliseconds since the last beat.</summary>
        public long SilentFor(long now)
        {
            lock (_lock)
            {
                return now - _last;
            }
        }
    }
}

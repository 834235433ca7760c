using System;
using System.Diagnostics;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>The desktop clock: Stopwatch for monotonic time; the OS clock is trusted (it is set by NTP on a PC).</summary>
    public sealed class SystemClock : IClock
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public long MonotonicMilliseconds { get { return _since.ElapsedMilliseconds; } }

        public DateTime UtcNow { get { return DateTime.UtcNow; } }

        public bool IsUtcTrusted { get { return true; } }

        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }
    }
}

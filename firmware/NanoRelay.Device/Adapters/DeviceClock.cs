using System;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// The board's clock. Monotonic time is Environment.TickCount64 (nanoFramework.Runtime.Native,
    /// docs/nanoframework.md §2.5), which SNTP does not move. Wall time is trusted only after the network helper
    /// waited for a valid date (requiresDateTime) or SNTP set a plausible year.
    /// </summary>
    public sealed class DeviceClock : IClock
    {
        // The RTC starts in 1970 (or wherever it was) after a cold boot; no real date is older than this build.
        private static readonly DateTime s_plausible = new DateTime(2026, 1, 1);

        private bool _trusted;

        public long MonotonicMilliseconds { get { return Environment.TickCount64; } }

        public DateTime UtcNow { get { return DateTime.UtcNow; } }

        public bool IsUtcTrusted { get { return _trusted; } }

        public void Sleep(int milliseconds)
        {
            Thread.Sleep(milliseconds);
        }

        /// <summary>Marks the wall clock trusted when it shows a plausible date; returns whether it is trusted.</summary>
        public bool TrustIfPlausible()
        {
            if (!_trusted && DateTime.UtcNow >= s_plausible)
            {
                _trusted = true;
            }

            return _trusted;
        }
    }
}

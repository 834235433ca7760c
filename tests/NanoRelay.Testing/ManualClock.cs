using System;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>A clock that moves only when told; Sleep advances it instead of blocking.</summary>
    public sealed class ManualClock : IClock
    {
        private long _monotonic;
        private DateTime _utc;

        public ManualClock()
#if NANOFRAMEWORK
            : this(new DateTime(2026, 11, 27, 9, 30, 0), true)   // nanoFramework's DateTime is always UTC and has no Kind constructor
#else
            : this(new DateTime(2026, 11, 27, 9, 30, 0, DateTimeKind.Utc), true)
#endif
        {
        }

        public ManualClock(DateTime utc, bool trusted)
        {
            _utc = utc;
            IsUtcTrusted = trusted;
        }

        public long MonotonicMilliseconds { get { lock (this) { return _monotonic; } } }

        public DateTime UtcNow { get { lock (this) { return _utc; } } }

        public bool IsUtcTrusted { get; set; }

        /// <summary>Total milliseconds slept through <see cref="Sleep"/>.</summary>
        public long Slept { get; private set; }

        public void Sleep(int milliseconds)
        {
            Slept += milliseconds;
            Advance(milliseconds);
        }

        /// <summary>Moves both clocks forward.</summary>
        public void Advance(long milliseconds)
        {
            lock (this)
            {
                _monotonic += milliseconds;
                _utc = _utc.AddMilliseconds(milliseconds);
            }
        }

        /// <summary>Steps the wall clock only (an SNTP correction, a user setting the clock).</summary>
        public void SetUtc(DateTime utc, bool trusted)
        {
            lock (this)
            {
                _utc = utc;
                IsUtcTrusted = trusted;
            }
        }
    }
}

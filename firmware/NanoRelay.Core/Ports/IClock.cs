using System;

namespace NanoRelay.Ports
{
    /// <summary>Time for the core: monotonic milliseconds for timeouts and retries, and wall-clock UTC for Date headers.</summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards, unaffected by clock setting.</summary>
        long MonotonicMilliseconds { get; }

        /// <summary>Wall-clock time in UTC; meaningful only when <see cref="IsUtcTrusted"/>.</summary>
        DateTime UtcNow { get; }

        /// <summary>True once the wall clock was set from a trusted source (SNTP on the device, the OS on the host).</summary>
        bool IsUtcTrusted { get; }

        /// <summary>Blocks the calling thread (a login failure delay, a retry pause). Test clocks advance instead.</summary>
        void Sleep(int milliseconds);
    }
}

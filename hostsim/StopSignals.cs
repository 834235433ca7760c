using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// SIGINT (Ctrl+C, or a supervisor signalling the whole process group) and SIGTERM set one
    /// event that a command waits on. A process that a non-interactive shell starts in the
    /// background inherits SIGINT ignored (POSIX, "Shell Command Language" §2.11), and .NET keeps
    /// an inherited SIG_IGN: without the reset below such a relay never hears SIGINT.
    /// </summary>
    public sealed class StopSignals : IDisposable
    {
        private const int SIGINT = 2;

        private readonly PosixSignalRegistration _sigint;
        private readonly PosixSignalRegistration _sigterm;

        private StopSignals(ManualResetEventSlim stop)
        {
            if (!OperatingSystem.IsWindows())
            {
                // Back to the default action first, so the runtime's handler is installed in its place.
                signal(SIGINT, IntPtr.Zero);
            }

            _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Set(); });
            _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Set(); });
        }

        /// <summary>From now until Dispose, SIGINT and SIGTERM set <paramref name="stop"/> instead of ending the process.</summary>
        public static StopSignals SetOn(ManualResetEventSlim stop)
        {
            return new StopSignals(stop);
        }

        public void Dispose()
        {
            _sigint.Dispose();
            _sigterm.Dispose();
        }

        [DllImport("libc")]
        private static extern IntPtr signal(int signum, IntPtr handler);
    }
}

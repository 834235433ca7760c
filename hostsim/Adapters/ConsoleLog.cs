using System;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>Log lines to stderr (stdout stays for command output); trace lines only with --trace.</summary>
    public sealed class ConsoleLog : ILog
    {
        private readonly object _gate = new object();
        private readonly bool _quiet;

        public ConsoleLog(bool trace)
            : this(trace, false)
        {
        }

        /// <summary>With <paramref name="quiet"/>, info lines are left out too (a command whose output is one line).</summary>
        public ConsoleLog(bool trace, bool quiet)
        {
            IsTraceEnabled = trace;
            _quiet = quiet;
        }

        public bool IsTraceEnabled { get; }

        public void Write(LogLevel level, string source, string message)
        {
            if ((level == LogLevel.Trace && !IsTraceEnabled) || (level == LogLevel.Info && _quiet))
            {
                return;
            }

            string tag = level == LogLevel.Trace ? "" : level == LogLevel.Info ? "" : level == LogLevel.Warning ? "warning: " : "error: ";
            lock (_gate)
            {
                Console.Error.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff") + " " + source + " " + tag + message);
            }
        }
    }
}

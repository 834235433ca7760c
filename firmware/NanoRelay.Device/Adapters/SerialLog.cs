using System;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>Log lines on the serial console ("ms LEVEL source: message"); the core has redacted secrets already.</summary>
    public sealed class SerialLog : ILog
    {
        private readonly object _lock = new object();
        private readonly bool _trace;

        public SerialLog(bool trace)
        {
            _trace = trace;
        }

        public bool IsTraceEnabled { get { return _trace; } }

        public void Write(LogLevel level, string source, string message)
        {
            if (level == LogLevel.Trace && !_trace)
            {
                return;
            }

            string line = Environment.TickCount64.ToString() + " " + Name(level) + " " + source + ": " + message;
            lock (_lock)
            {
                Console.WriteLine(line);
            }
        }

        private static string Name(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Trace: return "TRACE";
                case LogLevel.Info: return "INFO";
                case LogLevel.Warning: return "WARN";
                default: return "ERROR";
            }
        }
    }
}

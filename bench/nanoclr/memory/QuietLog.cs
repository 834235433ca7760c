using System.Diagnostics;
using NanoRelay.Ports;

namespace NanoRelay.MemoryBench
{
    /// <summary>A log that keeps nothing: warnings and errors go to the debug output, the rest is counted.</summary>
    public sealed class QuietLog : ILog
    {
        public bool IsTraceEnabled { get { return false; } }

        public int Lines { get; private set; }

        public void Write(LogLevel level, string source, string message)
        {
            Lines++;
            if (level == LogLevel.Warning || level == LogLevel.Error)
            {
                Debug.WriteLine("LOG " + source + ": " + message);
            }
        }
    }
}

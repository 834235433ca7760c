using System;
using System.Collections.Generic;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// One demo relay's log: every line kept (trace lines included, already redacted by the
    /// core's TraceFormatter), so the demo can print the dialogue of one session afterwards;
    /// warnings and errors also go to stderr at once, tagged with the relay's name.
    /// </summary>
    public sealed class DemoLog : ILog
    {
        private readonly string _name;
        private readonly List<(string Source, string Message)> _lines = new List<(string, string)>();

        public DemoLog(string name)
        {
            _name = name;
        }

        public bool IsTraceEnabled { get { return true; } }

        public void Write(LogLevel level, string source, string message)
        {
            lock (_lines)
            {
                _lines.Add((source, message));
            }

            if (level == LogLevel.Warning || level == LogLevel.Error)
            {
                Console.Error.WriteLine(_name + " " + source + " " + (level == LogLevel.Error ? "error: " : "warning: ") + message);
            }
        }

        /// <summary>The sessions traced under <paramref name="kind"/> ("smtp-client", "pop3", ...), as their "kind#N" sources, in order.</summary>
        public IReadOnlyList<string> Sessions(string kind)
        {
            List<string> found = new List<string>();
            lock (_lines)
            {
                foreach ((string source, string message) in _lines)
                {
                    if (source.StartsWith(kind + "#", StringComparison.Ordinal) && !found.Contains(source))
                    {
                        found.Add(source);
                    }
                }
            }

            return found;
        }

        /// <summary>The C:/S: lines of one session.</summary>
        public IReadOnlyList<string> Dialogue(string source)
        {
            List<string> lines = new List<string>();
            lock (_lines)
            {
                foreach ((string s, string message) in _lines)
                {
                    if (s == source)
                    {
                        lines.Add(message);
                    }
                }
            }

            return lines;
        }

        /// <summary>The last <paramref name="count"/> lines that are not dialogue (for a failure report).</summary>
        public IReadOnlyList<string> Tail(int count)
        {
            List<string> lines = new List<string>();
            lock (_lines)
            {
                foreach ((string source, string message) in _lines)
                {
                    if (source.IndexOf('#') < 0)
                    {
                        lines.Add(source + " " + message);
                    }
                }
            }

            return lines.Count <= count ? lines : lines.GetRange(lines.Count - count, count);
        }
    }
}

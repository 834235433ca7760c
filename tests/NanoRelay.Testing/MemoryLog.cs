using System.Collections;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>A log that keeps every line, for assertions (for example that no password was written).</summary>
    public sealed class MemoryLog : ILog
    {
        private readonly ArrayList _lines = new ArrayList();

        public bool IsTraceEnabled { get { return true; } }

        public void Write(LogLevel level, string source, string message)
        {
            lock (_lines)
            {
                _lines.Add(source + ": " + message);
            }
        }

        /// <summary>Every line written so far, "source: message".</summary>
        public string[] Lines
        {
            get
            {
                lock (_lines)
                {
                    return (string[])_lines.ToArray(typeof(string));
                }
            }
        }

        /// <summary>All lines joined by newlines.</summary>
        public string Text
        {
            get
            {
                // No string.Join in nano's mscorlib.
                string text = string.Empty;
                string[] lines = Lines;
                for (int i = 0; i < lines.Length; i++)
                {
                    text = i == 0 ? lines[i] : text + "\n" + lines[i];
                }

                return text;
            }
        }
    }
}

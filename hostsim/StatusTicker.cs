using System;
using System.IO;
using System.Threading;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// Prints the status line every period while `run` runs: rewritten in place (CR) on a
    /// terminal, one line per period otherwise (logs, pipes). Start/Stop bracket a run.
    /// </summary>
    public sealed class StatusTicker : IDisposable
    {
        private readonly Func<StatusSnapshot> _snapshot;
        private readonly TextWriter _out;
        private readonly bool _inPlace;
        private readonly PeriodicThread _thread;
        private int _lastLength;

        public StatusTicker(Func<StatusSnapshot> snapshot, TextWriter output, TimeSpan period, bool inPlace)
        {
            _snapshot = snapshot;
            _out = output;
            _thread = new PeriodicThread("nanorelay-status", period, WriteOnce, false);
            _inPlace = inPlace;
        }

        /// <summary>A ticker on stderr, in place when stderr is a terminal: every 2 s there, every 30 s into a file.</summary>
        public static StatusTicker ForConsole(Func<StatusSnapshot> snapshot)
        {
            bool terminal = !Console.IsErrorRedirected;
            return new StatusTicker(snapshot, Console.Error, TimeSpan.FromSeconds(terminal ? 2 : 30), terminal);
        }

        public void Start()
        {
            _thread.Start();
        }

        /// <summary>Stops and ends the in-place line with a newline (idempotent).</summary>
        public void Stop()
        {
            if (!_thread.Stop())
            {
                return;
            }

            if (_inPlace && _lastLength > 0)
            {
                _out.WriteLine();
                _lastLength = 0;
            }
        }

        public void Dispose()
        {
            Stop();
            _thread.Dispose();
        }

        /// <summary>Writes one status line now.</summary>
        public void WriteOnce()
        {
            string line = StatusLine.Render(_snapshot(), DateTime.UtcNow);
            if (_inPlace)
            {
                _out.Write("\r" + line + new string(' ', Math.Max(0, _lastLength - line.Length)));
                _lastLength = line.Length;
            }
            else
            {
                _out.WriteLine(line);
            }

            _out.Flush();
        }

    }
}

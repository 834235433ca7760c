using System;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// `run --status-file PATH`: the status snapshot as one JSON object, rewritten every period
    /// (write to PATH.tmp, then replace PATH, so a reader never sees half a file). For scripts
    /// such as bench/load that need the figures while the relay runs; each write samples memory.
    /// </summary>
    public sealed class StatusFile : IDisposable
    {
        private readonly Func<StatusSnapshot> _snapshot;
        private readonly string _path;
        private readonly TimeSpan _period;
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim(false);
        private Thread _thread;

        public StatusFile(Func<StatusSnapshot> snapshot, string path, TimeSpan period)
        {
            _snapshot = snapshot;
            _path = Path.GetFullPath(path);
            _period = period;
        }

        /// <summary>The JSON text for one snapshot (camelCase names, sizes in bytes, null when not known).</summary>
        public static string Render(StatusSnapshot s)
        {
            return JsonSerializer.Serialize(new
            {
                uptimeSeconds = (long)s.Uptime.TotalSeconds,
                queueDepth = s.QueueDepth,
                pop3Sessions = s.Pop3Sessions,
                smtpSessions = s.SmtpSessions,
                alertsRaised = s.AlertsRaised,
                lastDeliveryUtc = s.LastDeliveryUtc,
                lastError = s.LastError,
                managedBytes = s.ManagedBytes,
                peakManagedBytes = s.PeakManagedBytes,
                heapBudgetBytes = s.HeapBudgetBytes,
                board = s.BoardName,
            });
        }

        /// <summary>Writes the file once now.</summary>
        public void WriteOnce()
        {
            string tmp = _path + ".tmp";
            File.WriteAllText(tmp, Render(_snapshot()) + "\n");
            File.Move(tmp, _path, overwrite: true);
        }

        /// <summary>Writes now, then every period until <see cref="Stop"/>.</summary>
        public void Start()
        {
            WriteOnce();
            _stop.Reset();
            _thread = new Thread(Run) { IsBackground = true, Name = "nanorelay-status-file" };
            _thread.Start();
        }

        /// <summary>Stops and writes a last time (idempotent).</summary>
        public void Stop()
        {
            Thread t = _thread;
            if (t == null)
            {
                return;
            }

            _stop.Set();
            t.Join();
            _thread = null;
            WriteOnce();
        }

        public void Dispose()
        {
            Stop();
            _stop.Dispose();
        }

        private void Run()
        {
            while (!_stop.Wait(_period))
            {
                try
                {
                    WriteOnce();
                }
                catch (IOException)
                {
                    // A reader holding the file on some platforms, a full disk: try again next period.
                }
            }
        }
    }
}

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
        private readonly PeriodicThread _thread;

        public StatusFile(Func<StatusSnapshot> snapshot, string path, TimeSpan period)
        {
            _snapshot = snapshot;
            _path = Path.GetFullPath(path);
            _thread = new PeriodicThread("nanorelay-status-file", period, TryWrite, false);
        }

        /// <summary>The JSON text for one snapshot (camelCase names, sizes in bytes, null when not known).</summary>
        /// <remarks>Utf8JsonWriter, not JsonSerializer: no reflection metadata cache, which would itself show up in the memory measured.</remarks>
        public static string Render(StatusSnapshot s)
        {
            using MemoryStream buffer = new MemoryStream();
            using (Utf8JsonWriter w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteNumber("uptimeSeconds", (long)s.Uptime.TotalSeconds);
                w.WriteNumber("queueDepth", s.QueueDepth);
                w.WriteNumber("pop3Sessions", s.Pop3Sessions);
                w.WriteNumber("imapSessions", s.ImapSessions);
                w.WriteNumber("smtpSessions", s.SmtpSessions);
                w.WriteNumber("alertsRaised", s.AlertsRaised);
                if (s.LastDeliveryUtc == null)
                {
                    w.WriteNull("lastDeliveryUtc");
                }
                else
                {
                    w.WriteString("lastDeliveryUtc", s.LastDeliveryUtc.Value);
                }

                w.WriteString("lastError", s.LastError);
                w.WriteNumber("managedBytes", s.ManagedBytes);
                w.WriteNumber("peakManagedBytes", s.PeakManagedBytes);
                if (s.HeapBudgetBytes == null)
                {
                    w.WriteNull("heapBudgetBytes");
                }
                else
                {
                    w.WriteNumber("heapBudgetBytes", s.HeapBudgetBytes.Value);
                }

                w.WriteString("board", s.BoardName);
                w.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
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
            _thread.Start();
        }

        /// <summary>Stops and writes a last time (idempotent).</summary>
        public void Stop()
        {
            if (_thread.Stop())
            {
                WriteOnce();
            }
        }

        public void Dispose()
        {
            Stop();
            _thread.Dispose();
        }

        private void TryWrite()
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

using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.HostSim.Budget;
using NanoRelay.HostSim.Sensors;
using NanoRelay.Ports;
using NanoRelay.Relay;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// Everything `run` starts, in order, and stops in reverse: the store-and-forward host (spool,
    /// mailbox, relay worker), the POP3 and IMAP mailbox services, the SMTP ingress, the sensors with their alert
    /// rules, and the status line. Board budgets are checked before anything listens.
    /// </summary>
    public sealed class RelayServices
    {
        private readonly DateTime _started = DateTime.UtcNow;
        private MemoryMeter _meter;
        private BoardBudget _board;
        private NanoRelay.Supervision.HeapGate _heap;
        private RelayHost _host;
        private Pop3Service _pop3;
        private ImapService _imap;
        private SmtpIngressService _ingress;
        private SensorLoop _sensors;
        private AlertSpooler _alerts;
        private StatusTicker _ticker;
        private StatusFile _statusFile;

        public RelayHost Host { get { return _host; } }

        /// <summary>The IMAP service, or null when it is off (see <see cref="ImapSetup"/>).</summary>
        public ImapService Imap { get { return _imap; } }

        /// <summary>The POP3 service.</summary>
        public Pop3Service Pop3 { get { return _pop3; } }

        /// <summary>Starts everything; <paramref name="raised"/>, when given, hears (on the sensor thread) every alert the rules raise, once it is queued.</summary>
        public static RelayServices Start(HostConfig config, RunOptions options, string dataDirectory, IClock clock, IRandom random, ILog log, TextWriter output, Action<NanoRelay.Alerts.AlertMessage> raised = null)
        {
            RelayServices s = new RelayServices();
            s._meter = new MemoryMeter();
            s._meter.MarkBaseline();
            if (options.Board != null)
            {
                s._board = BoardBudget.Find(options.Board);
                Adapters.TlsSlots.Configure(s._board.TlsConcurrency);
                foreach (string w in BudgetCheck.Warnings(s._board, BudgetPlan.For(config, s._board, s._board.Costs)))
                {
                    output.WriteLine("warning: " + w);
                }
            }

            try
            {
                s._host = RelayHost.Open(config, dataDirectory, clock, random, log, s._board?.SpoolBytes ?? 0);
                output.WriteLine("store            " + s._host.RecoverySummary);
                output.WriteLine("delivery         " + UpstreamChoice.Describe(config));
                s._host.Start();
                // One table of failed logins by address for both servers: a guesser cannot switch protocols to start afresh.
                NanoRelay.Auth.AuthPenalty penalty = new NanoRelay.Auth.AuthPenalty();
                X509Certificate2 certificate = HostCertificate.LoadOrCreate(config, dataDirectory, out string certificateSource, out bool created);
                output.WriteLine("certificate      " + certificateSource + (created ? " (self-signed, created now)" : "") + ", for STLS/STARTTLS");
                output.WriteLine("  SHA-256        " + HostCertificate.Sha256Fingerprint(certificate));
                // With a board, message-sized work is admitted by its measured cost, as on the device (Supervision/HeapGate).
                s._heap = s._board == null ? null : new NanoRelay.Supervision.HeapGate(s._board.TransferHeapBytes);
                if (s._heap != null)
                {
                    output.WriteLine("heap gate        " + (s._heap.Capacity == 0 ? "no limit (board without measured figures)" : s._heap.Capacity + " bytes of message transfers at once (board " + s._board.Name + ")"));
                }

                s._host.Worker.Heap = s._heap;
                s._pop3 = Pop3Setup.Start(config, options, dataDirectory, s._host.Mailbox, certificate, clock, random, log, output, s._board, penalty, s._heap);
                s._imap = ImapSetup.Start(config, options, s._host.Mailbox, certificate, clock, log, output, s._board, penalty, s._heap);
                s._ingress = SmtpIngress.Start(config, options, s._host, clock, random, log, output, s._board, penalty, s._heap);

                s._alerts = new AlertSpooler(s._host.Spool, clock, random, log, config.Device.Name, config.Alerts.From, config.Alerts.To) { Heap = s._heap };
                s._host.Scheduler.Alerts = s._alerts;   // held alerts are spooled once the clock is trusted (the core's scheduler, as on the device)
                s._sensors = SensorLoop.FromConfig(config, options.ConfigFile == null, clock, new ReportingSink(s._alerts, raised), log);
                s._sensors.Start();
                output.WriteLine("sensors          " + s._sensors.SourceCount + " (alerts from " + config.Alerts.From + " to " + string.Join(", ", config.Alerts.To) + ")");

                s._ticker = options.Trace || !options.StatusLine ? null : StatusTicker.ForConsole(s.Snapshot);
                s._ticker?.Start();
                s._statusFile = options.StatusFile == null ? null : new StatusFile(s.Snapshot, options.StatusFile, TimeSpan.FromSeconds(1));
                s._statusFile?.Start();
                return s;
            }
            catch
            {
                s.Stop(TextWriter.Null);
                throw;
            }
        }

        /// <summary>What the status line shows: live figures, measured.</summary>
        public StatusSnapshot Snapshot()
        {
            RelayCounters c = _host.Worker.Counters;
            return new StatusSnapshot
            {
                Uptime = DateTime.UtcNow - _started,
                QueueDepth = _host.Spool.Count,
                Pop3Sessions = _pop3?.ActiveSessions ?? 0,
                ImapSessions = _imap?.ActiveSessions ?? 0,
                SmtpSessions = _ingress?.ActiveSessions ?? 0,
                AlertsRaised = _sensors?.Engine.MessagesRaised ?? 0,
                LastDeliveryUtc = _host.LastDeliveryUtc,
                LastError = _host.LastError ?? _alerts?.LastError ?? _sensors?.LastError,
                ManagedBytes = _meter.Sample(),
                PeakManagedBytes = _meter.Peak,
                HeapBudgetBytes = _board?.HeapBytes,
                BoardName = _board?.Name,
                HeapGate = _heap == null ? null : HeapGateAccount(_heap, _host.Worker.HeapDeferrals),
            };
        }

        /// <summary>"peak 15.3 KB of 15.9 KB admitted at once; 1 session waited (0 went ahead without room); 4 deferrals of background work (relay rounds 1)".</summary>
        public static string HeapGateAccount(NanoRelay.Supervision.HeapGate gate, int relayDeferrals)
        {
            string capacity = gate.Capacity == 0 ? "no limit" : ByteSize.Format(gate.Capacity);
            return "peak " + ByteSize.Format(gate.Peak) + " of " + capacity + " admitted at once; "
                + gate.Waits + (gate.Waits == 1 ? " session" : " sessions") + " waited (" + gate.Overruns + " went ahead without room); "
                + gate.Deferrals + " deferrals of background work (relay rounds " + relayDeferrals + ")";
        }

        /// <summary>Stops everything; queued mail stays in the spool for the next start.</summary>
        public void Stop(TextWriter output)
        {
            _ticker?.Stop();
            _statusFile?.Stop();
            _sensors?.Stop();
            _ingress?.Stop();
            _imap?.Stop();
            _pop3?.Stop();
            StatusSnapshot last = _host == null ? null : Snapshot();
            _host?.Dispose();
            if (last != null)
            {
                output.Write(StatusLine.RenderTable(last, DateTime.UtcNow));
            }
        }

        // Queue the alert (the spool's commit wakes the relay scheduler), then tell whoever asked (the demo).
        private sealed class ReportingSink : NanoRelay.Alerts.IAlertSink
        {
            private readonly AlertSpooler _spooler;
            private readonly Action<NanoRelay.Alerts.AlertMessage> _raised;

            public ReportingSink(AlertSpooler spooler, Action<NanoRelay.Alerts.AlertMessage> raised)
            {
                _spooler = spooler;
                _raised = raised;
            }

            public void Raise(NanoRelay.Alerts.AlertMessage message)
            {
                _spooler.Raise(message);
                _raised?.Invoke(message);
            }
        }
    }
}

using System;
using System.IO;
using System.Net;
using System.Threading;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;
using nanoFramework.System.IO.FileSystem;
using NanoRelay.Boards;
using NanoRelay.Config;
using NanoRelay.Device.Adapters;
using NanoRelay.Imap.Server;
using NanoRelay.Pop2;
using NanoRelay.Pop3;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;
using NanoRelay.Supervision;

namespace NanoRelay.Device
{
    /// <summary>
    /// Brings the board up in order (board file, config, network, clock, certificates, spool and
    /// mailbox) and starts each service through one method: the relay worker, POP3, IMAP, the
    /// SMTP ingress and the sensors, each the core's classes on the device's ports. No protocol logic lives here.
    /// </summary>
    public sealed partial class DeviceServices
    {
        public const string ConfigPath = "I:\\nanorelay.json";
        public const string BoardPath = "I:\\board.json";

        // Failed logins by client address, one table for POP3, IMAP and the SMTP ingress.
        private readonly NanoRelay.Auth.AuthPenalty _authPenalty = new NanoRelay.Auth.AuthPenalty();

        private const int NetworkTimeoutMs = 60000, ClockWaitMs = 60000, ClockRetryMs = 60000, RebootAfterNoNetworkMs = 30000;
        private const int RemovableMountWaitMs = 3000;   // the Samples wait 3 s after boot for removable drives to mount
        private const int SensorPeriodMs = 5000;

        // The longest one message may take: the RFC 5321 §4.5.3.2 client timeouts of one transaction
        // (greeting 5, EHLO 5, STARTTLS 5, EHLO 5, AUTH 5, MAIL 5, RCPT 5, DATA 2, final dot 10 minutes)
        // plus connect and handshake. The worker beats between messages, so this bounds one, not the queue.
        private const int RelaySilenceMs = 50 * 60 * 1000;

        private SerialLog _log;
        private DeviceClock _clock;
        private BoardProfile _board;
        private RelayConfig _config;
        private Supervisor _supervisor;
        private TlsGate _gate;
        private HeapGate _heap;
        private TlsCredentials _credentials;
        private Spool _spool;
        private Mailbox _mailbox;
        private AlertSpooler _alerts;
        private RelayLoop _relay;
        private Pop3Server _pop3;
        private ImapServer _imap;
        private Listeners _listeners;

        // The mounted SD card, held for the program's life: SDCard's finalizer unmounts the card, so an
        // unreferenced instance would take the spool's drive away whenever the GC runs.
        private SDCard _sdCard;

        /// <summary>The ports the core's services are built from (set by Run).</summary>
        public IClock Clock { get { return _clock; } }
        public ILog Log { get { return _log; } }
        public IRandom Random { get; private set; }
        public IFileStore Store { get; private set; }
        public IConnector Connector { get; private set; }

        /// <summary>Starts everything; returns once the service threads run (or after logging why it cannot).</summary>
        public void Run()
        {
            _log = new SerialLog(false);
            _clock = new DeviceClock();
            Random = new DeviceRandom();
            Info("device", "nanoRelay on " + SystemInfo.TargetName + ", managed heap free " + nanoFramework.Runtime.Native.GC.Run(false) + " bytes");
            if (!LoadBoard() || !LoadConfig())
            {
                _log.Write(LogLevel.Error, "device", "halted: fix the file named above and upload it again (boards/README.md)");
                return;
            }

            _supervisor = new Supervisor(_clock, _log);
            _gate = new TlsGate(_board.TlsSessions, _board.TlsMinFreeNativeBytes, _board.Psram);

            // Message-sized work (transfers, the relay's round, an alert) admitted by its measured cost (Supervision/HeapGate).
            _heap = new HeapGate(_board.TransferHeapBytes);
            Info("device", _heap.Capacity == 0 ? "heap gate: no limit (the board has no measured memory figures)" : "heap gate: " + _heap.Capacity + " bytes for message transfers at once");
            if (!StartNetwork())
            {
                _log.Write(LogLevel.Error, "network", "no network; rebooting in " + (RebootAfterNoNetworkMs / 1000) + " s");
                Thread.Sleep(RebootAfterNoNetworkMs);
                Power.RebootDevice();
                return;
            }

            // Watching starts before the services: whatever starts and then hangs is caught.
            _supervisor.Start();
            StartClock();
            _credentials = TlsCredentials.Load(_config, _log);
            if (!StartStore())
            {
                _log.Write(LogLevel.Error, "device", "halted: the spool cannot be opened");
                return;
            }

            Connector = new SocketConnector(_credentials, _gate, _board.TlsHandshakeTimeoutMs, _clock);
            _listeners = new Listeners(_supervisor, _credentials, _gate, _board.TlsHandshakeTimeoutMs, _clock, _log);

            // A service that throws while starting (a busy GPIO pin, a port in use) stays off; the rest runs, watched.
            Step("relay", new ThreadStart(StartRelayWorker));
            Step("pop3", new ThreadStart(StartPop3Server));
            Step("imap", new ThreadStart(StartImapServer));
            Step("smtp", new ThreadStart(StartSmtpIngress));
            Step("sensors", new ThreadStart(StartSensors));
            Info("device", "up; managed heap free " + nanoFramework.Runtime.Native.GC.Run(false) + " bytes of a " + _board.ManagedHeapBudgetBytes + "-byte budget");
        }

        private void Step(string service, ThreadStart start)
        {
            try
            {
                start();
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, service, "not started: " + e.Message);
            }
        }

        private bool LoadBoard()
        {
            string error;
            try
            {
                _board = BoardProfile.Parse(File.ReadAllText(BoardPath), out error);
            }
            catch (Exception e)
            {
                error = "cannot read: " + e.Message;
            }

            if (_board == null)
            {
                _log.Write(LogLevel.Error, "board", BoardPath + ": " + error);
                return false;
            }

            Info("board", _board.Name + " (" + _board.Target + "), " + _board.Pop3Sessions + " POP3 / " + _board.SmtpIngressSessions + " SMTP sessions, " + _board.TlsSessions + " TLS");
            return true;
        }

        private bool LoadConfig()
        {
            string error;
            _config = DeviceConfig.Load(ConfigPath, out error);
            if (_config == null)
            {
                _log.Write(LogLevel.Error, "config", error);
                return false;
            }

            return true;
        }

        private void StartRelayWorker()
        {
            RetryPolicy policy = new RetryPolicy(_config.Retry.FirstDelaySeconds, _config.Retry.MaxDelaySeconds, _config.Retry.LifetimeHours);
            RelayWorker worker = new RelayWorker(_spool, _mailbox, UpstreamChoice.Create(_config, Connector, new SocketConnector(_credentials, _gate, _board.TlsHandshakeTimeoutMs, _clock) { AcceptAnyCertificate = true }, new Adapters.SocketDatagramSocket(), _clock, Random, _log), _clock, Random, policy, _config.Device.Name, _log);
            _alerts = new AlertSpooler(_spool, _clock, Random, _log, _config.Device.Name, _config.Alerts.From, _config.Alerts.To);
            worker.Heap = _heap;
            _alerts.Heap = _heap;
            RelayScheduler scheduler = new RelayScheduler(worker, _spool, _clock, _log);
            scheduler.Alerts = _alerts;
            _relay = new RelayLoop(scheduler, _log);
            Heartbeat beat = _supervisor.AddWorker("relay", RelaySilenceMs, new ThreadStart(_relay.Run));
            _relay.Heartbeat = beat;
            _supervisor.StartWorker(beat);
            Info("relay", UpstreamChoice.Describe(_config));
        }

        private void StartPop3Server()
        {
            Pop3ServerOptions options = new Pop3ServerOptions();
            options.AuthPenalty = _authPenalty;
            options.User = _config.Pop3.User;
            options.Password = _config.Pop3.Password;
            options.Apop = _config.Pop3.Apop;
            options.HostName = _config.Device.Name;
            options.ServerName = _config.Device.Name;

            // STLS only with a certificate loaded: without one every handshake would fail.
            options.TlsAvailable = HasTls("pop3");
            options.MaxSessions = _board.Pop3Sessions;

            // RFC 1939 §7: the greeting counter starts at a random value, so a reboot repeats no timestamp.
            byte[] start = new byte[4];
            Random.NextBytes(start, 0, 4);
            _pop3 = new Pop3Server(options, _mailbox, _clock, Random, _log, ((long)start[0] << 24) | ((long)start[1] << 16) | ((long)start[2] << 8) | start[3]);

            new SessionListener(new SessionEntry(_pop3.EnterSession), new ConnectionHandler(_pop3.RefuseBusy), new SessionHandler(RunPop3))
                .Listen(_listeners, "pop3", _config.Pop3.Listen, _config.Pop3.TlsListen, options.TlsAvailable, _board.Pop3Sessions);
            if (_config.Pop2 != null && _config.Pop2.Listen != null)
            {
                // RFC 937 POP2 (port 109), off unless pop2.listen is set: the same maildrop, lock, account and cap; no TLS.
                new SessionListener(new SessionEntry(_pop3.EnterSession), new ConnectionHandler(Pop2ServerDriver.RefuseBusy), new SessionHandler(RunPop2))
                    .Listen(_listeners, "pop2", _config.Pop2.Listen, null, false, _board.Pop3Sessions);
            }
        }

        private void RunPop3(IConnection connection, ISessionSlot slot)
        {
            new Pop3ServerDriver(_pop3, connection, Limits.Pop3TransferChunk) { Slot = slot, Heap = _heap }.Run();
        }

        private void RunPop2(IConnection connection, ISessionSlot slot)
        {
            new Pop2ServerDriver(_pop3, connection, Limits.Pop3TransferChunk, _config.Pop2.AllowPlaintextAuth) { Slot = slot, Heap = _heap }.Run();
        }

        // IMAP4rev2 (RFC 9051) on the same mailbox: only with an "imap" section and a board with sessions.imap.
        private void StartImapServer()
        {
            if (_config.Imap == null || _board.ImapSessions == 0)
            {
                Info("imap", _config.Imap == null ? "off (no \"imap\" section in the config)" : "off (board " + _board.Name + " has no sessions.imap)");
                return;
            }

            ImapServerOptions options = new ImapServerOptions();
            options.AuthPenalty = _authPenalty;
            options.User = _config.ImapUser();
            options.Password = _config.ImapPassword();
            options.MaxMessageBytes = _config.SmtpIngress.MaxMessageBytes;
            options.TlsAvailable = HasTls("imap");   // STARTTLS only with a certificate loaded
            options.MaxSessions = _board.ImapSessions;
            _mailbox.Clock = _clock;   // INTERNALDATE (RFC 9051 §2.3.3)
            _imap = new ImapServer(options, _mailbox, _clock, _log);
            new SessionListener(new SessionEntry(_imap.EnterSession), new ConnectionHandler(_imap.RefuseBusy), new SessionHandler(RunImap))
                .Listen(_listeners, "imap", _config.Imap.Listen, _config.Imap.TlsListen, options.TlsAvailable, _board.ImapSessions);
        }

        private void RunImap(IConnection connection, ISessionSlot slot)
        {
            new ImapServerDriver(_imap, connection, Limits.ImapTransferChunk) { Slot = slot, Heap = _heap }.Run();
        }

        private bool HasTls(string service)
        {
            bool tls = _credentials.ServerCertificate != null;
            Info(service, tls ? "TLS with certificate.file" : "no TLS (no certificate.file/keyFile loaded): STLS/STARTTLS not offered, implicit TLS off");
            return tls;
        }

        private void StartSmtpIngress()
        {
            RelayPolicy policy = RelayPolicy.Create(_config.SmtpIngress.AllowFrom);   // checked at load (ConfigCheck)
            SmtpServerOptions options = new SmtpServerOptions();
            options.AuthPenalty = _authPenalty;
            options.ServerName = _config.Device.Name;
            options.MaxMessageBytes = _config.SmtpIngress.MaxMessageBytes;
            options.BareLineEnds = _config.SmtpIngress.BareLineEnds == "normalize" ? BareLineEnds.Normalize : BareLineEnds.Reject;
            options.TlsAvailable = HasTls("smtp");
            UserSection[] users = _config.SmtpIngress.Users;
            for (int i = 0; users != null && i < users.Length; i++)
            {
                options.AddUser(users[i].User, users[i].Password);
            }

            int sessions = _config.SmtpIngress.MaxSessions > 0 && _config.SmtpIngress.MaxSessions < _board.SmtpIngressSessions ? _config.SmtpIngress.MaxSessions : _board.SmtpIngressSessions;
            SpoolIngressSink sink = new SpoolIngressSink(_spool);
            sink.Heap = _heap;

            // The shared session listener: a thread per session up to the board's cap, 421 4.7.0 beyond it (before any TLS).
            SmtpServer smtp = new SmtpServer(options, sessions, policy, sink, _clock, _log, Random);
            new SessionListener(new SessionEntry(smtp.EnterSession), new ConnectionHandler(smtp.RefuseBusy), new SessionHandler(smtp.Serve))
                .Listen(_listeners, "smtp", _config.SmtpIngress.Listen, null, false, sessions);
        }

        private void StartSensors()
        {
            if (_board.Sensors.Length == 0 || _config.Sensors == null || _config.Sensors.Length == 0)
            {
                return;
            }

            SensorAlerts alerts = SensorAlerts.Create(_config.Sensors, _board.Sensors, _config.Device.Name, _clock, _alerts, _log);
            if (alerts.Bound == 0)
            {
                return;
            }

            Heartbeat h = _supervisor.Register("sensors", 3 * SensorPeriodMs);
            new SensorSampler(_board.Sensors, SensorPeriodMs, new SampleHandler(alerts.Feed), new ThreadStart(alerts.Poll), _log, h).Start();
        }

        private void Info(string source, string message)
        {
            _log.Write(LogLevel.Info, source, message);
        }
    }
}

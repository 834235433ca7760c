using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;
using nanoFramework.System.IO.FileSystem;
using NanoRelay.Boards;
using NanoRelay.Device.Adapters;
using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>
    /// Brings the board up in order (board file, config, network, clock, certificates, spool) and
    /// starts each service through one method. Methods marked NOT WIRED wait for core classes that
    /// are not merged yet; each says what it will call. No protocol logic lives here.
    /// </summary>
    public sealed class DeviceServices
    {
        public const string ConfigPath = "I:\\nanorelay.json";
        public const string BoardPath = "I:\\board.json";

        private const int NetworkTimeoutMs = 60000;
        private const int ClockWaitMs = 60000;
        private const int ClockRetryMs = 60000;
        private const int RebootAfterNoNetworkMs = 30000;

        // facts §2.3: the Samples wait 3 s after boot for removable drives to mount.
        private const int RemovableMountWaitMs = 3000;

        private const int ListenBacklog = 2;
        private const int AcceptSilenceMs = 30000;
        private const int SensorPeriodMs = 5000;

        private SerialLog _log;
        private DeviceClock _clock;
        private BoardProfile _board;
        private DeviceConfig _config;
        private Supervisor _supervisor;
        private TlsGate _gate;
        private TlsCredentials _credentials;

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

            _supervisor = new Supervisor(_log);
            _gate = new TlsGate(_board.TlsSessions, _board.TlsMinFreeNativeBytes, _board.Psram);
            if (!StartNetwork())
            {
                _log.Write(LogLevel.Error, "network", "no network; rebooting in " + (RebootAfterNoNetworkMs / 1000) + " s");
                Thread.Sleep(RebootAfterNoNetworkMs);
                Power.RebootDevice();
                return;
            }

            StartClock();
            LoadCredentials();
            StartStore();
            Connector = new SocketConnector(_credentials, _gate, _board.TlsHandshakeTimeoutMs);
            StartRelayWorker();
            StartPop3Server();
            StartSmtpIngress();
            StartSensors();
            _supervisor.Start();
            Info("device", "up; managed heap free " + nanoFramework.Runtime.Native.GC.Run(false) + " bytes of a " + _board.ManagedHeapBudgetBytes + "-byte budget");
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

        private bool StartNetwork()
        {
            // The date is waited for separately (StartClock): a slow NTP server must not keep the
            // relay off the LAN, where POP3 still serves the mailbox.
            CancellationTokenSource cs = new CancellationTokenSource(NetworkTimeoutMs);
            bool up;
            if (_board.Network == "ethernet")
            {
                up = NetworkHelper.SetupAndConnectNetwork(token: cs.Token, requiresDateTime: false);
            }
            else if (_config.Wifi != null && _config.Wifi.Ssid != null && _config.Wifi.Ssid.Length > 0)
            {
                up = WifiNetworkHelper.ConnectDhcp(_config.Wifi.Ssid, _config.Wifi.Password, requiresDateTime: false, token: cs.Token);
            }
            else
            {
                // No credentials in the config: the ones stored on the device (nanoff --networkdeployment).
                up = WifiNetworkHelper.Reconnect(requiresDateTime: false, token: cs.Token);
            }

            if (!up)
            {
                Exception e = _board.Network == "ethernet" ? NetworkHelper.HelperException : WifiNetworkHelper.HelperException;
                string status = _board.Network == "ethernet" ? NetworkHelper.Status.ToString() : WifiNetworkHelper.Status.ToString();
                _log.Write(LogLevel.Error, "network", "not up: " + status + (e != null ? " (" + e.Message + ")" : ""));
                return false;
            }

            Info("network", _board.Network + " up, address " + IPAddress.GetDefaultLocalAddress().ToString());
            return true;
        }

        private void StartClock()
        {
            // facts §2.7: SNTP runs when the firmware has it; the core holds mail until the clock is trusted.
            if (!Sntp.IsStarted)
            {
                Sntp.Start();
            }

            Sntp.UpdateNow();
            long until = Environment.TickCount64 + ClockWaitMs;
            while (!_clock.TrustIfPlausible() && Environment.TickCount64 < until)
            {
                Thread.Sleep(500);
            }

            if (_clock.IsUtcTrusted)
            {
                Info("clock", "UTC " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss") + " (SNTP)");
                return;
            }

            _log.Write(LogLevel.Warning, "clock", "no SNTP time yet; mail waits until the clock is set");
            new Thread(new ThreadStart(WaitForClock)).Start();
        }

        private void WaitForClock()
        {
            while (!_clock.TrustIfPlausible())
            {
                Thread.Sleep(ClockRetryMs);
                Sntp.UpdateNow();
            }

            Info("clock", "UTC set by SNTP");
        }

        private void LoadCredentials()
        {
            X509Certificate ca = null;
            X509Certificate2 server = null;
            if (_config.Upstream != null && _config.Upstream.TrustedCaFile != null)
            {
                ca = (X509Certificate)ReadCertificate("upstream.trustedCaFile", DeviceConfig.Resolve(_config.Upstream.TrustedCaFile), null, null);
            }

            if (_config.Certificate != null && _config.Certificate.File != null && _config.Certificate.KeyFile != null)
            {
                server = (X509Certificate2)ReadCertificate("certificate.file", DeviceConfig.Resolve(_config.Certificate.File), DeviceConfig.Resolve(_config.Certificate.KeyFile), _config.Certificate.Password);
            }

            _credentials = new TlsCredentials(ca, server);
        }

        private object ReadCertificate(string field, string path, string keyPath, string password)
        {
            try
            {
                string pem = File.ReadAllText(path);
                return keyPath == null ? new X509Certificate(pem) : new X509Certificate2(pem, File.ReadAllText(keyPath), password);
            }
            catch (Exception e)
            {
                // Verification stays on: without this file mbedTLS uses the device store only.
                _log.Write(LogLevel.Warning, "tls", field + ": " + path + ": " + e.Message);
                return null;
            }
        }

        private void StartStore()
        {
            string drive = _board.SpoolDrive;
            if (drive == "D")
            {
                Thread.Sleep(RemovableMountWaitMs);
                try
                {
                    SDCard card = new SDCard(0);
                    card.Mount();
                }
                catch (Exception e)
                {
                    _log.Write(LogLevel.Error, "spool", "SD card did not mount (" + e.Message + "); spooling to I: instead");
                    drive = "I";
                }
            }

            long max = _config.Spool.MaxBytes < _board.SpoolMaxBytes ? _config.Spool.MaxBytes : _board.SpoolMaxBytes;
            Store = new FlashFileStore(drive + ":\\" + _config.Spool.Path, max);
            Info("spool", drive + ":\\" + _config.Spool.Path + ", " + Store.FreeBytes + " of " + max + " bytes free");
        }

        // NOT WIRED: needs the core's spool and relay worker (NanoRelay.Relay / NanoRelay.Storage).
        // It will run the worker on a thread that beats a heartbeat each pass:
        //   Heartbeat h = _supervisor.Register("relay", 10 * 60 * 1000);
        //   new RelayWorker(Store, Connector, _clock, _log, upstream settings, h).Start();
        private void StartRelayWorker()
        {
            _log.Write(LogLevel.Warning, "relay", "NOT WIRED: relay worker waits for the core's Relay classes");
        }

        private void StartPop3Server()
        {
            SessionSlots slots = new SessionSlots(_board.Pop3Sessions);
            Listen("pop3", _config.Pop3.Listen, slots, new ConnectionHandler(ServePop3));
            if (_config.Pop3.TlsListen != null)
            {
                // RFC 8314 §3.3 implicit TLS (995): the handshake first, then the same session.
                Listen("pop3s", _config.Pop3.TlsListen, slots, new ConnectionHandler(ServePop3Tls));
            }
        }

        // NOT WIRED: needs the core's POP3 session, maildrop and pump (NanoRelay.Pop3), e.g.
        //   new Pop3Pump(new Pop3Session(maildrop, _config.Pop3 credentials, Clock, Random, Log), connection, Clock).Run();
        private void ServePop3(IConnection connection)
        {
            _log.Write(LogLevel.Warning, "pop3", "NOT WIRED: closing " + connection.RemoteAddress);
        }

        private void ServePop3Tls(IConnection connection)
        {
            connection.StartTlsAsServer();
            ServePop3(connection);
        }

        private void StartSmtpIngress()
        {
            Listen("smtp", _config.SmtpIngress.Listen, new SessionSlots(_board.SmtpIngressSessions), new ConnectionHandler(ServeSmtp));
        }

        // NOT WIRED: needs the core's SMTP server session and spool writer (NanoRelay.Smtp), e.g.
        //   new SmtpServerPump(new SmtpServerSession(spool, allowFrom, maxMessageBytes, _clock, _log), connection).Run();
        private void ServeSmtp(IConnection connection)
        {
            _log.Write(LogLevel.Warning, "smtp", "NOT WIRED: closing " + connection.RemoteAddress);
        }

        private void StartSensors()
        {
            if (_board.Sensors.Length == 0 || _config.Sensors == null || _config.Sensors.Length == 0)
            {
                return;
            }

            Heartbeat h = _supervisor.Register("sensors", 3 * SensorPeriodMs);
            new SensorSampler(_board.Sensors, SensorPeriodMs, new SampleHandler(OnSample), _log, h).Start();
        }

        // NOT WIRED: needs the core's alert rules (NanoRelay.Alerts): the config's sensor whose
        // "source" names this board input gets the value; a rule that fires writes a message to the spool.
        private void OnSample(string sensor, double value)
        {
            if (_log.IsTraceEnabled)
            {
                _log.Write(LogLevel.Trace, "sensors", sensor + " = " + value.ToString());
            }
        }

        private void Listen(string name, string endpoint, SessionSlots slots, ConnectionHandler serve)
        {
            int colon = endpoint == null ? -1 : endpoint.LastIndexOf(':');
            int port;
            if (colon <= 0 || !int.TryParse(endpoint.Substring(colon + 1), out port) || port <= 0 || port > 65535)
            {
                _log.Write(LogLevel.Error, name, "'" + endpoint + "' is not ADDRESS:PORT; service not started");
                return;
            }

            try
            {
                IPAddress address = IPAddress.Parse(endpoint.Substring(0, colon));
                Heartbeat h = _supervisor.Register(name + "-accept", AcceptSilenceMs);
                SocketListener listener = new SocketListener(address, port, ListenBacklog, _credentials, _gate, _board.TlsHandshakeTimeoutMs, h);
                new SessionRunner(name, listener, slots, serve, null, _log).Start();
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, name, "cannot listen on " + endpoint + ": " + e.Message);
            }
        }

        private void Info(string source, string message)
        {
            _log.Write(LogLevel.Info, source, message);
        }
    }
}

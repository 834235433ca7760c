using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;
using NanoRelay.Alerts;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Relay;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Imap
{
    /// <summary>
    /// `run` as RelayServices starts it (from a config file: no simulated sensors, local delivery
    /// into the device mailbox), POP3 and IMAP on loopback ports chosen by the OS; an alert
    /// engine beside it raises alerts through the same spool-then-wake path as the sensors.
    /// </summary>
    internal sealed class ImapHostFixture : IDisposable
    {
        public const string User = "tech";
        public const string Password = "secret";

        private readonly StringWriter _output = new StringWriter();
        private readonly AlertEngine _engine;
        private readonly SystemClock _clock = new SystemClock();

        public ImapHostFixture()
        {
            Directory.CreateDirectory(Root);
            string config = Path.Combine(Root, "nanorelay.json");
            File.WriteAllText(config, "{ \"device\": { \"name\": \"imap-test\" },\n"
                + "  \"pop3\": { \"user\": \"" + User + "\", \"password\": \"" + Password + "\" },\n"
                + "  \"sensors\": [] }\n");
            RunOptions options = new RunOptions
            {
                ConfigFile = config,
                DataDirectory = Path.Combine(Root, "data"),
                Pop3Listen = "127.0.0.1:0",
                ImapListen = "127.0.0.1:0",
                SmtpListen = "127.0.0.1:" + NanoRelay.Tests.HostSim.HostSimProcess.FreePort(),
                StatusLine = false,
            };
            Services = RelayServices.Start(HostConfig.Load(config), options, options.DataDirectory, _clock, new CryptoRandom(), new MemoryLog(), _output);
            Certificate = HostCertificate.LoadOrCreate(HostConfig.Load(config), options.DataDirectory, out _, out _);

            AlertSpooler spooler = new AlertSpooler(Services.Host.Spool, _clock, new CryptoRandom(), new MemoryLog(), "imap-test", "nanorelay@localhost", new[] { "tech@localhost" });
            _engine = new AlertEngine("imap-test", _clock, new TimingSink(spooler, this));
        }

        public string Root { get; } = Path.Combine(Path.GetTempPath(), "nanorelay-imap-" + Guid.NewGuid().ToString("N"));

        public RelayServices Services { get; }

        public X509Certificate2 Certificate { get; }

        /// <summary>What `run` printed.</summary>
        public string Output { get { return _output.ToString(); } }

        public int ImapPort { get { return Services.Imap.Port; } }

        public int Pop3Port { get { return Services.Pop3.Port; } }

        /// <summary>The Stopwatch timestamp at which the last alert was raised (before it is written to the spool).</summary>
        public long RaisedAt { get; private set; }

        /// <summary>Puts a message into the device mailbox as the relay worker would; returns its UIDL.</summary>
        public string Deliver(byte[] message)
        {
            return Services.Host.Mailbox.Deliver(message, 0, message.Length, null);
        }

        /// <summary>Sensor <paramref name="sensor"/> (a new one each time: a clear would be a message too) goes above 8 °C: one alert, queued and the worker woken.</summary>
        public void RaiseAlert(string sensor)
        {
            _engine.Add(AlertRule.Above(sensor, SensorKind.Temperature, 8.0, 7.0));
            _engine.Feed(new SensorSample(sensor, SensorKind.Temperature, 9.5, _clock.MonotonicMilliseconds));
        }

        /// <summary>An ImapClient logged in over STARTTLS, trusting exactly the host's certificate.</summary>
        public ImapClient Imap(MailKit.IProtocolLogger logger = null)
        {
            ImapClient client = logger == null ? new ImapClient() : new ImapClient(logger);
            client.Timeout = 20000;
            client.ServerCertificateValidationCallback = Trust;
            client.Connect("127.0.0.1", ImapPort, SecureSocketOptions.StartTls);
            client.Authenticate(User, Password);
            return client;
        }

        /// <summary>A Pop3Client logged in (from loopback: USER/PASS in clear is allowed), holding the maildrop lock until QUIT.</summary>
        public Pop3Client Pop3()
        {
            Pop3Client client = new Pop3Client { Timeout = 20000 };
            client.Connect("127.0.0.1", Pop3Port, SecureSocketOptions.None);
            client.Authenticate(User, Password);
            return client;
        }

        public bool Trust(object sender, X509Certificate certificate, X509Chain chain, System.Net.Security.SslPolicyErrors errors)
        {
            return certificate != null && certificate.GetCertHashString() == Certificate.GetCertHashString();
        }

        public void Dispose()
        {
            Services.Stop(TextWriter.Null);
            try
            {
                Directory.Delete(Root, true);
            }
            catch (IOException)
            {
            }
        }

        // As RelayServices' own sink: queue the alert (the spool's commit wakes the relay scheduler), noting when.
        private sealed class TimingSink : IAlertSink
        {
            private readonly AlertSpooler _spooler;
            private readonly ImapHostFixture _fixture;

            public TimingSink(AlertSpooler spooler, ImapHostFixture fixture)
            {
                _spooler = spooler;
                _fixture = fixture;
            }

            public void Raise(AlertMessage message)
            {
                _fixture.RaisedAt = System.Diagnostics.Stopwatch.GetTimestamp();   // before the spool write: the latency counts it
                _spooler.Raise(message);
            }
        }
    }
}

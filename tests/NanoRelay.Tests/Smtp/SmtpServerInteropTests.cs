using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;
using NanoRelay.Config;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Smtp;
using NanoRelay.Testing;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NanoRelay.Tests.Smtp
{
    /// <summary>
    /// The host's `send` path (core MIME writer + core client + desktop TCP/TLS adapter) against a
    /// real SMTP server library in-process (NuGet SmtpServer): STARTTLS on a "587" endpoint, implicit
    /// TLS on a "465" one, AUTH required, a self-signed certificate trusted through trustedCaFile.
    /// </summary>
    [TestClass]
    public class SmtpServerInteropTests
    {
        private const string User = "relay";
        private const string Password = "relay-secret";
        private static readonly ConcurrentQueue<byte[]> s_messages = new();
        private static readonly ConcurrentQueue<string> s_logins = new();
        private static CancellationTokenSource s_stop;
        private static SmtpServer.SmtpServer s_server;
        private static Task s_running;
        private static int s_startTlsPort;
        private static int s_implicitPort;
        private static string s_dir;
        private static string s_caFile;

        [ClassInitialize]
        public static void Start(TestContext context)
        {
            s_dir = Directory.CreateTempSubdirectory("nanorelay-smtpserver-").FullName;
            X509Certificate2 cert = TestCertificate.Create();
            s_caFile = TestCertificate.WritePem(cert, s_dir);
            s_startTlsPort = FreePort();
            s_implicitPort = FreePort();
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, s_startTlsPort)).IsSecure(false).AllowUnsecureAuthentication(false).AuthenticationRequired(true).Certificate(cert))
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, s_implicitPort)).IsSecure(true).AuthenticationRequired(true).Certificate(cert))
                .Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Store());
            services.Add(new Authenticator());
            s_server = new SmtpServer.SmtpServer(options, services);
            s_stop = new CancellationTokenSource();
            s_running = s_server.StartAsync(s_stop.Token);
        }

        [ClassCleanup]
        public static void Stop()
        {
            s_stop.Cancel();
            s_server.Shutdown();
            try
            {
                s_running.Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // cancelled: the server stopped
            }

            Directory.Delete(s_dir, true);
        }

        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        private static HostConfig Config(int port, string tls, string password, string caFile)
        {
            return new HostConfig
            {
                BaseDirectory = s_dir,
                Device = new DeviceSection { Name = "greenhouse-1" },
                Alerts = new AlertsSection { From = "greenhouse-1@example.com", To = new[] { "ops@example.com" } },
                Upstream = new UpstreamSection { Host = "localhost", Port = port, Tls = tls, User = User, Password = password, TrustedCaFile = caFile },
            };
        }

        private static OutgoingMessage Message(byte[] attachment, string subject)
        {
            return new OutgoingMessage
            {
                From = "greenhouse-1@example.com",
                To = new[] { "ops@example.com", "night@example.com" },
                Subject = subject,
                MessageId = "<" + Guid.NewGuid().ToString("N") + "@example.com>",
                BodyText = "Temperatura 41,5 °C.\n.ponto\n",
                Attachments = new[] { new MimeAttachment("dados.bin", null, new MemoryReader(attachment)) },
            };
        }

        // `send`'s path: the spool and the relay worker, in a data directory of its own.
        private static SendReport Send(HostConfig config, OutgoingMessage m, ILog log)
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-send-").FullName;
            try
            {
                return SpoolSend.Send(config, dir, m, new SystemClock(), new CryptoRandom(), log);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static byte[] Find(string messageId)
        {
            foreach (byte[] m in s_messages)
            {
                if (System.Text.Encoding.ASCII.GetString(m).Contains(messageId))
                {
                    return m;
                }
            }

            return null;
        }

        [TestMethod]
        [DataRow("starttls")]
        [DataRow("implicit")]
        public void Send_WithTlsAndAuth_IsAccepted_ContentArrivesIntact(string tls)
        {
            byte[] attachment = new byte[300 * 1024];
            new Random(5).NextBytes(attachment);
            OutgoingMessage m = Message(attachment, MessageWriterMimeKitTests_Portuguese);
            var log = new MemoryLog();
            SendReport r = Send(Config(tls == "starttls" ? s_startTlsPort : s_implicitPort, tls, Password, "test-ca.pem"), m, log);

            Assert.AreEqual(Program.ExitOk, r.ExitCode, r.Line + "\n" + log.Text);
            StringAssert.StartsWith(r.Line, "sent " + m.MessageId + ": 250");
            Assert.IsTrue(r.Outcome.Accepted, r.Outcome.Describe() + "\n" + log.Text);
            Assert.IsTrue(r.Outcome.AllRecipientsAccepted);
            Assert.IsFalse(log.Text.Contains(Password));
            byte[] stored = Find(m.MessageId);
            Assert.IsNotNull(stored);
            MimeMessage parsed = MimeMessage.Load(new MemoryStream(stored));
            Assert.AreEqual(MessageWriterMimeKitTests_Portuguese, parsed.Subject);
            Assert.AreEqual("Temperatura 41,5 °C.\n.ponto", parsed.TextBody.Replace("\r\n", "\n").TrimEnd('\n'));
            var part = parsed.Attachments.OfType<MimePart>().Single();
            var ms = new MemoryStream();
            part.Content.DecodeTo(ms);
            CollectionAssert.AreEqual(SHA256.HashData(attachment), SHA256.HashData(ms.ToArray()));
        }

        private const string MessageWriterMimeKitTests_Portuguese = NanoRelay.Tests.Mime.MessageWriterMimeKitTests.Portuguese;

        [TestMethod]
        public void WrongPassword_FailsAuthentication_OneLineNamingAuth()
        {
            SendReport r = Send(Config(s_startTlsPort, "starttls", "wrong", "test-ca.pem"), Message(new byte[10], "x"), new MemoryLog());
            Assert.AreEqual(SmtpFailure.Authentication, r.Outcome.Failure);
            StringAssert.StartsWith(r.Outcome.Describe(), "upstream refused AUTH: 535");
            Assert.AreEqual(Program.ExitFailure, r.ExitCode);
            StringAssert.StartsWith(r.Line, "upstream refused AUTH: 535");
            StringAssert.Contains(r.Line, "(queued as entry ");   // a temporary failure: `run` retries it
        }

        [TestMethod]
        public void UntrustedCertificate_FailsTls_NoCredentialsReachTheServer()
        {
            int before = s_logins.Count;
            SendReport r = Send(Config(s_startTlsPort, "starttls", Password, null), Message(new byte[10], "x"), new MemoryLog());
            Assert.AreEqual(SmtpFailure.TlsRequired, r.Outcome.Failure);
            Assert.AreEqual(SmtpClientState.TlsHandshake, r.Outcome.Step);
            Assert.AreEqual(before, s_logins.Count);

            r = Send(Config(s_implicitPort, "implicit", Password, null), Message(new byte[10], "x"), new MemoryLog());
            Assert.AreEqual(SmtpFailure.TlsRequired, r.Outcome.Failure);
            Assert.AreEqual(before, s_logins.Count);
        }

        [TestMethod]
        public void SeveralMessagesInOneSession_AllAccepted()
        {
            HostConfig c = Config(s_startTlsPort, "starttls", Password, "test-ca.pem");
            var driver = new SmtpClientDriver(new TcpConnector(TcpConnector.LoadTrustedCas(s_caFile)), new SystemClock(), new MemoryLog(), NanoRelay.Relay.UpstreamChoice.Submission(c));
            Assert.IsNull(driver.Open());
            for (int i = 0; i < 5; i++)
            {
                byte[] body = System.Text.Encoding.ASCII.GetBytes("Subject: n" + i + "\r\nMessage-ID: <multi" + i + "@x>\r\n\r\nbody " + i + "\r\n");
                SmtpOutcome o = driver.Send(new SmtpEnvelope("greenhouse-1@example.com", new[] { "ops@example.com" }) { Size = body.Length }, new MemoryReader(body));
                Assert.IsTrue(o.Accepted, o.Describe());
            }

            driver.Close();
            for (int i = 0; i < 5; i++)
            {
                Assert.IsNotNull(Find("<multi" + i + "@x>"));
            }
        }

        private sealed class Store : MessageStore
        {
            public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                s_messages.Enqueue(buffer.ToArray());
                return Task.FromResult(SmtpResponse.Ok);
            }
        }

        private sealed class Authenticator : UserAuthenticator
        {
            public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
            {
                s_logins.Enqueue(user);
                return Task.FromResult(user == User && password == Password);
            }
        }
    }
}

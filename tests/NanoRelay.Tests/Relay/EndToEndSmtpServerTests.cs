using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Storage;
using NanoRelay.Testing;
using NanoRelay.Tests.Smtp;
using SmtpServer;
using SmtpServer.Authentication;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// The whole chain of `hostsim run` in-process on loopback (issues 6 and 9): MailKit as the LAN
    /// client → the SMTP ingress → the spool (250 once durable) → the relay worker → SmtpUpstream
    /// with STARTTLS and AUTH → NuGet SmtpServer as the upstream. tests/interop/40 and 50 run the
    /// same path against a real Postfix.
    /// </summary>
    [TestClass]
    public class EndToEndSmtpServerTests
    {
        private const string User = "relay";
        private const string Password = "relay-secret";
        private static readonly ConcurrentQueue<byte[]> s_received = new();
        private static CancellationTokenSource s_stop;
        private static SmtpServer.SmtpServer s_server;
        private static Task s_running;
        private static int s_port;
        private static string s_dir;

        [ClassInitialize]
        public static void Start(TestContext context)
        {
            s_dir = Directory.CreateTempSubdirectory("nanorelay-e2e-").FullName;
            X509Certificate2 cert = TestCertificate.Create();
            TestCertificate.WritePem(cert, s_dir);
            s_port = FreePort();
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, s_port)).IsSecure(false).AllowUnsecureAuthentication(false).AuthenticationRequired(true).Certificate(cert))
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

        [TestMethod]
        public void LanClient_ThroughIngressSpoolAndWorker_ArrivesUpstreamOnce_ByteIdentical()
        {
            byte[] attachment = new byte[1024 * 1024];
            new Random(6).NextBytes(attachment);
            MimeMessage sent = Message("e2e-attach", attachment);
            string data = Path.Combine(s_dir, "data-ok");
            using (Relay relay = Relay.Start(Password, data))
            {
                Submit(relay.SmtpPort, sent);
                byte[][] copies = WaitFor(sent.MessageId, 1, 30000);
                Assert.AreEqual(1, copies.Length, "copies upstream");
                Assert.IsTrue(WaitUntil(() => relay.Services.Host.Spool.Count == 0, 10000), "the spool drains once the upstream said 250");

                MimeMessage got = MimeMessage.Load(new MemoryStream(copies[0]));
                string received = got.Headers.Where(h => h.Id == HeaderId.Received && h.Value.Contains("(nanoRelay)")).Single().Value;
                StringAssert.Contains(received, "by relay.e2e (nanoRelay)");
                Assert.AreEqual(sent.Subject, got.Subject);
                Assert.AreEqual(Text(sent), Text(got));
                MimePart part = got.Attachments.OfType<MimePart>().Single();
                var decoded = new MemoryStream();
                part.Content.DecodeTo(decoded);
                CollectionAssert.AreEqual(SHA256.HashData(attachment), SHA256.HashData(decoded.ToArray()));
            }

            Thread.Sleep(500);
            Assert.AreEqual(1, Copies(sent.MessageId).Length, "no second copy after the relay stopped");
        }

        [TestMethod]
        public void WrongUpstreamPassword_StaysQueuedNamingAuth_RestartWithTheRightOne_DeliversOnce()
        {
            MimeMessage sent = Message("e2e-retry", new byte[100]);
            string data = Path.Combine(s_dir, "data-retry");
            using (Relay relay = Relay.Start("not-the-password", data))
            {
                Submit(relay.SmtpPort, sent);
                Spool spool = relay.Services.Host.Spool;
                Assert.IsTrue(WaitUntil(() => spool.List().Length == 1 && spool.List()[0].Attempts >= 1 && spool.List()[0].LastError.Length > 0, 15000), "attempted and deferred");
                StringAssert.Contains(spool.List()[0].LastError, "AUTH");
            }

            Assert.AreEqual(0, Copies(sent.MessageId).Length, "nothing reaches the upstream without AUTH");
            using (Relay relay = Relay.Start(Password, data))
            {
                Assert.AreEqual(1, WaitFor(sent.MessageId, 1, 30000).Length);
                Assert.IsTrue(WaitUntil(() => relay.Services.Host.Spool.Count == 0, 10000));
            }

            Assert.AreEqual(1, Copies(sent.MessageId).Length);
        }

        private static MimeMessage Message(string id, byte[] attachment)
        {
            var m = new MimeMessage();
            m.From.Add(MailboxAddress.Parse("camera-7@lan.test"));
            m.To.Add(MailboxAddress.Parse("ops@example.com"));
            m.Subject = "Câmera 7: movimento (" + id + ")";
            m.MessageId = id + "." + Guid.NewGuid().ToString("N") + "@lan.test";
            var body = new BodyBuilder { TextBody = "Movimento às 03:12.\n.linha com ponto\nFim.\n" };
            body.Attachments.Add("frame.bin", attachment);
            m.Body = body.ToMessageBody();
            return m;
        }

        private static string Text(MimeMessage m)
        {
            return m.TextBody.Replace("\r\n", "\n");
        }

        private static void Submit(int port, MimeMessage m)
        {
            using var c = new MailKit.Net.Smtp.SmtpClient();
            c.Connect("127.0.0.1", port, SecureSocketOptions.None);
            c.Send(m);
            c.Disconnect(true);
        }

        private static byte[][] Copies(string messageId)
        {
            return s_received.Where(b => MimeMessage.Load(new MemoryStream(b)).MessageId == messageId).ToArray();
        }

        private static byte[][] WaitFor(string messageId, int count, int ms)
        {
            WaitUntil(() => Copies(messageId).Length >= count, ms);
            return Copies(messageId);
        }

        private static bool WaitUntil(Func<bool> condition, int ms)
        {
            var w = Stopwatch.StartNew();
            while (!condition())
            {
                if (w.ElapsedMilliseconds > ms)
                {
                    return false;
                }

                Thread.Sleep(50);
            }

            return true;
        }

        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        // `run` as RelayServices starts it, from a config file (so no simulated sensors), on free ports.
        private sealed class Relay : IDisposable
        {
            public RelayServices Services { get; private set; }

            public int SmtpPort { get; private set; }

            public static Relay Start(string password, string data)
            {
                string config = Path.Combine(s_dir, "relay-" + Guid.NewGuid().ToString("N") + ".json");
                File.WriteAllText(config, "{ \"device\": { \"name\": \"relay.e2e\" },\n"
                    + "  \"upstream\": { \"host\": \"localhost\", \"port\": " + s_port + ", \"tls\": \"starttls\", \"auth\": \"auto\",\n"
                    + "                \"user\": \"" + User + "\", \"password\": \"" + password + "\", \"trustedCaFile\": \"test-ca.pem\" },\n"
                    + "  \"alerts\": { \"from\": \"relay@example.com\", \"to\": [\"ops@example.com\"] },\n"
                    + "  \"smtpIngress\": { \"listen\": \"127.0.0.1:2525\", \"maxMessageBytes\": 4194304 },\n"
                    + "  \"retry\": { \"firstDelaySeconds\": 1, \"maxDelaySeconds\": 2, \"lifetimeHours\": 1 },\n"
                    + "  \"sensors\": [] }\n");
                var relay = new Relay { SmtpPort = FreePort() };
                var options = new RunOptions { ConfigFile = config, DataDirectory = data, SmtpListen = "127.0.0.1:" + relay.SmtpPort, Pop3Listen = "127.0.0.1:0", Trace = true };
                relay.Services = RelayServices.Start(HostConfig.Load(config), options, data, new SystemClock(), new CryptoRandom(), new MemoryLog(), TextWriter.Null);
                return relay;
            }

            public void Dispose()
            {
                Services.Stop(TextWriter.Null);
            }
        }

        private sealed class Store : SmtpServer.Storage.MessageStore
        {
            public override Task<SmtpServer.Protocol.SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                s_received.Enqueue(buffer.ToArray());
                return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
            }
        }

        private sealed class Authenticator : UserAuthenticator
        {
            public override Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
            {
                return Task.FromResult(user == User && password == Password);
            }
        }
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Smtp;
using NanoRelay.Testing;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NanoRelay.Tests.Smtp
{
    /// <summary>
    /// Memory does not grow with the message: the bytes the sending thread allocates to write
    /// (MIME writer into a spool file) and send (client over loopback TCP to a real SMTP server
    /// library) a 2 KB message, against the same message with a 1 MB attachment. The server runs on
    /// other threads, so only the relay's own allocations are counted.
    /// </summary>
    [TestClass]
    public class SendAllocationTests
    {
        // What a bigger attachment may cost beyond the 2 KB message: per-message objects only
        // (a few reply strings and boxed values), never per chunk; 1 MB is 1840 chunks.
        private const long AllowedExtraBytes = 16 * 1024;

        public TestContext TestContext { get; set; }

        private sealed class QuietLog : ILog
        {
            public bool IsTraceEnabled { get { return false; } }

            public void Write(LogLevel level, string source, string message)
            {
            }
        }

        private sealed class Sink : MessageStore
        {
            public int Count;

            public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref Count);
                return Task.FromResult(SmtpResponse.Ok);
            }
        }

        [TestMethod]
        public void SendingA1MbAttachment_AllocatesNoMoreThanA2KbMessage_PlusASmallConstant()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-alloc-").FullName;
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var sink = new Sink();
            var options = new SmtpServerOptionsBuilder().ServerName("localhost")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false).AuthenticationRequired(false))
                .MaxMessageSize(64 * 1024 * 1024, MaxMessageSizeHandling.Ignore)
                .Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(sink);
            var server = new SmtpServer.SmtpServer(options, services);
            var stop = new CancellationTokenSource();
            Task running = server.StartAsync(stop.Token);
            try
            {
                var store = new DirectoryFileStore(dir, 0);
                byte[] big = new byte[1024 * 1024];
                new Random(1).NextBytes(big);
                File.WriteAllBytes(Path.Combine(dir, "attachment"), big);
                string body = new string('x', 70) + "\r\n";
                string text = "";
                while (text.Length < 2048)
                {
                    text += body;
                }

                var settings = new SmtpClientSettings { Host = "127.0.0.1", Port = port, Tls = SmtpTlsMode.None, HeloName = "relay.example" };
                var clock = new SystemClock();
                var random = new SeededRandom(3);
                var log = new QuietLog();
                var connector = new TcpConnector(null);
                var writer = new MessageWriter(clock, random);

                long Send(int n, bool withAttachment)
                {
                    IFileReader attachment = withAttachment ? store.OpenRead("attachment") : null;
                    var m = new OutgoingMessage
                    {
                        From = "greenhouse-1@example.com",
                        To = new[] { "ops@example.com" },
                        Subject = "Alerta: temperatura máxima excedida em São Paulo",
                        MessageId = "<alloc" + n + "@example.com>",
                        BodyText = text,
                        Attachments = withAttachment ? new[] { new MimeAttachment("readings.bin", null, attachment) } : null,
                    };
                    string name = "m" + n;
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    IFileWriter file = store.Create(name);
                    Assert.AreEqual(MimeWriteResult.Written, writer.Write(m, file));
                    file.Flush();
                    file.Close();
                    var driver = new SmtpClientDriver(connector, clock, log, settings);
                    Assert.IsNull(driver.Open());
                    IFileReader content = store.OpenRead(name);
                    SmtpOutcome o = driver.Send(new SmtpEnvelope("greenhouse-1@example.com", new[] { "ops@example.com" }) { Size = writer.Length }, content);
                    driver.Close();
                    content.Close();
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    Assert.IsTrue(o.Accepted, o.Describe());
                    attachment?.Close();
                    store.Delete(name);
                    return allocated;
                }

                Send(0, true);   // warm-up: JIT, static tables, the socket stack
                Send(1, false);
                long small = Send(2, false);
                long large = Send(3, true);
                TestContext.WriteLine("allocated to write+send: 2 KB message " + small + " B; with a 1 MB attachment " + large + " B; difference " + (large - small) + " B");
                Console.WriteLine("ALLOC small=" + small + " large=" + large + " diff=" + (large - small));
                Assert.IsTrue(large - small <= AllowedExtraBytes, "2 KB: " + small + " B, 1 MB attachment: " + large + " B");
                Assert.AreEqual(4, sink.Count);
            }
            finally
            {
                stop.Cancel();
                server.Shutdown();
                try
                {
                    running.Wait(TimeSpan.FromSeconds(10));
                }
                catch (AggregateException)
                {
                }

                Directory.Delete(dir, true);
            }
        }
    }
}

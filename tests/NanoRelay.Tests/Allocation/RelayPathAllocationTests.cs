using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;
using NanoRelay.Testing;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace NanoRelay.Tests.Allocation
{
    /// <summary>
    /// Bytes allocated per relayed message over the whole relay path on one thread: an SMTP
    /// ingress session (the core's server driver over an in-memory connection) into the spool
    /// (files in a temporary directory), then the relay worker forwarding it with the submission
    /// client over loopback TCP to a real SMTP server library (on its own threads, so not counted).
    /// A 1 MB message may cost only per-message objects more than a 2 KB one, never per chunk.
    /// </summary>
    [TestClass]
    public class RelayPathAllocationTests
    {
        // 1 MB is ~2,000 buffer fills on the way in and out: anything per chunk would show as tens of KB.
        private const long AllowedExtraBytes = 16 * 1024;

        public TestContext TestContext { get; set; }

        private sealed class QuietLog : ILog
        {
            public bool IsTraceEnabled { get { return false; } }

            public void Write(LogLevel level, string source, string message)
            {
            }
        }

        private sealed class CountingStore : SmtpServer.Storage.MessageStore
        {
            public int Count;
            public long LastLength;

            public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref Count);
                Interlocked.Exchange(ref LastLength, buffer.Length);
                return Task.FromResult(SmtpResponse.Ok);
            }
        }

        // The client's turns, each sent after the server's reply (a polite, unpipelined client).
        // A polite client: each turn is sent only after the server replied to the previous one.
        private static ScriptedConnection Conversation(byte[][] turns, int readSize)
        {
            int total = 0;
            int[] ends = new int[turns.Length];
            for (int i = 0; i < turns.Length; i++)
            {
                total += turns[i].Length;
                ends[i] = total;
            }

            byte[] all = new byte[total];
            for (int i = 0, o = 0; i < turns.Length; o += turns[i].Length, i++)
            {
                Array.Copy(turns[i], 0, all, o, turns[i].Length);
            }

            return new ScriptedConnection(all, ends, readSize) { WaitsForReplies = true };
        }

        private static byte[][] IngressTurns(int bodyBytes, int n)
        {
            StringBuilder b = new StringBuilder();
            b.Append("From: sensor@lan.test\r\nTo: ops@example.com\r\nSubject: relay path ").Append(n).Append("\r\nMessage-ID: <path").Append(n).Append("@lan.test>\r\n\r\n");
            string line = new string('y', 76) + "\r\n";
            for (int written = 0; written < bodyBytes; written += line.Length)
            {
                b.Append(line);
            }

            b.Append(".\r\n");
            return new[]
            {
                Encoding.ASCII.GetBytes("EHLO sensor.lan\r\n"),
                Encoding.ASCII.GetBytes("MAIL FROM:<sensor@lan.test>\r\n"),
                Encoding.ASCII.GetBytes("RCPT TO:<ops@example.com>\r\n"),
                Encoding.ASCII.GetBytes("DATA\r\n"),
                Encoding.ASCII.GetBytes(b.ToString()),
                Encoding.ASCII.GetBytes("QUIT\r\n"),
            };
        }

        [TestMethod]
        public void RelayingA1MbMessage_AllocatesNoMoreThanA2KbMessage_PlusASmallConstant()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-relaypath-").FullName;
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            CountingStore upstreamStore = new CountingStore();
            ISmtpServerOptions upstreamOptions = new SmtpServerOptionsBuilder().ServerName("localhost")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false).AuthenticationRequired(false))
                .MaxMessageSize(64 * 1024 * 1024, MaxMessageSizeHandling.Ignore)
                .Build();
            SmtpServer.ComponentModel.ServiceProvider services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(upstreamStore);
            SmtpServer.SmtpServer upstream = new SmtpServer.SmtpServer(upstreamOptions, services);
            CancellationTokenSource stop = new CancellationTokenSource();
            Task running = upstream.StartAsync(stop.Token);
            try
            {
                SystemClock clock = new SystemClock();
                QuietLog log = new QuietLog();
                DirectoryFileStore files = new DirectoryFileStore(dir, 0);
                Spool spool = new Spool(files, clock, new SeededRandom(1), 0, 1000);
                spool.Open();
                Mailbox mailbox = new Mailbox(files, new SeededRandom(2), 0, 1000);
                mailbox.Open();
                SmtpClientSettings client = new SmtpClientSettings { Host = "127.0.0.1", Port = port, Tls = SmtpTlsMode.None, HeloName = "relay.example" };
                RelayWorker worker = new RelayWorker(spool, mailbox, new SmtpUpstream(new TcpConnector(null), clock, log, client), clock, new SeededRandom(3), new RetryPolicy(60, 3600, 72), "relay.example", log);
                SpoolIngressSink sink = new SpoolIngressSink(spool);
                SmtpServerOptions ingress = new SmtpServerOptions { ServerName = "relay.example", MaxMessageBytes = 4 * 1024 * 1024, GreetingPauseMs = 0 };
                RelayPolicy policy = RelayPolicy.Create(new[] { "192.0.2.0/24" });   // ConversationConnection's address
                SeededRandom random = new SeededRandom(4);

                long Relay(int n, int bodyBytes)
                {
                    ScriptedConnection connection = Conversation(IngressTurns(bodyBytes, n), 1460);
                    int sentBefore = worker.Counters.Sent;
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    new SmtpServerDriver(connection, ingress, policy, sink, clock, log, random).Run();
                    worker.RunDue();
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    Assert.AreEqual(sentBefore + 1, worker.Counters.Sent, Encoding.ASCII.GetString(connection.Written));
                    Assert.AreEqual(0, spool.Count);
                    Assert.IsTrue(upstreamStore.LastLength > bodyBytes);
                    return allocated;
                }

                Relay(0, 1024 * 1024);   // warm-up: JIT, static tables, the socket stack
                Relay(1, 2048);
                long small = Relay(2, 2048);
                long large = Relay(3, 1024 * 1024);
                TestContext.WriteLine("allocated on the relay path (ingress, spool, worker, client): 2 KB message " + small + " B; 1 MB message " + large + " B; difference " + (large - small) + " B");
                Console.WriteLine("ALLOC relay-path small=" + small + " large=" + large + " diff=" + (large - small));
                Assert.IsTrue(large - small <= AllowedExtraBytes, "2 KB: " + small + " B, 1 MB: " + large + " B");
                Assert.AreEqual(4, upstreamStore.Count);
            }
            finally
            {
                stop.Cancel();
                upstream.Shutdown();
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

using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// Issue 14 item 3: the relay worker sends every due message in one upstream session (RFC 5321
    /// §4.1.1.5: MAIL after a completed transaction, RSET after a failed one), capped per session;
    /// each message's outcome stays its own, and a connection lost mid-batch leaves the rest queued.
    /// </summary>
    [TestClass]
    public class UpstreamSessionTests
    {
        private const string Greeting = "220 upstream.test ESMTP\r\n250-upstream.test\r\n250 8BITMIME\r\n";
        private const string Accepted = "250 2.1.0 ok\r\n250 2.1.5 ok\r\n354 go on\r\n250 2.0.0 queued\r\n";

        private sealed class CountingConnector : IConnector
        {
            private readonly Queue<string> _scripts = new();

            public CountingConnector(params string[] scripts)
            {
                foreach (string s in scripts)
                {
                    _scripts.Enqueue(s);
                }
            }

            public int Connects { get; private set; }

            public List<ScriptedConnection> Connections { get; } = new();

            public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
            {
                Connects++;
                ScriptedConnection c = new ScriptedConnection(Encoding.ASCII.GetBytes(_scripts.Count > 0 ? _scripts.Dequeue() : string.Empty), 1);
                Connections.Add(c);
                return c;
            }
        }

        private static (Spool, Mailbox, RelayWorker, SmtpUpstream) Build(CountingConnector connector, int messages)
        {
            var files = new MemoryFileStore();
            var clock = new ManualClock();
            var spool = new Spool(files, clock, new SeededRandom(1), 0, 1000);
            spool.Open();
            var mailbox = new Mailbox(files, new SeededRandom(2), 0, 1000);
            mailbox.Open();
            for (int i = 1; i <= messages; i++)
            {
                StoreWriter w = spool.Begin("camera@lan.test", new[] { "ops" + i + "@example.com" }, "<m" + i + "@lan.test>");
                byte[] content = Encoding.ASCII.GetBytes("Subject: m" + i + "\r\nMessage-ID: <m" + i + "@lan.test>\r\n\r\nbody " + i + "\r\n");
                w.Write(content, 0, content.Length);
                w.Commit();
                clock.Advance(10);
            }

            var settings = new SmtpClientSettings { Host = "upstream.test", Port = 25, Tls = SmtpTlsMode.None };
            var upstream = new SmtpUpstream(connector, clock, new MemoryLog(), settings);
            var worker = new RelayWorker(spool, mailbox, upstream, clock, new SeededRandom(3), new RetryPolicy(60, 3600, 72), "relay.test", new MemoryLog());
            return (spool, mailbox, worker, upstream);
        }

        private static int Count(string text, string what)
        {
            int n = 0;
            for (int i = text.IndexOf(what); i >= 0; i = text.IndexOf(what, i + 1))
            {
                n++;
            }

            return n;
        }

        [TestMethod]
        public void ThreeDueMessages_OneSession_ThreeTransactions_OneQuit()
        {
            var connector = new CountingConnector(Greeting + Accepted + Accepted + Accepted + "221 2.0.0 bye\r\n");
            var (spool, _, worker, upstream) = Build(connector, 3);
            Assert.AreEqual(3, worker.RunDue());
            Assert.AreEqual(3, worker.Counters.Sent);
            Assert.AreEqual(0, spool.Count);
            Assert.AreEqual(1, connector.Connects);
            Assert.AreEqual(1, upstream.SessionsOpened);
            string written = connector.Connections[0].WrittenText;
            Assert.AreEqual(3, Count(written, "MAIL FROM:<camera@lan.test>"), written);
            Assert.AreEqual(1, Count(written, "QUIT"), written);
            Assert.IsTrue(connector.Connections[0].IsClosed);
        }

        [TestMethod]
        public void RefusedMessageInTheMiddle_OnlyThatOneBounces_TheOthersGoOutInTheSameSession()
        {
            string refused = "250 2.1.0 ok\r\n550 5.1.1 no such user\r\n250 2.0.0 reset\r\n";
            var connector = new CountingConnector(Greeting + Accepted + refused + Accepted + "221 2.0.0 bye\r\n");
            var (spool, mailbox, worker, _) = Build(connector, 3);
            Assert.AreEqual(3, worker.RunDue());
            Assert.AreEqual(2, worker.Counters.Sent);
            Assert.AreEqual(1, worker.Counters.Bounces);
            Assert.AreEqual(0, spool.Count);
            Assert.AreEqual(1, connector.Connects);
            string written = connector.Connections[0].WrittenText;
            Assert.IsTrue(written.Contains("RCPT TO:<ops2@example.com>\r\nRSET\r\nMAIL FROM:<camera@lan.test>"), written);
        }

        [TestMethod]
        public void TransientRefusalInTheMiddle_OnlyThatOneDeferred()
        {
            string deferred = "451 4.3.0 try later\r\n250 2.0.0 reset\r\n";
            var connector = new CountingConnector(Greeting + Accepted + deferred + Accepted + "221 2.0.0 bye\r\n");
            var (spool, _, worker, _) = Build(connector, 3);
            Assert.AreEqual(3, worker.RunDue());
            Assert.AreEqual(2, worker.Counters.Sent);
            Assert.AreEqual(1, worker.Counters.Deferred);
            Assert.AreEqual(1, spool.Count);
            Assert.AreEqual(1, connector.Connects);
        }

        [TestMethod]
        public void ConnectionLostMidBatch_TheRestStaysQueued_Unattempted()
        {
            // The server vanishes after the first message's 250.
            var connector = new CountingConnector(Greeting + Accepted);
            var (spool, _, worker, _) = Build(connector, 3);
            worker.RunDue();
            Assert.AreEqual(1, worker.Counters.Sent);
            Assert.AreEqual(2, spool.Count);
            Assert.AreEqual(1, connector.Connects, "the unreachable upstream is not retried at once");
            int attempts = 0;
            foreach (SpoolEntry e in spool.List())
            {
                attempts += e.Attempts;
            }

            Assert.AreEqual(1, attempts, "only the message in flight counts an attempt");
        }

        [TestMethod]
        public void CapPerSession_ANewSessionAfterTheCap()
        {
            var connector = new CountingConnector(Greeting + Accepted + Accepted + "221 2.0.0 bye\r\n", Greeting + Accepted + "221 2.0.0 bye\r\n");
            var (spool, _, worker, upstream) = Build(connector, 3);
            upstream.MessagesPerSession = 2;
            Assert.AreEqual(3, worker.RunDue());
            Assert.AreEqual(3, worker.Counters.Sent);
            Assert.AreEqual(0, spool.Count);
            Assert.AreEqual(2, connector.Connects);
        }

        [TestMethod]
        public void RunDueOneAtATime_TheDeviceLoop_StillOneSession()
        {
            var connector = new CountingConnector(Greeting + Accepted + Accepted + Accepted + "221 2.0.0 bye\r\n");
            var (spool, _, worker, _) = Build(connector, 3);
            int rounds = 0;
            while (worker.RunDue(1) > 0)
            {
                rounds++;
            }

            Assert.AreEqual(3, rounds);
            Assert.AreEqual(0, spool.Count);
            Assert.AreEqual(1, connector.Connects);
            Assert.IsTrue(connector.Connections[0].IsClosed, "the last call found nothing due and ended the session");
        }
    }
}

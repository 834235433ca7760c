#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>The pump (SmtpServerDriver) over in-memory connections: reads, replies, TLS, deadlines, close.</summary>
    [TestClass]
    public class SmtpServerDriverTests
    {
        private static SmtpServerDriver Driver(ScriptedConnection c, MemoryIngressSink sink, SmtpServerOptions o, ManualClock clock)
        {
            RelayPolicy policy = RelayPolicy.Create(new string[] { "192.0.2.0/24" });
            return new SmtpServerDriver(c, o, policy, sink, clock, new MemoryLog(), new SeededRandom(3));
        }

        // A polite client: each turn is sent after the server has replied to the previous one.
        private static ScriptedConnection Conversation(string[] turns, int readSize, ManualClock clock)
        {
            string all = string.Empty;
            int[] ends = new int[turns.Length];
            for (int i = 0; i < turns.Length; i++)
            {
                all += turns[i];
                ends[i] = all.Length;
            }

            ScriptedConnection c = new ScriptedConnection(ServerHarness.Bytes(all), ends, readSize);
            c.WaitsForReplies = true;
            c.Clock = clock;
            return c;
        }

        private static SmtpServerOptions Options()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.GreetingPauseMs = 100;
            return o;
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(4096)]
        public void PoliteClient_OneMessage_SameDialogueForAnyReadSize(int readSize)
        {
            ManualClock clock = new ManualClock();
            ScriptedConnection c = Conversation(new string[]
            {
                "EHLO device.lan\r\n", "MAIL FROM:<device@lan>\r\nRCPT TO:<ops@example.com>\r\nDATA\r\n",
                "Subject: t\r\n\r\n..dot\r\n.\r\n", "QUIT\r\n",
            }, readSize, clock);
            MemoryIngressSink sink = new MemoryIngressSink();
            Driver(c, sink, Options(), clock).Run();
            byte[] w = c.Written;
            Assert.AreEqual(
                "220 relay.test ESMTP nanoRelay\r\n250-relay.test\r\n250-SIZE 65536\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 ENHANCEDSTATUSCODES\r\n" +
                "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Ok: queued as M1\r\n221 2.0.0 relay.test closing connection\r\n",
                ServerHarness.Latin1(w, 0, w.Length));
            Assert.IsTrue(c.IsClosed);
            Assert.IsTrue(sink[0].Text.EndsWith("Subject: t\r\n\r\n.dot\r\n"));
        }

        [TestMethod]
        public void Quit_SessionSlotFreeBeforeThe221IsWritten()
        {
            // Issue 14 item 1: a client that read its 221 and reconnects at once must find its old
            // place under the session cap free.
            ManualClock clock = new ManualClock();
            ScriptedConnection c = Conversation(new string[] { "EHLO d\r\n", "QUIT\r\n" }, 4096, clock);
            SlotProbe slot = new SlotProbe(c);
            SmtpServerDriver d = Driver(c, new MemoryIngressSink(), Options(), clock);
            d.Slot = slot;
            d.Run();
            Assert.IsTrue(slot.Releases >= 1);
            Assert.IsTrue(slot.WrittenAtRelease.EndsWith("250 ENHANCEDSTATUSCODES\r\n"), slot.WrittenAtRelease);
            Assert.IsTrue(c.WrittenText.EndsWith("250 ENHANCEDSTATUSCODES\r\n221 2.0.0 relay.test closing connection\r\n"), c.WrittenText);
        }

        [TestMethod]
        public void Timeout_SessionSlotFreeBeforeThe421IsWritten()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnection c = Conversation(new string[] { "EHLO d\r\n" }, 4096, clock);
            c.CloseAtEnd = false;
            SlotProbe slot = new SlotProbe(c);
            SmtpServerDriver d = Driver(c, new MemoryIngressSink(), Options(), clock);
            d.Slot = slot;
            d.Run();
            Assert.IsTrue(slot.WrittenAtRelease.EndsWith("250 ENHANCEDSTATUSCODES\r\n"), slot.WrittenAtRelease);
            Assert.IsTrue(c.WrittenText.EndsWith("421 4.4.2 relay.test Error: timeout exceeded\r\n"), c.WrittenText);
        }

        [TestMethod]
        public void StartTls_DriverRunsTheHandshake_ThenTheSessionStartsAfresh()
        {
            ManualClock clock = new ManualClock();
            SmtpServerOptions o = Options();
            o.TlsAvailable = true;
            ScriptedConnection c = Conversation(new string[] { "EHLO d\r\n", "STARTTLS\r\n", "MAIL FROM:<a@lan>\r\n", "QUIT\r\n" }, 4096, clock);
            Driver(c, new MemoryIngressSink(), o, clock).Run();
            Assert.AreEqual(1, c.TlsUpgrades);
            string w = ServerHarness.Latin1(c.Written, 0, c.Written.Length);
            Assert.IsTrue(w.EndsWith("220 2.0.0 Ready to start TLS\r\n503 5.5.1 Error: send HELO/EHLO first\r\n221 2.0.0 relay.test closing connection\r\n"), w);
        }

        [TestMethod]
        public void EarlyTalker_SeenDuringTheGreetingPause_554()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnection s = new ScriptedConnection(ServerHarness.Bytes("EHLO eager\r\n"), 4096);
            MemoryIngressSink sink = new MemoryIngressSink();
            new SmtpServerDriver(s, Options(), RelayPolicy.Create(new string[] { "192.0.2.0/24" }), sink, clock, new MemoryLog(), new SeededRandom(1)).Run();
            Assert.AreEqual("554 5.5.0 Error: SMTP protocol synchronization\r\n", ServerHarness.Latin1(s.Written, 0, s.Written.Length));
            Assert.IsTrue(s.IsClosed);
        }

        [TestMethod]
        public void GreetingPause_OncePerClientAndMinute_ThenGreetedAtOnce()
        {
            // Issue 14 item 3: the pause before 220 is paid by a client's first connection; for
            // the next minute it is greeted at once (bytes sent at once are then not early talk).
            ManualClock clock = new ManualClock();
            GreetingPauseMemory memory = new GreetingPauseMemory(4, 60000);
            ScriptedConnection polite = Conversation(new string[] { "EHLO d\r\n", "QUIT\r\n" }, 4096, clock);
            SmtpServerDriver first = Driver(polite, new MemoryIngressSink(), Options(), clock);
            first.PauseMemory = memory;
            long before = clock.MonotonicMilliseconds;
            first.Run();
            Assert.IsTrue(clock.MonotonicMilliseconds - before >= 100, "the first connection paused");
            Assert.IsTrue(memory.Knows("192.0.2.1", clock.MonotonicMilliseconds));

            ScriptedConnection quick = new ScriptedConnection(ServerHarness.Bytes("EHLO d\r\n"), 4096);
            SmtpServerDriver second = Driver(quick, new MemoryIngressSink(), Options(), clock);
            second.PauseMemory = memory;
            second.Run();
            Assert.IsTrue(quick.WrittenText.StartsWith("220 relay.test ESMTP nanoRelay\r\n250-relay.test\r\n"), quick.WrittenText);

            clock.Advance(60000);
            ScriptedConnection eager = new ScriptedConnection(ServerHarness.Bytes("EHLO d\r\n"), 4096);
            SmtpServerDriver third = Driver(eager, new MemoryIngressSink(), Options(), clock);
            third.PauseMemory = memory;
            third.Run();
            Assert.AreEqual("554 5.5.0 Error: SMTP protocol synchronization\r\n", eager.WrittenText);
            Assert.IsFalse(memory.Knows("192.0.2.1", clock.MonotonicMilliseconds), "an early talker is forgotten");
        }

        [TestMethod]
        public void GreetingPauseMemory_Bounded_OldestReplaced()
        {
            GreetingPauseMemory memory = new GreetingPauseMemory(2, 60000);
            memory.Passed("10.0.0.1", 1);
            memory.Passed("10.0.0.2", 2);
            memory.Passed("10.0.0.3", 3);
            Assert.IsFalse(memory.Knows("10.0.0.1", 4));
            Assert.IsTrue(memory.Knows("10.0.0.2", 4));
            Assert.IsTrue(memory.Knows("10.0.0.3", 4));
        }

        [TestMethod]
        public void SilentClient_ReadTimeoutsReachTheDeadline_421AndClosed()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnection c = Conversation(new string[] { "EHLO d\r\n" }, 4096, clock);
            c.CloseAtEnd = false;
            Driver(c, new MemoryIngressSink(), Options(), clock).Run();
            string w = ServerHarness.Latin1(c.Written, 0, c.Written.Length);
            Assert.IsTrue(w.EndsWith("250 ENHANCEDSTATUSCODES\r\n421 4.4.2 relay.test Error: timeout exceeded\r\n"), w);
            Assert.IsTrue(c.IsClosed);
            Assert.IsTrue(clock.MonotonicMilliseconds >= Limits.SmtpServerIdleTimeoutMs);
        }

        [TestMethod]
        public void PeerClosesDuringData_NothingQueued()
        {
            ManualClock clock = new ManualClock();
            ScriptedConnection c = Conversation(new string[] { "EHLO d\r\n", "MAIL FROM:<a@lan>\r\n", "RCPT TO:<o@example.com>\r\n", "DATA\r\n", "half a mess" }, 4096, clock);
            MemoryIngressSink sink = new MemoryIngressSink();
            Driver(c, sink, Options(), clock).Run();
            Assert.AreEqual(0, sink.Count);
            Assert.AreEqual(1, sink.Aborted);
            Assert.IsTrue(c.IsClosed);
        }
    }
}

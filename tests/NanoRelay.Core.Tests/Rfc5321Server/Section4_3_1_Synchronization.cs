#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §4.3.1 / §3.1 (the client waits for the greeting and each reply) and RFC 2920
    /// §3.1 (what PIPELINING allows): docs/catalogue.md #11.
    /// </summary>
    [TestClass]
    public class Section4_3_1_Synchronization
    {
        [TestMethod]
        public void Case11_EarlyTalker_BytesBeforeGreeting_554AndClose()
        {
            ServerHarness h = new ServerHarness();
            byte[] early = ServerHarness.Bytes("EHLO eager\r\n");
            h.Session.Received(Copy(h, early));
            Assert.AreEqual(string.Empty, h.Take(), "nothing is answered before the greeting");
            Assert.AreEqual("554 5.5.0 Error: SMTP protocol synchronization\r\n", h.Start());
            Assert.IsTrue(h.Session.IsClosed);
        }

        [TestMethod]
        public void Case11_UnadvertisedPipelining_HeloClient_554AndNothingReadAsData()
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("unadvertised-pipelining-helo", Transcript.Whole, h);
            Assert.AreEqual(0, h.Sink.Begun);
            Assert.AreEqual(0, ServerHarness.CountReplies(h.All(), "354"));
        }

        [TestMethod]
        public void Case11_ContentBefore354_EvenWithPipelining_554()
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("data-before-354", Transcript.Whole, h);
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Open);
        }

        [TestMethod]
        public void Case11_CommandsAheadBeforeEhlo_554()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            Assert.AreEqual("250 2.0.0 Ok\r\n554 5.5.0 Error: SMTP protocol synchronization\r\n", h.Send("NOOP\r\nEHLO x\r\n"));
        }

        [TestMethod]
        public void Case11_EhloFollowedByMoreInTheSameSegment_554()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            string r = h.Send("EHLO x\r\nMAIL FROM:<a@lan>\r\n");
            Assert.IsTrue(r.EndsWith("250 ENHANCEDSTATUSCODES\r\n554 5.5.0 Error: SMTP protocol synchronization\r\n"), r);
            Assert.AreEqual(0, ServerHarness.CountReplies(r, "250 2.1.0"));
        }

        [TestMethod]
        public void Case11_HeloClientWaitingForEachReply_IsServed()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            Assert.AreEqual("250 relay.test\r\n", h.Send("HELO printer\r\n"));
            Assert.AreEqual("250 2.1.0 Ok\r\n", h.Send("MAIL FROM:<p@lan>\r\n"));
            Assert.AreEqual("250 2.1.5 Ok\r\n", h.Send("RCPT TO:<o@example.com>\r\n"));
            Assert.AreEqual("354 End data with <CR><LF>.<CR><LF>\r\n", h.Send("DATA\r\n"));
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send("x\r\n.\r\n"));
            Assert.AreEqual("554 5.5.0 Error: SMTP protocol synchronization\r\n", h.Send("NOOP\r\nNOOP\r\n").Substring(14));
        }

        private static int Copy(ServerHarness h, byte[] b)
        {
            System.Array.Copy(b, 0, h.Session.InputBuffer, h.Session.InputOffset, b.Length);
            return b.Length;
        }
    }
}

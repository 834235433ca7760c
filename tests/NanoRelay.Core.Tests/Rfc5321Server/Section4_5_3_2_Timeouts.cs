#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §4.5.3.2 timeouts on the server side, kept as deadlines on the session's clock:
    /// docs/catalogue.md #24 (slow command line) and #25 (slow DATA).
    /// </summary>
    [TestClass]
    public class Section4_5_3_2_Timeouts
    {
        [TestMethod]
        public void Case24_OneByteJustBeforeEachReadTimeout_DeadlinePerLine_421()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            int timeout = h.Options.CommandTimeoutMs;
            string line = "NOOP and some more words\r\n";
            int sent = 0;
            string replies = string.Empty;
            while (!h.Session.IsClosed && sent < line.Length)
            {
                // The read timeout the driver would use shrinks: it is what is left of the line's deadline.
                Assert.IsTrue(h.Session.ReadTimeoutMilliseconds <= timeout - (sent * 60000L) || sent * 60000L >= timeout);
                h.Clock.Advance(60000);
                replies += h.SendByteByByte(line.Substring(sent, 1));
                sent++;
            }

            Assert.IsTrue(h.Session.IsClosed);
            Assert.AreEqual("421 4.4.2 relay.test Error: timeout exceeded\r\n", replies);
            Assert.AreEqual(timeout / 60000, sent, "closed by the first byte after the deadline");
        }

        [TestMethod]
        public void Case24_SilentClient_ReadTimeoutIsTheDeadline_TimedOutGives421()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            Assert.AreEqual(h.Options.CommandTimeoutMs, h.Session.ReadTimeoutMilliseconds);
            h.Clock.Advance(h.Options.CommandTimeoutMs);
            Assert.AreEqual(1, h.Session.ReadTimeoutMilliseconds);
            h.Session.TimedOut();
            Assert.AreEqual("421 4.4.2 relay.test Error: timeout exceeded\r\n", h.Take());
        }

        [TestMethod]
        public void TimedOutBeforeTheDeadline_IsAnEarlyWakeUp_NothingHappens()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Clock.Advance(1000);
            h.Session.TimedOut();
            Assert.AreEqual(string.Empty, h.Take());
            Assert.IsFalse(h.Session.IsClosed);
        }

        [TestMethod]
        public void Case25_SilenceDuringData_ReadWaitIsAtMostTheDataTimeout_ThenClosed()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            string line = new string('r', 998) + "\r\n";
            for (int i = 0; i < 500; i++)
            {
                h.Send(line);   // 500 KB at once: the rate allowance grows to 1000 s
            }

            Assert.AreEqual(h.Options.DataTimeoutMs, h.Session.ReadTimeoutMilliseconds);
            h.Clock.Advance(h.Options.DataTimeoutMs);
            h.Session.TimedOut();
            Assert.AreEqual("421 4.4.2 relay.test Error: timeout exceeded\r\n", h.Take());
            Assert.AreEqual(0, h.Sink.Open);
        }

        [TestMethod]
        public void Case24_EachAnsweredCommandStartsAFreshDeadline()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            for (int i = 0; i < 10; i++)
            {
                h.Clock.Advance(h.Options.CommandTimeoutMs - 1000);
                Assert.AreEqual("250 2.0.0 Ok\r\n", h.Send("NOOP\r\n"));
            }
        }

        [TestMethod]
        public void Case25_SlowData_OneByteEveryTenSeconds_421_NothingQueued()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            int bytes = 0;
            string replies = string.Empty;
            while (!h.Session.IsClosed && bytes < 10000)
            {
                h.Clock.Advance(10000);
                replies += h.SendByteByByte("z");
                bytes++;
            }

            Assert.IsTrue(h.Session.IsClosed);
            Assert.AreEqual("421 4.4.2 relay.test Error: timeout exceeded\r\n", replies);
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Open);
            Assert.IsTrue(bytes * 10000L >= h.Options.DataTimeoutMs, "not before the base data timeout");
        }

        [TestMethod]
        public void Case25_DataAtTheMinimumRate_IsNotCutOff()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            string line = new string('r', 998) + "\r\n";
            for (int i = 0; i < 60; i++)
            {
                h.Clock.Advance(1900);   // 1000 octets per 1.9 s: above 500 B/s
                h.Send(line);
            }

            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send(".\r\n"));
        }
    }
}

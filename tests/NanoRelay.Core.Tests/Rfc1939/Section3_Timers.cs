#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>RFC 1939 §3 ("an autologout timer ... of at least 10 minutes") and docs/catalogue.md #55: idle sessions and slow readers.</summary>
    [TestClass]
    public class Section3_Timers
    {
        [TestMethod]
        public void Case55_IdleBeforeLogin_ClosedAfterThePreAuthLimit()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = h.Connect("CAPA\n", true, false);
            c.CloseAtEnd = false;
            h.Run(c);
            Assert.IsTrue(c.WrittenText.EndsWith(".\r\n-ERR Disconnected for inactivity.\r\n"));
            Assert.AreEqual(3 * 60 * 1000L, h.Clock.MonotonicMilliseconds);
            Assert.IsTrue(c.IsClosed);
        }

        [TestMethod]
        public void Case55_PreAuthLimit_IsNotExtendedByCommands()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = h.Connect("CAPA\nCAPA\nCAPA\nCAPA\nCAPA\n", true, false);
            c.AdvancePerRead = 60 * 1000;   // a command a minute
            h.Run(c);
            string s = c.WrittenText;
            Assert.AreEqual(3, CountDots(s));   // three answered, then the limit; two never read
            Assert.IsTrue(s.EndsWith(".\r\n-ERR Disconnected for inactivity.\r\n"));
            Assert.AreEqual(180000L, h.Clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void Case55_SlowReader_TheSessionSetsTheWriteTimeout()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = h.Connect("QUIT\n", true, false);
            h.Run(c);
            Assert.AreEqual(Limits.SessionWriteTimeoutMs, c.WriteTimeoutMilliseconds);
        }

        private static int CountDots(string s)
        {
            int n = 0;
            for (int i = s.IndexOf("\r\n.\r\n"); i >= 0; i = s.IndexOf("\r\n.\r\n", i + 1))
            {
                n++;
            }

            return n;
        }

        [TestMethod]
        public void Case55_IdleAfterLogin_AutologoutAfterTenMinutes_WithoutUpdate()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add("x\r\n");
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nDELE 1\n", true, false);
            c.CloseAtEnd = false;
            h.Run(c);
            Assert.IsTrue(c.WrittenText.EndsWith("+OK message 1 deleted\r\n-ERR Disconnected for inactivity.\r\n"));
            Assert.IsTrue(h.Clock.MonotonicMilliseconds >= 10 * 60 * 1000L);
            Assert.AreEqual(1, h.Maildrop.Stored);
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Case55_SlowReader_WriteFails_SessionEnds_BuffersAndLockFreed()
        {
            Pop3Harness h = new Pop3Harness();
            string line = new string('a', 98) + "\r\n";
            string big = "Subject: big\r\n\r\n";
            for (int i = 0; i < 1000; i++)
            {
                big += line;
            }

            h.Maildrop.Add(big);   // 100 KB
            h.Maildrop.Add("small\r\n");
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nDELE 2\nRETR 1\nQUIT\n", true, false);
            c.FailWritesAfter = 10000;
            h.Run(c);
            Assert.IsTrue(c.IsClosed);
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(0, h.Maildrop.OpenReaders);
            Assert.AreEqual(2, h.Maildrop.Stored);   // QUIT never ran: no UPDATE
            Assert.IsTrue(h.Log.Text.IndexOf("lost: write timed out") >= 0);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc1939;
using NanoRelay.Framing;
using NanoRelay.Pop3;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc2449
{
    /// <summary>RFC 2449 §8 response codes: [IN-USE] (docs/catalogue.md #49) and RFC 3206 [SYS/TEMP] for the session cap.</summary>
    [TestClass]
    public class Section8_ResponseCodes
    {
        private static void Feed(Pop3ServerSession s, string line)
        {
            byte[] b = Pop3Harness.Latin1(line);
            s.Feed(b, 0, b.Length, LineFlags.None);
            s.ClearOutput();
        }

        [TestMethod]
        public void Case49_SecondLogin_InUse_UntilTheFirstSessionDies()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add("x\r\n");

            // The first session, driven by hand: logged in, holding the lock.
            Pop3ServerSession first = new Pop3ServerSession(h.Server, false, true);
            first.Start();
            Feed(first, "USER tech");
            Feed(first, "PASS secret");
            Assert.AreEqual(Pop3State.Transaction, first.State);

            Assert.AreEqual("+OK POP3 server ready\r\n+OK\r\n-ERR [IN-USE] Mailbox is locked by another POP3 or POP2 session.\r\n+OK nanoRelay POP3 server signing off\r\n",
                h.Run("USER tech\nPASS secret\nQUIT\n", true, false));
            Assert.AreEqual(Pop3State.Transaction, first.State);
            Assert.AreEqual(0L, h.Clock.Slept);   // a lock conflict is not a failed login

            // The first dies without QUIT: the lock goes with it.
            first.End();
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual("+OK 1 3\r\n", h.AfterLogin("STAT\n"));
        }

        [TestMethod]
        public void StoreFailsAtLogin_SysTemp_LockNotKept()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add("x\r\n");
            h.Maildrop.FailNextRefresh = true;
            Assert.AreEqual("+OK POP3 server ready\r\n+OK\r\n-ERR [SYS/TEMP] The maildrop cannot be read now.\r\n+OK\r\n+OK tech's maildrop has 1 messages (3 octets)\r\n",
                h.Run("USER tech\nPASS secret\nUSER tech\nPASS secret\n", true, false));
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void SessionCap_TheExcessGetsSysTemp()
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.MaxSessions = 2;
            Assert.IsTrue(h.Server.TryEnterSession());
            Assert.IsTrue(h.Server.TryEnterSession());
            Assert.IsFalse(h.Server.TryEnterSession());
            ScriptedConnection c = h.Connect("", true, false);
            h.Server.RefuseBusy(c);
            Assert.AreEqual("-ERR [SYS/TEMP] Too many sessions, try again later.\r\n", c.WrittenText);
            Assert.IsTrue(c.IsClosed);
            h.Server.LeaveSession();
            Assert.IsTrue(h.Server.TryEnterSession());
        }
    }
}

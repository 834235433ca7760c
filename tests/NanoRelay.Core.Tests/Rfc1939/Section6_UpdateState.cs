#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Pop3;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>RFC 1939 §6 and docs/catalogue.md #46-#47: deletions happen only in UPDATE, after QUIT.</summary>
    [TestClass]
    public class Section6_UpdateState
    {
        private static Pop3Harness WithThree(out string uid1)
        {
            Pop3Harness h = new Pop3Harness();
            uid1 = h.Maildrop.Add("Subject: 1\r\n\r\none\r\n");
            h.Maildrop.Add("Subject: 2\r\n\r\ntwo\r\n");
            h.Maildrop.Add("Subject: 3\r\n\r\nthree\r\n");
            return h;
        }

        [TestMethod]
        public void Case46_ConnectionClosedAfterDele_DeletesNothing()
        {
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            h.AfterLogin("RETR 1\nDELE 1\n");
            Assert.AreEqual(3, h.Maildrop.Stored);
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(0, h.Maildrop.OpenReaders);
            Assert.AreEqual("+OK 1 " + uid1 + "\r\n", h.AfterLogin("UIDL 1\n"));
        }

        [TestMethod]
        public void Case46_ConnectionResetAfterDele_DeletesNothing()
        {
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nRETR 1\nDELE 1\n", false, true);
            c.ResetAtEnd = true;
            h.Run(c);
            Assert.IsTrue(c.WrittenText.IndexOf("+OK message 1 deleted\r\n") > 0);
            Assert.AreEqual(3, h.Maildrop.Stored);
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.IsTrue(c.IsClosed);
        }

        [TestMethod]
        public void Case46_IdleTimeoutAfterDele_DeletesNothing()
        {
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nDELE 1\n", true, false);
            c.CloseAtEnd = false;
            h.Run(c);
            Assert.IsTrue(c.WrittenText.EndsWith("+OK message 1 deleted\r\n-ERR Disconnected for inactivity.\r\n"));
            Assert.AreEqual(3, h.Maildrop.Stored);
            Assert.IsTrue(h.Maildrop.Contains(uid1));
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Case46_WithQuit_TheMarkedMessageIsGone()
        {
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            Assert.AreEqual("+OK message 1 deleted\r\n+OK nanoRelay POP3 server signing off (2 messages left)\r\n", h.AfterLogin("DELE 1\nQUIT\n"));
            Assert.AreEqual(2, h.Maildrop.Stored);
            Assert.IsFalse(h.Maildrop.Contains(uid1));
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Quit_UpdateDoneAndSessionSlotFree_BeforeTheOkIsWritten()
        {
            // Issue 14 item 1: a client that read +OK to QUIT and reconnects at once must find its
            // place under the session cap free and the maildrop unlocked.
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nDELE 1\nQUIT\n", true, false);
            ISessionSlot real = h.Server.EnterSession();
            Assert.IsNotNull(real);
            Assert.AreEqual(1, h.Server.ActiveSessions);
            Pop3SlotProbe slot = new Pop3SlotProbe(c, h, real);
            Pop3ServerDriver d = new Pop3ServerDriver(h.Server, c, 64);
            d.Slot = slot;
            d.Run();
            Assert.IsTrue(slot.WrittenAtRelease.EndsWith("+OK message 1 deleted\r\n"), slot.WrittenAtRelease);
            Assert.IsFalse(slot.LockedAtRelease);
            Assert.AreEqual(0, slot.SessionsAfterRelease);
            Assert.AreEqual(2, h.Maildrop.Stored);
            Assert.IsTrue(c.WrittenText.EndsWith("+OK nanoRelay POP3 server signing off (2 messages left)\r\n"), c.WrittenText);
            real.Release();
            Assert.AreEqual(0, h.Server.ActiveSessions, "a second Release counts nothing");
        }

        [TestMethod]
        public void Rset_UnmarksEverything()
        {
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            string s = h.AfterLogin("DELE 1\nDELE 2\nRSET\nQUIT\n");
            Assert.AreEqual("+OK message 1 deleted\r\n+OK message 2 deleted\r\n+OK maildrop has 3 messages (59 octets)\r\n+OK nanoRelay POP3 server signing off (3 messages left)\r\n", s);
            Assert.AreEqual(3, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Case47_UpdateFails_SomeDeletedMessagesNotRemoved_LockReleased()
        {
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            string kept = h.Maildrop.Add("Subject: 4\r\n\r\nkeep me\r\n");
            h.Maildrop.FailRemovalsAfter = 1;
            Assert.AreEqual("+OK message 1 deleted\r\n+OK message 2 deleted\r\n+OK message 3 deleted\r\n-ERR some deleted messages not removed\r\n",
                h.AfterLogin("DELE 1\nDELE 2\nDELE 3\nQUIT\n"));
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.IsFalse(h.Maildrop.Contains(uid1));
            Assert.IsTrue(h.Maildrop.Contains(kept));
            Assert.AreEqual(3, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Case47_StoreThrowsDuringUpdate_SameReply_LockReleased()
        {
            string uid1;
            Pop3Harness h = WithThree(out uid1);
            h.Maildrop.FailRemovalsAfter = 0;
            h.Maildrop.FailByThrowing = true;
            Assert.AreEqual("+OK message 2 deleted\r\n-ERR some deleted messages not removed\r\n", h.AfterLogin("DELE 2\nQUIT\n"));
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(3, h.Maildrop.Stored);
        }

        [TestMethod]
        public void QuitInAuthorization_NoUpdate()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add("x\r\n");
            Assert.AreEqual("+OK POP3 server ready\r\n+OK nanoRelay POP3 server signing off\r\n", h.Run("QUIT\n", true, false));
            Assert.AreEqual(1, h.Maildrop.Stored);
        }
    }
}

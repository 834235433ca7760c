#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>Hostile or broken input: every case gets a tagged BAD/NO or BYE, never a crash or a hang.</summary>
    [TestClass]
    public class Adversarial
    {
        [TestMethod]
        public void LiteralBiggerThanTheCommandBuffer_SyncRefusedNonSyncBye()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN {999999}\nb NOOP\n");
            Assert.IsTrue(s.IndexOf("a BAD [TOOBIG]") > 0, "[" + s + "]");
            Assert.IsTrue(s.IndexOf("b OK NOOP completed") > 0, s);
            s = h.Run("a LOGIN {999999+}\nxxxx\n");
            Assert.IsTrue(s.IndexOf("* BYE [TOOBIG]") > 0, s);
        }

        [TestMethod]
        public void AppendLiteralOverMaxMessageBytes_TooBig()
        {
            ImapHarness h = new ImapHarness();
            h.Options.MaxMessageBytes = 100;
            string s = h.Run("a LOGIN tech secret\nb APPEND INBOX {101}\nc NOOP\n");
            Assert.IsTrue(s.IndexOf("b NO [TOOBIG]") > 0, s);
            Assert.IsTrue(s.IndexOf("c OK NOOP completed") > 0, s);
        }

        [TestMethod]
        public void LiteralWithNoData_TimesOutWithBye()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN tech {6}\n", true, false, 0, false);
            Assert.IsTrue(s.IndexOf("+ Ready for literal data\r\n") > 0, s);
            Assert.AreEqual(-1, s.IndexOf("a OK"));
        }

        [TestMethod]
        public void UnbalancedParentheses_Bad()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            string s = h.Selected("c FETCH 1 (FLAGS UID\nd SEARCH (SEEN\ne STATUS INBOX (MESSAGES\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("c BAD") == 0, s);
            Assert.IsTrue(s.IndexOf("d BAD") > 0, s);
            Assert.IsTrue(s.IndexOf("e BAD") > 0, s);
        }

        [TestMethod]
        public void StarOnAnEmptyMailbox_BadForNumbers_EmptyForUids()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Selected("c FETCH 1:* FLAGS\nd UID FETCH 1:* FLAGS\ne SEARCH 1:*\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("c BAD Invalid message sequence number.\r\nd OK FETCH completed\r\n* SEARCH\r\ne OK SEARCH completed") == 0, s);
        }

        [TestMethod]
        public void TenThousandRanges_BadLimit()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            string set = "1";
            string piece = ",1,1,1,1,1,1,1,1,1,1";
            for (int i = 0; i < 30; i++)
            {
                set += piece;
            }

            string s = h.Selected("c FETCH " + set + " FLAGS\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("c BAD [LIMIT]") == 0, s);

            // 10,000 ranges do not fit the 8,192-octet command line: BAD [TOOBIG], then the session goes on.
            string big = "1";
            for (int i = 0; i < 1000; i++)
            {
                big += piece;
            }

            s = h.Selected("c UID FETCH " + big + " FLAGS\nd NOOP\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("* BAD [TOOBIG] Command line too long.\r\nd OK NOOP") == 0, s);
        }

        [TestMethod]
        public void IdleWithoutDone_AutologoutAfterThirtyMinutes()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN tech secret\nb SELECT INBOX\nc IDLE\n", true, false, 0, false);
            Assert.IsTrue(s.IndexOf("+ idling\r\n* BYE Autologout") > 0, s);
            Assert.IsTrue(h.Clock.MonotonicMilliseconds >= 30L * 60 * 1000);
        }
    }
}

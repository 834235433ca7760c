#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Imap;
using NanoRelay.Imap.Server;

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>RFC 2177 IDLE and RFC 9051 §7.5.1: several sessions on one mailbox, each with its own numbers.</summary>
    [TestClass]
    public class Rfc2177_Idle
    {
        [TestMethod]
        public void Idle_NewMessageAndAnotherSessionsExpunge_ReportedWithinASecond()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            h.Add(Section6_Commands.Alert);
            Other other = new Other(h);
            PausingConnection c = new PausingConnection(new string[] { "a LOGIN tech secret\nb SELECT INBOX\nc IDLE\n", "DONE\nd FETCH 1:* UID\nz LOGOUT\n" }, other, h.Clock);
            long before = h.Clock.MonotonicMilliseconds;
            new ImapServerDriver(h.Server, c, 64).Run();
            string s = c.WrittenText;

            // During the pause another session expunged message 1 and a new alert arrived.
            Assert.IsTrue(s.IndexOf("+ idling\r\n* 1 EXPUNGE\r\n* 2 EXISTS\r\nc OK IDLE terminated\r\n* 1 FETCH (UID 2)\r\n* 2 FETCH (UID 3)\r\n") > 0, s);
            Assert.IsTrue(other.Output.IndexOf("* 1 EXPUNGE\r\nx3 OK EXPUNGE completed") > 0, other.Output);
            Assert.IsTrue(h.Clock.MonotonicMilliseconds - before <= 1000);
        }

        [TestMethod]
        public void FetchWithoutUid_ExpungeHeldBack_UntilNoop()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            h.Add(Section6_Commands.Alert);
            Other other = new Other(h);
            PausingConnection c = new PausingConnection(new string[] { "a LOGIN tech secret\nb SELECT INBOX\n", "c FETCH 1:* FLAGS\nd NOOP\nz LOGOUT\n" }, other, h.Clock);
            new ImapServerDriver(h.Server, c, 64).Run();
            string s = c.WrittenText;

            // §7.5.1: no EXPUNGE during FETCH; message 1 keeps its number until NOOP.
            int fetch = s.IndexOf("c OK");
            Assert.IsTrue(fetch > 0 && s.IndexOf("EXPUNGE") > fetch, s);
            Assert.IsTrue(s.IndexOf("* 1 FETCH (FLAGS (\\Deleted))\r\n* 2 FETCH (FLAGS ())\r\n* 3 EXISTS\r\nc OK FETCH completed\r\n* 1 EXPUNGE\r\nd OK NOOP completed") > 0, s);
        }

        [TestMethod]
        public void StoreAndSearchWithoutUid_ExpungeHeldBack_UidSearchAndNoopReportIt()
        {
            // RFC 9051 §7.5.1: EXPUNGE is not sent during FETCH, STORE or SEARCH (numbers would
            // shift under the client); UID commands and NOOP may report it.
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            h.Add(Section6_Commands.Alert);
            Other other = new Other(h);
            PausingConnection c = new PausingConnection(new string[] { "a LOGIN tech secret\nb SELECT INBOX\n", "c STORE 2 +FLAGS (\\Flagged)\nd SEARCH ALL\ne FETCH 2 UID\nf NOOP\ng NOOP\nz LOGOUT\n" }, other, h.Clock);
            new ImapServerDriver(h.Server, c, 64).Run();
            string s = c.WrittenText;
            s = s.Substring(c.WrittenAtLastPause);
            Assert.AreEqual(
                "* 2 FETCH (FLAGS (\\Flagged))\r\n* 3 EXISTS\r\nc OK STORE completed\r\n"
                + "* SEARCH 2 3\r\nd OK SEARCH completed\r\n"
                + "* 2 FETCH (UID 2)\r\ne OK FETCH completed\r\n"
                + "* 1 EXPUNGE\r\nf OK NOOP completed\r\n"
                + "g OK NOOP completed\r\n"
                + Adversarial.Bye,
                s);
        }

        /// <summary>The second session: during the first client's pause it deletes message 1 and a new alert lands.</summary>
        private sealed class Other : IPauseAction
        {
            private readonly ImapHarness _h;

            public Other(ImapHarness h)
            {
                _h = h;
            }

            public string Output { get; private set; }

            public void Run(int pause)
            {
                if (pause != 0)
                {
                    return;
                }

                Output = _h.Run("x1 LOGIN tech secret\nx2 SELECT INBOX\nx2a STORE 1 +FLAGS.SILENT (\\Deleted)\nx3 EXPUNGE\nx4 LOGOUT\n");
                _h.Add(Section6_Commands.Alert);
            }
        }
    }
}

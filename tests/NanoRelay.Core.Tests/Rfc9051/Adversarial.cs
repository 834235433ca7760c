#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>Hostile or broken input: every case gets its exact tagged BAD/NO or BYE, never a crash or a hang.</summary>
    [TestClass]
    public class Adversarial
    {
        internal const string Greeting = "* OK IMAP4rev2 Service Ready\r\n";
        internal const string LoggedIn = Greeting + "a OK LOGIN completed\r\n";
        internal const string Bye = "* BYE IMAP4rev2 Server logging out\r\nz OK LOGOUT completed\r\n";

        [TestMethod]
        public void LiteralBiggerThanTheCommandBuffer_SyncRefusedNonSyncBye()
        {
            // RFC 9051 §4.3 / RFC 7888 §4: a synchronizing literal over the limit is refused before
            // the client sends it; a non-synchronizing one is already on its way: BYE.
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN {999999}\nb NOOP\n");
            Assert.AreEqual(Greeting + "a BAD [TOOBIG] Literal too big for a command.\r\nb OK NOOP completed\r\n", s);
            s = h.Run("a LOGIN {999999+}\nxxxx\n");
            Assert.AreEqual(Greeting + "* BYE [TOOBIG] Non-synchronizing literal too big.\r\n", s);

            // A non-synchronizing literal that can be read is read and dropped: the line after it is a command.
            s = h.Run("a LOGIN tech {8190+}\n" + new string('x', 8190) + "\nb NOOP\n");
            Assert.AreEqual(Greeting + "a BAD [TOOBIG] Literal too big for a command.\r\nb OK NOOP completed\r\n", s);
        }

        [TestMethod]
        public void AppendLiteralOverMaxMessageBytes_TooBig()
        {
            ImapHarness h = new ImapHarness();
            h.Options.MaxMessageBytes = 100;
            string s = h.Run("a LOGIN tech secret\nb APPEND INBOX {101}\nc APPEND INBOX {101+}\n" + new string('y', 101) + "\nd NOOP\n");
            Assert.AreEqual(LoggedIn + "b NO [TOOBIG] The message is larger than this mailbox takes.\r\nc NO [TOOBIG] The message is larger than this mailbox takes.\r\nd OK NOOP completed\r\n", s);
            Assert.AreEqual(0, h.Mailbox.Messages().Length);
        }

        [TestMethod]
        public void LiteralWithNoData_TimesOutWithBye()
        {
            // Before login: the 3-minute pre-authentication timer.
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN tech {6}\n", true, false, 0, false);
            Assert.AreEqual(Greeting + "+ Ready for literal data\r\n* BYE Autologout; idle for too long.\r\n", s);
            Assert.AreEqual(3L * 60 * 1000, h.Clock.MonotonicMilliseconds);

            // An APPEND whose data never comes: the 30-minute autologout (RFC 9051 §5.4); nothing stored.
            h = new ImapHarness();
            s = h.Run("a LOGIN tech secret\nb APPEND INBOX {10}\nhello", true, false, 0, false);
            Assert.AreEqual(LoggedIn + "+ Ready for literal data\r\n* BYE Autologout; idle for too long.\r\n", s);
            Assert.AreEqual(30L * 60 * 1000, h.Clock.MonotonicMilliseconds);
            Assert.AreEqual(0, h.Mailbox.Messages().Length);
        }

        [TestMethod]
        public void UnbalancedParentheses_Bad()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            string s = h.Selected("c FETCH 1 (FLAGS UID\nd SEARCH (SEEN\ne STATUS INBOX (MESSAGES\nf FETCH 1 FLAGS)\ng SEARCH SEEN)\nh FETCH 1 (FLAGS))\nz LOGOUT\n");
            Assert.AreEqual(
                "c BAD Syntax error in arguments.\r\n"
                + "d BAD Unknown or malformed search key.\r\n"
                + "e BAD Syntax error in arguments.\r\n"
                + "f BAD Syntax error in arguments.\r\n"
                + "g BAD Unknown or malformed search key.\r\n"
                + "h BAD Syntax error in arguments.\r\n"
                + Bye,
                s);
        }

        [TestMethod]
        public void StarOnAnEmptyMailbox_BadForNumbers_EmptyForUids()
        {
            // RFC 9051 §9 seq-number: "*" in an empty mailbox is an invalid message number; as a UID
            // set it matches nothing.
            ImapHarness h = new ImapHarness();
            string s = h.Selected("c FETCH 1:* FLAGS\nd UID FETCH 1:* FLAGS\ne SEARCH 1:*\nf FETCH * FLAGS\ng STORE 1:* +FLAGS (\\Seen)\nh UID STORE * +FLAGS (\\Seen)\ni UID SEARCH *\nz LOGOUT\n");
            Assert.AreEqual(
                "c BAD Invalid message sequence number.\r\n"
                + "d OK FETCH completed\r\n"
                + "* SEARCH\r\ne OK SEARCH completed\r\n"
                + "f BAD Invalid message sequence number.\r\n"
                + "g BAD Invalid message sequence number.\r\n"
                + "h OK STORE completed\r\n"
                + "* SEARCH\r\ni OK SEARCH completed\r\n"
                + Bye,
                s);
        }

        [TestMethod]
        public void Star_IsTheLastMessage_AndRangesRunEitherWay()
        {
            // RFC 9051 §9: "*" is the last number (or UID) in use; "n:m" equals "m:n"; a UID range
            // "559:*" always includes the last message even when 559 is above every UID.
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            h.Add(Section6_Commands.Alert);
            h.Add(Section6_Commands.Alert);
            string s = h.Selected("c FETCH * UID\nd FETCH *:2 UID\ne UID FETCH 559:* UID\nf FETCH 2:4 UID\ng UID FETCH 2,* FLAGS\nh SEARCH *\nz LOGOUT\n");
            Assert.AreEqual(
                "* 3 FETCH (UID 3)\r\nc OK FETCH completed\r\n"
                + "* 2 FETCH (UID 2)\r\n* 3 FETCH (UID 3)\r\nd OK FETCH completed\r\n"
                + "* 3 FETCH (UID 3)\r\ne OK FETCH completed\r\n"
                + "f BAD Invalid message sequence number.\r\n"
                + "* 2 FETCH (FLAGS () UID 2)\r\n* 3 FETCH (FLAGS () UID 3)\r\ng OK FETCH completed\r\n"
                + "* SEARCH 3\r\nh OK SEARCH completed\r\n"
                + Bye,
                s);
        }

        [TestMethod]
        public void TenThousandRanges_BadLimit()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);

            // 301 ranges: over Limits.ImapSequenceRanges (256), refused naming the limit.
            string set = "1";
            string piece = ",1,1,1,1,1,1,1,1,1,1";
            for (int i = 0; i < 30; i++)
            {
                set += piece;
            }

            string s = h.Selected("c FETCH " + set + " FLAGS\nd SEARCH UID " + set + "\nz LOGOUT\n");
            Assert.AreEqual("c BAD [LIMIT] Too many ranges in the sequence set (at most 256).\r\nd BAD [LIMIT] Too many ranges in the sequence set (at most 256).\r\n" + Bye, s);

            // 10,000 ranges need at least 20,000 octets: they do not fit the 8,192-octet command
            // line, which is consumed whole and answered once; then the session goes on.
            string big = "1";
            for (int i = 0; i < 1000; i++)
            {
                big += piece;
            }

            s = h.Selected("c UID FETCH " + big + " FLAGS\nd NOOP\nz LOGOUT\n");
            Assert.AreEqual("* BAD [TOOBIG] Command line too long.\r\nd OK NOOP completed\r\n" + Bye, s);

            // ...and as a literal they are over the command buffer: refused before they are sent.
            s = h.Selected("c UID FETCH {20001}\nd NOOP\nz LOGOUT\n");
            Assert.AreEqual("c BAD [TOOBIG] Literal too big for a command.\r\nd OK NOOP completed\r\n" + Bye, s);
        }

        [TestMethod]
        public void IdleWithoutDone_AutologoutAfterThirtyMinutes()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN tech secret\nb SELECT INBOX\nc IDLE\n", true, false, 0, false);
            Assert.IsTrue(s.EndsWith("b OK [READ-WRITE] SELECT completed\r\n+ idling\r\n* BYE Autologout; idle for too long.\r\n"), s);
            Assert.AreEqual(30L * 60 * 1000, h.Clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void IdleReissuedEvery29Minutes_SessionStays()
        {
            // RFC 9051 §5.4 / RFC 2177: a client re-issues IDLE every 29 minutes; the 30-minute timer
            // restarts with each DONE, so the session lives on.
            ImapHarness h = new ImapHarness();
            PausingConnection c = new PausingConnection(
                new string[] { "a LOGIN tech secret\nb SELECT INBOX\nc IDLE\n", "DONE\nd IDLE\n", "DONE\ne NOOP\nz LOGOUT\n" },
                new ClockJump(h, 29 * 60 * 1000),
                h.Clock);
            new NanoRelay.Imap.Server.ImapServerDriver(h.Server, c, 64).Run();
            string s = c.WrittenText;
            Assert.IsTrue(s.EndsWith("+ idling\r\nc OK IDLE terminated\r\n+ idling\r\nd OK IDLE terminated\r\ne OK NOOP completed\r\n" + Bye), s);
            Assert.IsTrue(h.Clock.MonotonicMilliseconds > 58L * 60 * 1000);
        }

        [TestMethod]
        public void StartTls_PipelinedCommandsAreDiscarded_ThenTheSessionGoesOn()
        {
            // RFC 9051 §6.2.1 (as RFC 2595 §3.1 and CVE-2011-0411): what came with STARTTLS before
            // the handshake is dropped, never read as commands after it.
            ImapHarness h = new ImapHarness();
            PausingConnection c = new PausingConnection(new string[] { "a STARTTLS\nb LOGIN tech secret\nc NOOP\n", "d CAPABILITY\ne LOGIN tech secret\nz LOGOUT\n" }, null, h.Clock);
            c.IsLoopback = false;
            new NanoRelay.Imap.Server.ImapServerDriver(h.Server, c, 64).Run();
            Assert.AreEqual(
                Greeting
                + "a OK Begin TLS negotiation now\r\n"
                + "* CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT ESEARCH ID AUTH=PLAIN SASL-IR\r\nd OK CAPABILITY completed\r\n"
                + "e OK LOGIN completed\r\n"
                + Bye,
                c.WrittenText);
        }

        [TestMethod]
        public void LoginAndAuthenticatePlain_BeforeStartTls_FromTheLan_PrivacyRequired()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN tech secret\nb AUTHENTICATE PLAIN AHRlY2gAc2VjcmV0\nz LOGOUT\n", false, false, 0);
            Assert.AreEqual(
                Greeting
                + "a NO [PRIVACYREQUIRED] Use STARTTLS first: passwords only over TLS or from loopback.\r\n"
                + "b NO [PRIVACYREQUIRED] Use STARTTLS first: passwords only over TLS or from loopback.\r\n"
                + Bye,
                s);

            // Without an initial response: refused before the "+ " that would invite the password.
            s = h.Run("b AUTHENTICATE PLAIN\nz LOGOUT\n", false, false, 0);
            Assert.AreEqual(Greeting + "b NO [PRIVACYREQUIRED] Use STARTTLS first: passwords only over TLS or from loopback.\r\n" + Bye, s);
        }

        /// <summary>At each pause the clock jumps (the client sits in IDLE for that long).</summary>
        private sealed class ClockJump : IPauseAction
        {
            private readonly ImapHarness _h;
            private readonly int _milliseconds;

            public ClockJump(ImapHarness h, int milliseconds)
            {
                _h = h;
                _milliseconds = milliseconds;
            }

            public void Run(int pause)
            {
                _h.Clock.Advance(_milliseconds);
            }
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc1939;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc937
{
    /// <summary>
    /// RFC 937 Server Decision Table, action 1: "This is garbage. Send "- error", and Close the
    /// connection." Every case here ends the session with one "-" line, deletes nothing and
    /// releases the lock.
    /// </summary>
    [TestClass]
    public class Section_BadInput
    {
        [TestMethod]
        public void UnknownCommand_MinusAndClose()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            AssertRefused(h, Pop2Harness.AfterHelo(h, "NOOP\nQUIT\n"), "- Unknown command, or not allowed in this state\r\n");
        }

        [TestMethod]
        public void RetrBeforeRead_OutOfSequence_MinusAndClose()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            AssertRefused(h, Pop2Harness.AfterHelo(h, "RETR\nQUIT\n"), "- Unknown command, or not allowed in this state\r\n");
        }

        [TestMethod]
        public void AckdBeforeRetr_WrongState_MinusAndClose_NothingDeleted()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            AssertRefused(h, Pop2Harness.AfterHelo(h, "READ\nACKD\nQUIT\n"), "=100 characters in message 1\r\n- Unknown command, or not allowed in this state\r\n");
            Assert.AreEqual(1, h.Maildrop.Stored);
        }

        [TestMethod]
        public void QuitInNext_IsGarbage_MinusAndClose_AckdNotApplied()
        {
            // The decision table gives QUIT in NEXT action 1: an acknowledgment must come first.
            Pop3Harness h = new Pop3Harness();
            string m1 = Pop2Harness.Message(1, 100);
            h.Maildrop.Add(m1);
            AssertRefused(h, Pop2Harness.AfterHelo(h, "READ\nRETR\nQUIT\n"), "=100 characters in message 1\r\n" + m1 + "- Unknown command, or not allowed in this state\r\n");
            Assert.AreEqual(1, h.Maildrop.Stored);
        }

        [TestMethod]
        public void ReadOutOfRange_GetsZero_ThenRetrClosesTheConnection()
        {
            // READ: "If there is no message to be read, the count of zero is returned." RETR:
            // "The server will close the connection if asked to transmit a message of zero characters".
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            AssertRefused(h, Pop2Harness.AfterHelo(h, "READ 2\nREAD 0\nREAD 99999999999999999999\nRETR\nQUIT\n"),
                "=0 no more messages\r\n=0 no more messages\r\n=0 no more messages\r\n- No message to transmit\r\n");
        }

        [TestMethod]
        public void ReadWithANonNumber_SyntaxError_MinusAndClose()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            AssertRefused(h, Pop2Harness.AfterHelo(h, "READ -1\nQUIT\n"), "- Syntax error in arguments\r\n");
        }

        [TestMethod]
        public void ArgumentToRetr_SyntaxError_MinusAndClose()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            AssertRefused(h, Pop2Harness.AfterHelo(h, "READ\nRETR 1\nQUIT\n"), "=100 characters in message 1\r\n- Syntax error in arguments\r\n");
        }

        [TestMethod]
        public void OverlongLine_MinusAndClose()
        {
            // "Sizes": "The maximum length of a command line is 512 characters (including the command word and the CRLF)."
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            string fold = "FOLD ";
            while (fold.Length < 600)
            {
                fold += "x";
            }

            AssertRefused(h, Pop2Harness.AfterHelo(h, fold + "\nQUIT\n"), "- Command line too long\r\n");
        }

        [TestMethod]
        public void LongestLine_510CharactersAndCrlf_IsACommand()
        {
            Pop3Harness h = new Pop3Harness();
            string fold = "FOLD ";
            while (fold.Length < 510)
            {
                fold += "x";
            }

            string s = Pop2Harness.AfterHelo(h, fold + "\nQUIT\n");
            Assert.AreEqual("#0 messages, only INBOX exists here\r\n+ OK, bye, bye\r\n", s);
        }

        [TestMethod]
        public void NulInACommand_MinusAndClose()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = Pop2Harness.Run(h, "HELO tech secret[NUL]\nQUIT\n", true, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Control character or NUL in command\r\n", c.WrittenText);
            Assert.IsTrue(c.IsClosed);
        }

        [TestMethod]
        public void HeloWithoutPassword_SyntaxError()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = Pop2Harness.Run(h, "HELO tech\nQUIT\n", true, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Syntax error in arguments\r\n", c.WrittenText);
            c = Pop2Harness.Run(h, "HELO tech secret extra\nQUIT\n", true, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Syntax error in arguments\r\n", c.WrittenText);
            Assert.AreEqual(0L, h.Clock.Slept);   // a syntax error is not a failed login
        }

        [TestMethod]
        public void WrongPassword_ThePop3PauseThenMinusAndClose()
        {
            // HELO: ""- error report" and Close the connection." The pause is POP3's (RFC 1939 §13).
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            ScriptedConnection c = Pop2Harness.Run(h, "HELO tech wrong\nREAD\n", true, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Bad login\r\n", c.WrittenText);
            Assert.AreEqual((long)h.Options.AuthFailureDelayMilliseconds, h.Clock.Slept);
            Assert.IsTrue(c.IsClosed);
            Assert.IsFalse(h.Maildrop.IsLocked);

            c = Pop2Harness.Run(h, "HELO nobody secret\n", true, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Bad login\r\n", c.WrittenText);   // the same for an unknown user
        }

        [TestMethod]
        public void FailedHelos_CountInThePop3AuthPenalty_BothProtocolsRefuseThatAddress()
        {
            Pop3Harness h = new Pop3Harness();
            for (int i = 0; i < 10; i++)
            {
                ScriptedConnection bad = h.Connect("HELO tech wrong\n", true, false);
                bad.RemoteAddress = "192.0.2.9";
                Pop2Harness.Run(h, bad, false);
            }

            ScriptedConnection pop2 = h.Connect("HELO tech secret\n", true, false);
            pop2.RemoteAddress = "192.0.2.9";
            Pop2Harness.Run(h, pop2, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Too many failed logins from your address, try later\r\n", pop2.WrittenText);

            ScriptedConnection pop3 = h.Connect("USER tech\nPASS secret\n", true, false);
            pop3.RemoteAddress = "192.0.2.9";
            h.Run(pop3);
            Assert.IsTrue(pop3.WrittenText.IndexOf("-ERR [SYS/TEMP] Too many failed logins") > 0, pop3.WrittenText);
        }

        [TestMethod]
        public void HeloFromTheLan_RefusedUnlessCleartextFromLanIsSet()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = Pop2Harness.Run(h, "HELO tech secret\nQUIT\n", false, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Cleartext passwords are accepted only from loopback here\r\n", c.WrittenText);
            Assert.AreEqual(0L, h.Clock.Slept);

            c = Pop2Harness.Run(h, "HELO tech secret\nQUIT\n", false, true);
            Assert.AreEqual("+ POP2 localhost Server\r\n#0 messages in your mailbox\r\n+ OK, bye, bye\r\n", c.WrittenText);
        }

        [TestMethod]
        public void IdleAfterHelo_AutologoutAfterT2_NothingDeleted()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            ScriptedConnection c = h.Connect("HELO tech secret\nREAD\nRETR\nACKD\n", true, false);
            c.CloseAtEnd = false;
            Pop2Harness.Run(h, c, false);
            Assert.IsTrue(c.WrittenText.EndsWith("=0 no more messages\r\n- Autologout; idle for too long\r\n"), c.WrittenText);
            Assert.IsTrue(h.Clock.MonotonicMilliseconds >= 10 * 60 * 1000L);
            Assert.AreEqual(1, h.Maildrop.Stored);
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void IdleBeforeHelo_ClosedAfterThePop3PreLoginLimit()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = h.Connect("", true, false);
            c.CloseAtEnd = false;
            Pop2Harness.Run(h, c, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Autologout; idle for too long\r\n", c.WrittenText);
            Assert.AreEqual(3 * 60 * 1000L, h.Clock.MonotonicMilliseconds);
        }

        private static void AssertRefused(Pop3Harness h, string written, string expected)
        {
            Assert.AreEqual(expected, written);
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(0, h.Maildrop.OpenReaders);
        }
    }
}

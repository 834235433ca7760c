#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc1939;
using NanoRelay.Framing;
using NanoRelay.Pop2;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc937
{
    /// <summary>RFC 937 "Definitions of Commands and Replies": FOLD, READ, ACKS, ACKD, NACK, QUIT and "Quoting".</summary>
    [TestClass]
    public class Section_Commands
    {
        [TestMethod]
        public void Fold_AnotherMailbox_CountsZero_ThenReadGetsZero()
        {
            // "If the mailbox is empty or does not exist, the number of messages reported is zero."
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            string s = Pop2Harness.AfterHelo(h, "FOLD /usr/spool/mail/smith\nREAD\nFOLD inbox\nQUIT\n");
            Assert.AreEqual("#0 messages, only INBOX exists here\r\n=0 no more messages\r\n#1 messages in your mailbox\r\n+ OK, bye, bye\r\n", s);
            Assert.AreEqual(1, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Fold_AppliesAckdAndRenumbers()
        {
            // ACKD: "The actual change is made when the mailbox is released at the end of the
            // session or when the client selects another mailbox with the FOLD command."
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            h.Maildrop.Add(Pop2Harness.Message(2, 200));
            string s = Pop2Harness.AfterHelo(h, "READ\nRETR\nACKD\nFOLD INBOX\nREAD\n");
            Assert.IsTrue(s.EndsWith("=200 characters in message 2\r\n#1 messages in your mailbox\r\n=200 characters in message 1\r\n"), s);
            Assert.AreEqual(1, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Read_WithNumber_SetsTheCurrentMessage_AckMovesOn()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            h.Maildrop.Add(Pop2Harness.Message(2, 200));
            h.Maildrop.Add(Pop2Harness.Message(3, 300));
            string s = Pop2Harness.AfterHelo(h, "READ 2\nRETR\nACKS\nQUIT\n");
            string m2 = Pop2Harness.Message(2, 200);
            Assert.AreEqual("=200 characters in message 2\r\n" + m2 + "=300 characters in message 3\r\n+ OK, bye, bye\r\n", s);
            Assert.AreEqual(3, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Nack_KeepsTheCurrentMessage_ItCanBeSentAgain()
        {
            // NACK: "The current message indicator remains the same."
            Pop3Harness h = new Pop3Harness();
            string m1 = Pop2Harness.Message(1, 100);
            h.Maildrop.Add(m1);
            string s = Pop2Harness.AfterHelo(h, "READ\nRETR\nNACK\nRETR\nACKD\nQUIT\n");
            Assert.AreEqual("=100 characters in message 1\r\n" + m1 + "=100 characters in message 1\r\n" + m1 + "=0 no more messages\r\n+ OK, bye, bye\r\n", s);
            Assert.AreEqual(0, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Read_OfAMessageDeletedByAckd_GetsZero()
        {
            // READ: "If the message was previously deleted with the ACKD command, the count of zero is returned."
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            string s = Pop2Harness.AfterHelo(h, "READ\nRETR\nACKD\nREAD 1\nQUIT\n");
            Assert.IsTrue(s.EndsWith("=0 no more messages\r\n=0 deleted message 1\r\n+ OK, bye, bye\r\n"), s);
            Assert.AreEqual(0, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Ackd_ThenTheConnectionDrops_NothingIsDeleted()
        {
            // Only QUIT and FOLD apply ACKD's marks: a session cut short deletes nothing.
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Pop2Harness.Message(1, 100));
            string s = Pop2Harness.AfterHelo(h, "READ\nRETR\nACKD\n");
            Assert.IsTrue(s.EndsWith("=0 no more messages\r\n"), s);
            Assert.AreEqual(1, h.Maildrop.Stored);
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Quoting_BackslashSpaceInThePassword()
        {
            // "To include a space in an argument the two character sequence "back-slash, space" is transmitted."
            Pop3Harness h = new Pop3Harness();
            h.Options.Password = "sec ret\\";
            string s = Pop2Harness.Run(h, "HELO tech sec\\ ret\\\\\nQUIT\n", true, false).WrittenText;
            Assert.AreEqual("+ POP2 localhost Server\r\n#0 messages in your mailbox\r\n+ OK, bye, bye\r\n", s);
        }

        [TestMethod]
        public void Helo_TakesTheMaildropLock_Pop3IsRefusedUntilTheSessionEnds()
        {
            Pop3Harness h = new Pop3Harness();
            Pop2ServerSession session = new Pop2ServerSession(h.Server, true, false, null);
            session.Start();
            byte[] helo = Pop3Harness.Latin1("HELO tech secret");
            session.Feed(helo, 0, helo.Length, LineFlags.None);
            Assert.AreEqual((int)Pop2State.Mbox, (int)session.State);
            Assert.IsTrue(h.Maildrop.IsLocked);

            string pop3 = h.Run("USER tech\nPASS secret\nQUIT\n", true, false);
            Assert.IsTrue(pop3.IndexOf("-ERR [IN-USE]") > 0, pop3);

            session.End();
            Assert.IsFalse(h.Maildrop.IsLocked);
            pop3 = h.Run("USER tech\nPASS secret\nQUIT\n", true, false);
            Assert.IsTrue(pop3.IndexOf("maildrop has 0 messages") > 0, pop3);
        }

        [TestMethod]
        public void Helo_WhilePop3HoldsTheLock_IsRefused()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.IsTrue(h.Maildrop.TryLock());
            ScriptedConnection c = Pop2Harness.Run(h, "HELO tech secret\nREAD\n", true, false);
            Assert.AreEqual("+ POP2 localhost Server\r\n- Mailbox in use by a POP3 or POP2 session\r\n", c.WrittenText);
            Assert.IsTrue(c.IsClosed);
            Assert.IsTrue(h.Maildrop.IsLocked);   // still POP3's: the refused session did not release it
        }
    }
}

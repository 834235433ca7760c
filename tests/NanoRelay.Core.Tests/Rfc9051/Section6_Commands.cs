#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>RFC 9051 §6: the commands, one by one, against the real mailbox store.</summary>
    [TestClass]
    public class Section6_Commands
    {
        internal const string Alert = "From: nanoRelay <relay@device.local>\nTo: Tech <tech@example.com>\nSubject: Temperature high\nDate: Wed, 17 Jul 1996 02:23:25 -0700\nMessage-ID: <a1@device.local>\n\nThe boiler reads 92 C.\nSecond line.\n";

        [TestMethod]
        public void FetchEnvelopeAndBodyStructure_TextPlain()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            string s = h.Selected("c FETCH 1 (UID RFC822.SIZE ENVELOPE BODYSTRUCTURE)\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("* 1 FETCH (UID 1 RFC822.SIZE 204 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700\" \"Temperature high\" ((\"nanoRelay\" NIL \"relay\" \"device.local\"))") == 0, s);
            Assert.IsTrue(s.IndexOf("((\"Tech\" NIL \"tech\" \"example.com\")) NIL NIL NIL \"<a1@device.local>\") BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 38 2))\r\nc OK FETCH completed") > 0, s);
        }

        [TestMethod]
        public void FetchBody_SetsSeen_PeekDoesNot()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            h.Add(Alert);
            string s = h.Selected("c FETCH 1 BODY.PEEK[TEXT]\nd FETCH 2 BODY[TEXT]<4.7>\ne SEARCH UNSEEN\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("* 1 FETCH (BODY[TEXT] {38}\r\nThe boiler reads 92 C.\r\nSecond line.\r\n)\r\nc OK FETCH completed") == 0, s);
            Assert.IsTrue(s.IndexOf("* 2 FETCH (BODY[TEXT]<4> {7}\r\nboiler  FLAGS (\\Seen))\r\nd OK") > 0, s);
            Assert.IsTrue(s.IndexOf("* SEARCH 1\r\ne OK SEARCH completed") > 0, s);
        }

        [TestMethod]
        public void HeaderFields_OnlyTheNamedFieldsAndTheBlankLine()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            string s = h.Selected("c FETCH 1 BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM)] {67}\r\nFrom: nanoRelay <relay@device.local>\r\nSubject: Temperature high\r\n\r\n)") == 0, s);
        }

        [TestMethod]
        public void StoreExpungeAndSearch_FlagsPersistAcrossReboot()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            h.Add(Alert);
            h.Add(Alert);
            string s = h.Selected("c STORE 2 +FLAGS (\\Flagged \\Seen)\nd STORE 1 +FLAGS.SILENT (\\Deleted)\ne SEARCH FLAGGED\nf UID SEARCH RETURN (MIN MAX COUNT ALL) NOT DELETED\ng EXPUNGE\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("* 2 FETCH (FLAGS (\\Seen \\Flagged))\r\nc OK STORE completed\r\nd OK STORE completed\r\n* SEARCH 2\r\ne OK") == 0, s);
            Assert.IsTrue(s.IndexOf("* ESEARCH (TAG \"f\") UID MIN 2 MAX 3 COUNT 2 ALL 2:3\r\n") > 0, s);
            Assert.IsTrue(s.IndexOf("* 1 EXPUNGE\r\ng OK EXPUNGE completed") > 0, s);

            // A reboot: the store is recovered from flash; flags and UIDs are as they were.
            NanoRelay.Storage.Mailbox again = new NanoRelay.Storage.Mailbox(h.Files, new NanoRelay.Testing.SeededRandom(3), 0, 1000);
            again.Open();
            NanoRelay.Imap.ImapMessage[] all = again.Messages();
            Assert.AreEqual(2, all.Length);
            Assert.AreEqual(2L, all[0].Uid);
            Assert.AreEqual(NanoRelay.Imap.ImapFlags.Seen | NanoRelay.Imap.ImapFlags.Flagged, all[0].Flags);
            Assert.AreEqual(h.Mailbox.UidValidity, again.UidValidity);
        }

        [TestMethod]
        public void Append_LiteralAndLiteralPlus_ThenFetchable()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Selected("c APPEND INBOX (\\Seen) {5}\nhello\nd APPEND INBOX {6+}\nworld!\ne FETCH 1:* (FLAGS BODY.PEEK[])\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("+ Ready for literal data\r\n* 1 EXISTS\r\nc OK [APPENDUID ") == 0, s);
            Assert.IsTrue(s.IndexOf(" 1] APPEND completed\r\n* 2 EXISTS\r\nd OK [APPENDUID ") > 0, s);
            Assert.IsTrue(s.IndexOf("* 1 FETCH (FLAGS (\\Seen) BODY[] {7}\r\nhello\r\n)") > 0, s);
            Assert.IsTrue(s.IndexOf("* 2 FETCH (FLAGS () BODY[] {8}\r\nworld!\r\n)") > 0, s);
        }

        [TestMethod]
        public void ListStatusNamespace_OneMailbox_FoldersRefused()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            string s = h.Run("a LOGIN tech secret\nb LIST \"\" *\nc STATUS INBOX (MESSAGES UIDNEXT UNSEEN)\nd NAMESPACE\ne CREATE Trash\nf SELECT Trash\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("* LIST (\\HasNoChildren) \"/\" INBOX\r\nb OK LIST completed\r\n* STATUS INBOX (MESSAGES 1 UIDNEXT 2 UNSEEN 1)\r\n") > 0, s);
            Assert.IsTrue(s.IndexOf("e NO [CANNOT]") > 0, s);
            Assert.IsTrue(s.IndexOf("f NO [NONEXISTENT]") > 0, s);
        }

        [TestMethod]
        public void CopyAndMove_RefusedWithTheReason()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            string s = h.Selected("c COPY 1 INBOX\nd MOVE 1 Trash\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("c NO [CANNOT]") == 0, s);
            Assert.IsTrue(s.IndexOf("d NO [TRYCREATE]") > 0, s);
        }

        [TestMethod]
        public void Check_FromAnImap4rev1Client_OkInSelectedStateOnly()
        {
            // RFC 3501 §6.4.1: the server advertises IMAP4rev1 too, and mbsync sends CHECK after
            // storing flags; RFC 9051 Appendix E removed it ("use NOOP instead"), so it does a NOOP.
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            string s = h.Run("a LOGIN tech secret\nb CHECK\nc SELECT INBOX\nd CHECK\nz LOGOUT\n");
            Assert.IsTrue(s.IndexOf("\r\nb BAD ") > 0, s);
            Assert.IsTrue(s.IndexOf("\r\nd OK ") > 0, s);
        }
    }
}

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
        public void Probe_PrintsTheSession()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Alert);
            h.Add(Alert);
            string s = h.Run("a CAPABILITY\nb LOGIN tech secret\nc SELECT INBOX\nd FETCH 1:* (FLAGS UID RFC822.SIZE ENVELOPE BODYSTRUCTURE)\ne FETCH 2 BODY[]\nf STORE 1 +FLAGS (\\Deleted)\ng SEARCH UNSEEN\nh UID SEARCH RETURN (MIN MAX COUNT ALL) ALL\ni EXPUNGE\nj FETCH 1 (BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)] BODY[TEXT]<0.7>)\nk LIST \"\" *\nl STATUS INBOX (MESSAGES UIDNEXT UNSEEN)\nm APPEND INBOX (\\Seen) {5}\nhello\nn NOOP\nz LOGOUT\n");
            System.Console.WriteLine(s);
            Assert.IsTrue(s.IndexOf("z OK LOGOUT completed") >= 0);
        }
    }
}

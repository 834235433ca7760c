#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>RFC 9051 §6.4.5 / §7.5.2: BODYSTRUCTURE of the shapes nanoRelay writes and receives, and body sections.</summary>
    [TestClass]
    public class Section6_4_5_FetchStructure
    {
        /// <summary>multipart/mixed: a text part, a forwarded message (itself multipart/mixed), an attachment.</summary>
        internal const string Mixed =
            "From: nanoRelay <relay@device.local>\nTo: tech@example.com\nSubject: Log export\nDate: Thu, 26 Nov 2026 10:00:00 +0000\nMessage-ID: <m1@device.local>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
            + "This is a MIME message.\n"
            + "--b1\nContent-Type: text/plain; charset=us-ascii\n\nSee the log and the bounce.\n"
            + "--b1\nContent-Type: message/rfc822\n\n"
            + "From: MAILER-DAEMON@example.com\nSubject: Undelivered\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b2\"\n\n"
            + "--b2\nContent-Type: text/plain\n\nThe mail could not be delivered.\n"
            + "--b2\nContent-Type: text/rfc822-headers\n\nTo: nobody@example.com\n"
            + "--b2--\n"
            + "--b1\nContent-Type: application/octet-stream; name=\"log.csv\"\nContent-Disposition: attachment; filename=\"log.csv\"\nContent-Transfer-Encoding: base64\n\nMSwyLDMK\n"
            + "--b1--\n";

        /// <summary>The shape AlertDigestWriter writes (RFC 2046 §5.1.5): a text/plain summary, then members with no part headers.</summary>
        internal const string Digest =
            "From: greenhouse-1@example.com\nTo: ops@example.com\nSubject: [digest] front-door flapping\nDate: Fri, 27 Nov 2026 09:30:00 +0000\nMessage-ID: <d1@example.com>\nMIME-Version: 1.0\nContent-Type: multipart/digest; boundary=\"=_nanorelay-digest-7\"\n\n"
            + "This is a digest of alerts in MIME format (RFC 2046, multipart/digest).\n"
            + "--=_nanorelay-digest-7\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n2 alerts while front-door flapped.\n"
            + "--=_nanorelay-digest-7\n\n"
            + "From: greenhouse-1@example.com\nTo: ops@example.com\nSubject: front-door open\nDate: Fri, 27 Nov 2026 09:20:00 +0000\nMessage-ID: <d1.1@example.com>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\nfront-door is open.\n"
            + "--=_nanorelay-digest-7\n\n"
            + "From: greenhouse-1@example.com\nTo: ops@example.com\nSubject: front-door closed\nDate: Fri, 27 Nov 2026 09:21:00 +0000\nMessage-ID: <d1.2@example.com>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\nfront-door is closed.\n"
            + "--=_nanorelay-digest-7--\n";

        [TestMethod]
        public void BodyStructure_MultipartMixed_WithNestedMessage()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Mixed);
            string s = h.Selected("c FETCH 1 BODYSTRUCTURE\nz LOGOUT\n");
            Assert.AreEqual(
                "* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 27 1)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 263 (NIL \"Undelivered\" ((NIL NIL \"MAILER-DAEMON\" \"example.com\")) ((NIL NIL \"MAILER-DAEMON\" \"example.com\")) ((NIL NIL \"MAILER-DAEMON\" \"example.com\")) NIL NIL NIL NIL NIL) ((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 32 1)(\"TEXT\" \"RFC822-HEADERS\" NIL NIL NIL \"7BIT\" 22 1) \"MIXED\" (\"BOUNDARY\" \"b2\")) 14)(\"APPLICATION\" \"OCTET-STREAM\" (\"NAME\" \"log.csv\") NIL NIL \"BASE64\" 8 NIL (\"ATTACHMENT\" (\"FILENAME\" \"log.csv\"))) \"MIXED\" (\"BOUNDARY\" \"b1\")))\r\n"
                + "c OK FETCH completed\r\n"
                + Adversarial.Bye,
                s);
        }

        [TestMethod]
        public void BodyStructure_MultipartDigest_MembersAreMessages()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Digest);
            string s = h.Selected("c FETCH 1 BODYSTRUCTURE\nz LOGOUT\n");
            Assert.AreEqual(
                "* 1 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 34 1)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 264 (\"Fri, 27 Nov 2026 09:20:00 +0000\" \"front-door open\" ((NIL NIL \"greenhouse-1\" \"example.com\")) ((NIL NIL \"greenhouse-1\" \"example.com\")) ((NIL NIL \"greenhouse-1\" \"example.com\")) ((NIL NIL \"ops\" \"example.com\")) NIL NIL NIL \"<d1.1@example.com>\") (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 19 1) 10)(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 268 (\"Fri, 27 Nov 2026 09:21:00 +0000\" \"front-door closed\" ((NIL NIL \"greenhouse-1\" \"example.com\")) ((NIL NIL \"greenhouse-1\" \"example.com\")) ((NIL NIL \"greenhouse-1\" \"example.com\")) ((NIL NIL \"ops\" \"example.com\")) NIL NIL NIL \"<d1.2@example.com>\") (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"UTF-8\") NIL NIL \"7BIT\" 21 1) 10) \"DIGEST\" (\"BOUNDARY\" \"=_nanorelay-digest-7\")))\r\n"
                + "c OK FETCH completed\r\n"
                + Adversarial.Bye,
                s);
        }

        [TestMethod]
        public void Sections_PartNumbers_HeaderFields_Text_Partial()
        {
            ImapHarness h = new ImapHarness();
            h.Add(Mixed);
            string s = h.Selected("c FETCH 1 (BODY.PEEK[1] BODY.PEEK[2.1] BODY.PEEK[2.HEADER] BODY.PEEK[2.TEXT]<0.10> BODY.PEEK[3.MIME] BODY.PEEK[3])\nd FETCH 1 BODY.PEEK[HEADER.FIELDS (subject message-id)]\ne FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (From To Date Content-Type MIME-Version)]\nf FETCH 1 BODY.PEEK[TEXT]<0.24>\ng FETCH 1 BODY.PEEK[4]\nh FETCH 1 BODY.PEEK[2.1]<5.100>\nz LOGOUT\n");
            Assert.AreEqual(
                "* 1 FETCH (BODY[1] {27}\r\n"
                + "See the log and the bounce. BODY[2.1] {32}\r\n"
                + "The mail could not be delivered. BODY[2.HEADER] {122}\r\n"
                + "From: MAILER-DAEMON@example.com\r\n"
                + "Subject: Undelivered\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b2\"\r\n"
                + "\r\n"
                + " BODY[2.TEXT]<0> {10}\r\n"
                + "--b2\r\n"
                + "Cont BODY[3.MIME] {146}\r\n"
                + "Content-Type: application/octet-stream; name=\"log.csv\"\r\n"
                + "Content-Disposition: attachment; filename=\"log.csv\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + " BODY[3] {8}\r\n"
                + "MSwyLDMK)\r\n"
                + "c OK FETCH completed\r\n"
                + "* 1 FETCH (BODY[HEADER.FIELDS (subject message-id)] {54}\r\n"
                + "Subject: Log export\r\n"
                + "Message-ID: <m1@device.local>\r\n"
                + "\r\n"
                + ")\r\n"
                + "d OK FETCH completed\r\n"
                + "* 1 FETCH (BODY[HEADER.FIELDS.NOT (From To Date Content-Type MIME-Version)] {54}\r\n"
                + "Subject: Log export\r\n"
                + "Message-ID: <m1@device.local>\r\n"
                + "\r\n"
                + ")\r\n"
                + "e OK FETCH completed\r\n"
                + "* 1 FETCH (BODY[TEXT]<0> {24}\r\n"
                + "This is a MIME message.\r)\r\n"
                + "f OK FETCH completed\r\n"
                + "* 1 FETCH (BODY[4] {0}\r\n"
                + ")\r\n"
                + "g OK FETCH completed\r\n"
                + "* 1 FETCH (BODY[2.1]<5> {27}\r\n"
                + "ail could not be delivered.)\r\n"
                + "h OK FETCH completed\r\n"
                + Adversarial.Bye,
                s);
        }
    }
}

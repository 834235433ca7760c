#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc5321;
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc6152
{
    /// <summary>
    /// RFC 6152 §3 and RFC 6531 §3.4: BODY=8BITMIME only for content that really is 8-bit, and only to
    /// a server that offers it; SMTPUTF8 for non-ASCII addresses. The MIME writer never makes 8-bit
    /// content, so this is for messages that arrive 8-bit from elsewhere.
    /// </summary>
    [TestClass]
    public class Section3_EightBitMime
    {
        private static SmtpHarness Plain(string t)
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            return new SmtpHarness(t, TranscriptConnection.Whole, s);
        }

        [TestMethod]
        public void EightBitContent_ServerOffers8BitMime_MailDeclaresBody()
        {
            SmtpHarness h = Plain("S: 220 mx\nC: EHLO relay.example\nS: 250-mx\nS: 250 8BITMIME\nC: MAIL FROM:<greenhouse-1@example.com> BODY=8BITMIME\nS: 250 ok\nC: RCPT TO:<ops@example.com>\nS: 250 ok\nC: DATA\nS: 354 go\n" + Section4_2_1_ReplyClasses.Body + "S: 250 ok\nC: QUIT\nS: 221 bye\n");
            SmtpEnvelope e = SmtpHarness.Envelope(new string[] { "ops@example.com" });
            e.EightBit = true;
            Assert.IsTrue(h.Run(new SmtpEnvelope[] { e }).Accepted);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }

        [TestMethod]
        public void EightBitContent_ServerWithout8BitMime_IsNotSent()
        {
            SmtpHarness h = Plain("S: 220 mx\nC: EHLO relay.example\nS: 250 mx\nC: QUIT\nS: 221 bye\n");
            SmtpEnvelope e = SmtpHarness.Envelope(new string[] { "ops@example.com" });
            e.EightBit = true;
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { e });
            Assert.AreEqual(SmtpFailure.Permanent, o.Failure);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }

        [TestMethod]
        public void NonAsciiRecipient_NeedsSmtpUtf8()
        {
            SmtpHarness h = Plain("S: 220 mx\nC: EHLO relay.example\nS: 250-mx\nS: 250 SMTPUTF8\nC: MAIL FROM:<greenhouse-1@example.com> SMTPUTF8\nS: 250 ok\nC: RCPT TO:<joão@example.com.br>\nS: 250 ok\nC: DATA\nS: 354 go\n" + Section4_2_1_ReplyClasses.Body + "S: 250 ok\nC: QUIT\nS: 221 bye\n");
            Assert.IsTrue(h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "joão@example.com.br" }) }).Accepted);

            h = Plain("S: 220 mx\nC: EHLO relay.example\nS: 250 mx\nC: QUIT\nS: 221 bye\n");
            Assert.AreEqual(SmtpFailure.Permanent, h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "joão@example.com.br" }) }).Failure);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc5321;
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc1870
{
    /// <summary>RFC 1870 §4 and §6: SIZE=n on MAIL when offered; a message over the declared maximum is not sent.</summary>
    [TestClass]
    public class Section6_SizeParameter
    {
        private static SmtpHarness Plain(string t)
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            return new SmtpHarness(t, TranscriptConnection.Whole, s);
        }

        [TestMethod]
        public void SizeOffered_MailCarriesSize()
        {
            SmtpHarness h = Plain("S: 220 mx\nC: EHLO relay.example\nS: 250-mx\nS: 250 SIZE 1000\nC: MAIL FROM:<greenhouse-1@example.com> SIZE=37\nS: 250 ok\nC: RCPT TO:<ops@example.com>\nS: 250 ok\nC: DATA\nS: 354 go\n" + Section4_2_1_ReplyClasses.Body + "S: 250 ok\nC: QUIT\nS: 221 bye\n");
            Assert.IsTrue(Section4_2_1_ReplyClasses.RunOne(h).Accepted);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }

        [TestMethod]
        public void MessageOverTheDeclaredMaximum_IsPermanent_NothingSent()
        {
            SmtpHarness h = Plain("S: 220 mx\nC: EHLO relay.example\nS: 250-mx\nS: 250 SIZE 10\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual(SmtpFailure.Permanent, o.Failure);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.AreEqual("upstream failed at MAIL FROM: the message (37 octets) exceeds the server's SIZE 10", o.Describe());
        }

        [TestMethod]
        public void Sc32_452ForSomeRecipients_DataGoesToTheAccepted_TheRestAreTransient()
        {
            SmtpHarness h = Plain(Section4_2_1_ReplyClasses.Hello + Section4_2_1_ReplyClasses.Mail + "S: 250 ok\nC: RCPT TO:<a@example.com>\nS: 250 ok\nC: RCPT TO:<b@example.com>\nS: 452 4.5.3 Too many recipients\nC: DATA\nS: 354 go\n" + Section4_2_1_ReplyClasses.Body + "S: 250 ok\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "a@example.com", "b@example.com" }) });
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsTrue(o.Accepted);
            Assert.AreEqual(SmtpFailure.Transient, o.Recipients[1].Failure);
        }
    }
}

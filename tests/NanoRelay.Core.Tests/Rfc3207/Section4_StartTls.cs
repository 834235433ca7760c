#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc5321;
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc3207
{
    /// <summary>
    /// RFC 3207 §4 and RFC 8314: with TLS required, no AUTH and no MAIL ever leave in plaintext;
    /// docs/catalogue.md #36 (stripping), #37 (response injection), #38 (capability tampering), #39 (handshake failure).
    /// </summary>
    [TestClass]
    public class Section4_StartTls
    {
        private const string Greeting = "S: 220 mx ESMTP\nC: EHLO relay.example\n";

        private static void AssertNothingSecretInPlaintext(SmtpHarness h)
        {
            string w = h.Connection.WrittenText;
            int plainEnd = h.Connection.TlsUpgrades > 0 ? h.Connection.WrittenBeforeTls : w.Length;
            string plain = w.Substring(0, plainEnd);
            Assert.AreEqual(-1, plain.IndexOf("AUTH"), plain);
            Assert.AreEqual(-1, plain.IndexOf("MAIL"), plain);
            Assert.AreEqual(-1, plain.IndexOf("YXBwLXBhc3N3b3Jk"), plain);
        }

        [TestMethod]
        public void Sc36_EhloWithoutStartTls_FailsTlsRequired_NoAuthNoMail_Quit()
        {
            SmtpHarness h = new SmtpHarness(Greeting + "S: 250-mx\nS: 250 AUTH PLAIN LOGIN\nC: QUIT\nS: 221 bye\n", TranscriptConnection.Whole);
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual(SmtpFailure.TlsRequired, o.Failure);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            AssertNothingSecretInPlaintext(h);
            Assert.AreEqual("upstream TLS required but not established at EHLO: the server does not offer STARTTLS", o.Describe());
        }

        [TestMethod]
        [DataRow("502 5.5.1 not implemented")]
        [DataRow("454 4.7.0 TLS not available due to temporary reason")]
        [DataRow("500 5.5.2 what")]
        [DataRow("354 go ahead")]
        [DataRow("221 bye")]
        [DataRow("421 4.7.0 closing")]
        public void Sc36_StartTlsRefused_FailsTlsRequired_NoPlaintextFallback(string reply)
        {
            string quit = reply.StartsWith("421") ? "" : "C: QUIT\nS: 221 bye\n";
            SmtpHarness h = new SmtpHarness(Greeting + "S: 250-mx\nS: 250-STARTTLS\nS: 250 AUTH PLAIN\nC: STARTTLS\nS: " + reply + "\n" + quit, TranscriptConnection.Whole);
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual(SmtpFailure.TlsRequired, o.Failure, reply);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.AreEqual(0, h.Connection.TlsUpgrades);
            AssertNothingSecretInPlaintext(h);
        }

        [TestMethod]
        public void Sc36_EhloRejected_HeloOnly_FailsTlsRequired()
        {
            SmtpHarness h = new SmtpHarness(Greeting + "S: 502 no EHLO\nC: HELO relay.example\nS: 250 mx\nC: QUIT\nS: 221 bye\n", TranscriptConnection.Whole);
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual(SmtpFailure.TlsRequired, o.Failure);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            AssertNothingSecretInPlaintext(h);
        }

        [TestMethod]
        [DataRow(TranscriptConnection.Whole)]
        [DataRow(TranscriptConnection.LineByLine)]
        [DataRow(TranscriptConnection.ByteByByte)]
        public void Sc37_BytesAfterThe220ToStartTls_AbortBeforeTls_NeverReadAsTlsReplies(int mode)
        {
            SmtpHarness h = new SmtpHarness(Greeting + "S: 250-mx\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 Ready to start TLS\\r\\n250-evil\\r\\n250 AUTH LOGIN\\r\\n\\\n** TLS\nC: EHLO relay.example\nS: 250 AUTH LOGIN\n", mode);
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.IsFalse(o.Accepted);
            Assert.AreEqual("EHLO relay.example\r\nSTARTTLS\r\n", h.Connection.WrittenText);
            AssertNothingSecretInPlaintext(h);
            if (mode != TranscriptConnection.Whole)
            {
                // Line by line or byte by byte: the injected bytes are still in the socket, so the
                // TLS layer (not our framer) meets them and the handshake fails.
                Assert.AreEqual(SmtpFailure.TlsRequired, o.Failure);
            }
            else
            {
                Assert.AreEqual(SmtpFailure.Protocol, o.Failure);
                Assert.AreEqual(0, h.Connection.TlsUpgrades);
                Assert.AreEqual("data after the 220 to STARTTLS (response injection); aborted before TLS", o.Reply);
            }
        }

        [TestMethod]
        public void Sc38_PostTlsCapabilitiesOnly_PreTlsPlainIgnored_UsesLogin()
        {
            SmtpHarness h = new SmtpHarness(Greeting + "S: 250-mx\nS: 250-AUTH PLAIN\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 go\n** TLS\nC: EHLO relay.example\nS: 250-mx\nS: 250-STARTTLS\nS: 250 AUTH LOGIN\n" +
                "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxlcnRzQGV4YW1wbGUuY29t\nS: 334 UGFzc3dvcmQ6\nC: YXBwLXBhc3N3b3Jk\nS: 235 ok\nC: QUIT\nS: 221 bye\n", TranscriptConnection.Whole);
            h.Run(new SmtpEnvelope[0]);
            Assert.IsNull(h.OpenOutcome);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.AreEqual(1, h.Connection.TlsUpgrades);   // STARTTLS still listed after TLS: never tried twice
        }

        [TestMethod]
        public void Sc38_NoAuthAfterTls_NoAttempt_AuthenticationFailure()
        {
            SmtpHarness h = new SmtpHarness(Greeting + "S: 250-mx\nS: 250-AUTH PLAIN\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 go\n** TLS\nC: EHLO relay.example\nS: 250 mx\nC: QUIT\nS: 221 bye\n", TranscriptConnection.Whole);
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual(SmtpFailure.Authentication, o.Failure);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }

        [TestMethod]
        public void Sc39_CertificateFailure_NoCredentials_NoPlaintextRetry()
        {
            SmtpHarness h = new SmtpHarness(Greeting + "S: 250-mx\nS: 250-AUTH PLAIN\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 go\n** TLS FAIL\n", TranscriptConnection.Whole);
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual(SmtpFailure.TlsRequired, o.Failure);
            Assert.AreEqual(SmtpClientState.TlsHandshake, o.Step);
            Assert.AreEqual("EHLO relay.example\r\nSTARTTLS\r\n", h.Connection.WrittenText);
            Assert.IsTrue(o.Reply.IndexOf("certificate") >= 0);
        }

        [TestMethod]
        public void TlsNone_NeverTriesStartTls_AuthInPlaintextOnlyWhenConfigured()
        {
            SmtpHarness h = new SmtpHarness(Greeting + "S: 250-mx\nS: 250-STARTTLS\nS: 250 AUTH PLAIN\nC: AUTH PLAIN AGFsZXJ0c0BleGFtcGxlLmNvbQBhcHAtcGFzc3dvcmQ=\nS: 235 ok\nC: QUIT\nS: 221 bye\n", TranscriptConnection.Whole, SmtpHarness.Settings(SmtpTlsMode.None));
            h.Run(new SmtpEnvelope[0]);
            Assert.IsNull(h.OpenOutcome);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }
    }
}

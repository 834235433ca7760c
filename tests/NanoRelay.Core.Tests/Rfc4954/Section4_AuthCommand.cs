#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc5321;
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc4954
{
    /// <summary>RFC 4954 §4-6: the mechanisms, the failures of docs/catalogue.md #41, and redaction.</summary>
    [TestClass]
    public class Section4_AuthCommand
    {
        private const string Tls = "S: 220 mx ESMTP\nC: EHLO relay.example\nS: 250-mx\nS: 250 STARTTLS\nC: STARTTLS\nS: 220 go\n** TLS\nC: EHLO relay.example\n";

        private static SmtpHarness Run(string rest, SmtpClientSettings settings)
        {
            SmtpHarness h = new SmtpHarness(Tls + rest, TranscriptConnection.Whole, settings);
            h.Run(new SmtpEnvelope[0]);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            return h;
        }

        [TestMethod]
        public void Auto_PicksCramMd5OverPlainAndLogin_Rfc2195Example()
        {
            // RFC 2195 §2: user "tim", password "tanstaaftanstaaf", the example challenge and response.
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.StartTls);
            s.User = "tim";
            s.Password = "tanstaaftanstaaf";
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH LOGIN PLAIN CRAM-MD5\nC: AUTH CRAM-MD5\nS: 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\nC: dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw\nS: 235 ok\nC: QUIT\nS: 221 bye\n", s);
            Assert.IsNull(h.OpenOutcome);
        }

        [TestMethod]
        public void XOAuth2_SendsTheBearerToken_GoogleExample()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.StartTls);
            s.User = "someuser@example.com";
            s.Password = null;
            s.Token = "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg";
            s.Auth = SmtpAuthChoice.XOAuth2;
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH PLAIN XOAUTH2\nC: AUTH XOAUTH2 dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ==\nS: 235 ok\nC: QUIT\nS: 221 bye\n", s);
            Assert.IsNull(h.OpenOutcome);
        }

        [TestMethod]
        public void XOAuth2_ErrorChallenge_EmptyResponse_ThenAuthenticationFailure()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.StartTls);
            s.Token = "t";
            s.Auth = SmtpAuthChoice.XOAuth2;
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH XOAUTH2\nC: AUTH XOAUTH2 dXNlcj1hbGVydHNAZXhhbXBsZS5jb20BYXV0aD1CZWFyZXIgdAEB\nS: 334 eyJzdGF0dXMiOiI0MDEifQ==\nC:\nS: 535 5.7.8 Username and Password not accepted\nC: QUIT\nS: 221 bye\n", s);
            Assert.AreEqual(SmtpFailure.Authentication, h.OpenOutcome.Failure);
        }

        // An XOAUTH2 initial response "user=alerts@example.com^Aauth=Bearer " token "^A^A" whose token
        // is <paramref name="chunks"/> times a 48-character piece: the 36-octet prefix and the piece
        // are whole base64 groups, so the expected line is their base64 (worked out apart) in a row.
        private static string LongXOAuth2Line(int chunks)
        {
            string line = "AUTH XOAUTH2 dXNlcj1hbGVydHNAZXhhbXBsZS5jb20BYXV0aD1CZWFyZXIg";
            for (int i = 0; i < chunks; i++)
            {
                line += "eWEyOS5hMEFmQl9ieUMtMDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3";
            }

            return line + "AQE=";
        }

        private static SmtpClientSettings LongTokenSettings(int chunks)
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.StartTls);
            s.Password = null;
            s.Auth = SmtpAuthChoice.XOAuth2;
            s.Token = "";
            for (int i = 0; i < chunks; i++)
            {
                s.Token += "ya29.a0AfB_byC-0123456789abcdefghijklmnopqrstuvw";
            }

            return s;
        }

        [TestMethod]
        public void XOAuth2_TokenOfSeveralKB_SentWholeInOneLine()
        {
            // 190 pieces: a line of 12,227 octets with its CRLF, under the 12,288 of RFC 4954 §4 and
            // twelve times the standing command buffer.
            string line = LongXOAuth2Line(190);
            Assert.AreEqual(12227, line.Length + 2);
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH PLAIN XOAUTH2\nC: " + line + "\nS: 235 ok\nC: QUIT\nS: 221 bye\n", LongTokenSettings(190));
            Assert.IsNull(h.OpenOutcome);
            Assert.IsTrue(h.Log.Text.IndexOf("C: AUTH XOAUTH2 [redacted]") >= 0, h.Log.Text);
        }

        [TestMethod]
        public void XOAuth2_LineOverTheRfc4954Limit_Refused_NothingSent()
        {
            // 191 pieces: 12,291 octets, 3 over the limit. No AUTH goes out; the session quits.
            Assert.AreEqual(12291, LongXOAuth2Line(191).Length + 2);
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH PLAIN XOAUTH2\nC: QUIT\nS: 221 bye\n", LongTokenSettings(191));
            Assert.AreEqual(SmtpFailure.Authentication, h.OpenOutcome.Failure);
            Assert.IsTrue(h.OpenOutcome.Reply.IndexOf("12288") >= 0, h.OpenOutcome.Reply);
        }

        [TestMethod]
        public void AfterTheAuthLine_OutputIsTheStandingBufferAgain_AndTheLineIsZeroed()
        {
            string line = LongXOAuth2Line(100);
            SmtpHarness h = new SmtpHarness(
                Tls + "S: 250-mx\nS: 250 AUTH XOAUTH2\nC: " + line + "\nS: 235 ok\n" +
                "C: MAIL FROM:<greenhouse-1@example.com>\nS: 250 ok\nC: RCPT TO:<ops@example.com>\nS: 250 ok\nC: DATA\nS: 354 go\n" +
                "C: Temperature 41.5 C\nC: ..hidden line\nC: end\nC: .\nS: 250 queued\nC: QUIT\nS: 221 bye\n",
                TranscriptConnection.Whole,
                LongTokenSettings(100));
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsTrue(o.Accepted);

            // Writes: EHLO, STARTTLS, EHLO, the AUTH line, MAIL, ...
            byte[] ehlo = h.Connection.WriteArray(2);
            byte[] auth = h.Connection.WriteArray(3);
            byte[] mail = h.Connection.WriteArray(4);
            Assert.AreEqual(Limits.SmtpClientOutput, ehlo.Length);
            Assert.AreEqual(line.Length + 2, auth.Length);
            Assert.IsTrue(mail == ehlo);
            Assert.IsTrue(h.Connection.WriteArray(h.Connection.WriteCount - 1) == ehlo);
            for (int i = 0; i < auth.Length; i++)
            {
                Assert.AreEqual(0, (int)auth[i]);
            }
        }

        [TestMethod]
        public void Sc41_535_AuthenticationFailure_OneAttempt_Quit_DescribeNamesAuth()
        {
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH PLAIN\nC: AUTH PLAIN AGFsZXJ0c0BleGFtcGxlLmNvbQBhcHAtcGFzc3dvcmQ=\nS: 535 5.7.8 Error: authentication failed: authentication failure\nC: QUIT\nS: 221 bye\n", SmtpHarness.Settings(SmtpTlsMode.StartTls));
            Assert.AreEqual(SmtpFailure.Authentication, h.OpenOutcome.Failure);
            Assert.AreEqual("upstream refused AUTH: 535 5.7.8 Error: authentication failed: authentication failure", h.OpenOutcome.Describe());
        }

        [TestMethod]
        public void Sc41_454_IsTransient()
        {
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH PLAIN\nC: AUTH PLAIN AGFsZXJ0c0BleGFtcGxlLmNvbQBhcHAtcGFzc3dvcmQ=\nS: 454 4.7.0 Temporary authentication failure\nC: QUIT\nS: 221 bye\n", SmtpHarness.Settings(SmtpTlsMode.StartTls));
            Assert.AreEqual(SmtpFailure.Transient, h.OpenOutcome.Failure);
        }

        [TestMethod]
        public void Sc41_ThirdChallengeDuringLogin_CancelledWithStar_Expects501()
        {
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH LOGIN\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxlcnRzQGV4YW1wbGUuY29t\nS: 334 UGFzc3dvcmQ6\nC: YXBwLXBhc3N3b3Jk\nS: 334 UGFzc3dvcmQ6\nC: *\nS: 501 5.7.0 cancelled\nC: QUIT\nS: 221 bye\n", SmtpHarness.Settings(SmtpTlsMode.StartTls));
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
        }

        [TestMethod]
        public void Sc41_ChallengeNotBase64_ProtocolError_Abort()
        {
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH LOGIN\nC: AUTH LOGIN\nS: 334 Username:\n", SmtpHarness.Settings(SmtpTlsMode.StartTls));
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
            Assert.IsTrue(h.Connection.IsClosed);
        }

        [TestMethod]
        public void Sc41_235BeforeThePasswordWasSent_ProtocolError_Abort()
        {
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH LOGIN\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxlcnRzQGV4YW1wbGUuY29t\nS: 235 2.7.0 welcome\n", SmtpHarness.Settings(SmtpTlsMode.StartTls));
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
        }

        [TestMethod]
        public void ChosenMechanismNotOffered_NoAttempt()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.StartTls);
            s.Auth = SmtpAuthChoice.CramMd5;
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH PLAIN LOGIN\nC: QUIT\nS: 221 bye\n", s);
            Assert.AreEqual(SmtpFailure.Authentication, h.OpenOutcome.Failure);
        }

        [TestMethod]
        public void Trace_RedactsCredentials_ShowsTheMechanism()
        {
            SmtpHarness h = Run("S: 250-mx\nS: 250 AUTH LOGIN\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxlcnRzQGV4YW1wbGUuY29t\nS: 334 UGFzc3dvcmQ6\nC: YXBwLXBhc3N3b3Jk\nS: 235 ok\nC: QUIT\nS: 221 bye\n", SmtpHarness.Settings(SmtpTlsMode.StartTls));
            string log = h.Log.Text;
            Assert.IsTrue(log.IndexOf("C: AUTH LOGIN") >= 0, log);
            Assert.IsTrue(log.IndexOf("C: [redacted]") >= 0, log);
            Assert.AreEqual(-1, log.IndexOf("YXBwLXBhc3N3b3Jk"));
            Assert.AreEqual(-1, log.IndexOf("YWxlcnRzQGV4YW1wbGUuY29t"));
            Assert.AreEqual(-1, log.IndexOf("app-password"));

            h = Run("S: 250-mx\nS: 250 AUTH PLAIN\nC: AUTH PLAIN AGFsZXJ0c0BleGFtcGxlLmNvbQBhcHAtcGFzc3dvcmQ=\nS: 235 ok\nC: QUIT\nS: 221 bye\n", SmtpHarness.Settings(SmtpTlsMode.StartTls));
            Assert.IsTrue(h.Log.Text.IndexOf("C: AUTH PLAIN [redacted]") >= 0, h.Log.Text);
            Assert.AreEqual(-1, h.Log.Text.IndexOf("AGFsZXJ0c0BleGFtcGxlLmNvbQBhcHAtcGFzc3dvcmQ="));
        }
    }
}

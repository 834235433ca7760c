#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>
    /// RFC 5321 §4.3.2 as the client walks it: every state change goes through one function, which
    /// traces "from -> to" by name; a whole session's trace is the path through the RFC's sequences.
    /// </summary>
    [TestClass]
    public class Section4_3_2_StateTransitions
    {
        // The trace lines of a session, "from -> to", one per line.
        private static string Trace(SmtpHarness h)
        {
            string[] lines = h.Log.Lines;
            string prefix = "smtp-client: ";
            string trace = "";
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith(prefix) && lines[i].IndexOf(" -> ") > 0)
                {
                    trace += lines[i].Substring(prefix.Length) + "\n";
                }
            }

            return trace;
        }

        [TestMethod]
        public void Submission_EhloStartTlsAuthMailRcptDataQuit_TracesEveryTransition()
        {
            SmtpHarness h = new SmtpHarness(TranscriptFile.Load("Rfc5321/Transcripts/smtp.starttls.auth-plain.one-message.txt"), TranscriptConnection.Whole);
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });

            Assert.IsTrue(o.Accepted);
            Assert.AreEqual(
                "Connect -> Greeting\n" +
                "Greeting -> Ehlo\n" +
                "Ehlo -> StartTls\n" +
                "StartTls -> TlsHandshake\n" +
                "TlsHandshake -> Ehlo\n" +
                "Ehlo -> AuthPlain\n" +
                "AuthPlain -> Ready\n" +
                "Ready -> MailFrom\n" +
                "MailFrom -> RcptTo\n" +
                "RcptTo -> Data\n" +
                "Data -> Body\n" +
                "Body -> EndOfData\n" +
                "EndOfData -> Ready\n" +
                "Ready -> Quit\n" +
                "Quit -> Closed\n",
                Trace(h));
        }

        [TestMethod]
        public void AuthLogin_EachChallengeEntersTheStateThatAnswersIt()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.Implicit);
            s.Auth = SmtpAuthChoice.Login;
            SmtpHarness h = new SmtpHarness(
                "S: 220 mx ESMTP\nC: EHLO relay.example\nS: 250-mx\nS: 250 AUTH LOGIN\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\n" +
                "C: YWxlcnRzQGV4YW1wbGUuY29t\nS: 334 UGFzc3dvcmQ6\nC: YXBwLXBhc3N3b3Jk\nS: 535 5.7.8 no\nC: QUIT\nS: 221 bye\n",
                TranscriptConnection.Whole,
                s);
            h.Run(new SmtpEnvelope[0]);

            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.AreEqual(
                "Connect -> Greeting\n" +
                "Greeting -> Ehlo\n" +
                "Ehlo -> AuthLogin\n" +
                "AuthLogin -> AuthLoginUser\n" +
                "AuthLoginUser -> AuthLoginPassword\n" +
                "AuthLoginPassword -> Quit\n" +
                "Quit -> Closed\n",
                Trace(h));
        }

        [TestMethod]
        public void StateNames_AreTheEnumNames_NotNumbers()
        {
            Assert.AreEqual("Connect", SmtpClientStateNames.Of(SmtpClientState.Connect));
            Assert.AreEqual("AuthCancel", SmtpClientStateNames.Of(SmtpClientState.AuthCancel));
            Assert.AreEqual("EndOfData", SmtpClientStateNames.Of(SmtpClientState.EndOfData));
            Assert.AreEqual("Closed", SmtpClientStateNames.Of(SmtpClientState.Closed));
            Assert.AreEqual("99", SmtpClientStateNames.Of((SmtpClientState)99));
        }
    }
}

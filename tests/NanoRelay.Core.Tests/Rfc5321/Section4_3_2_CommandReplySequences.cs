#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>
    /// RFC 5321 §4.3.2: whole sessions replayed from transcript files, each three ways (the
    /// server's replies whole, one line per read, one byte per read); the client's bytes must equal
    /// the C: lines exactly and the outcome must not depend on the chunking.
    /// </summary>
    [TestClass]
    public class Section4_3_2_CommandReplySequences
    {
        private static string Load(string name)
        {
            return TranscriptFile.Load("Rfc5321/Transcripts/" + name + ".txt");
        }

        [TestMethod]
        [DataRow(TranscriptConnection.Whole)]
        [DataRow(TranscriptConnection.LineByLine)]
        [DataRow(TranscriptConnection.ByteByByte)]
        public void StartTlsAuthPlainOneMessage_IsAccepted(int mode)
        {
            SmtpHarness h = new SmtpHarness(Load("smtp.starttls.auth-plain.one-message"), mode);
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });

            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsNull(h.OpenOutcome);
            Assert.IsTrue(o.Accepted);
            Assert.IsTrue(o.AllRecipientsAccepted);
            Assert.AreEqual(SmtpFailure.None, o.Failure);
            Assert.AreEqual(1, h.Connection.TlsUpgrades);
            Assert.IsTrue(h.Connection.IsClosed);
        }

        [TestMethod]
        [DataRow(TranscriptConnection.Whole)]
        [DataRow(TranscriptConnection.LineByLine)]
        [DataRow(TranscriptConnection.ByteByByte)]
        public void ImplicitTlsPipelining_OneRecipientRefused_DataGoesToTheOthers(int mode)
        {
            SmtpHarness h = new SmtpHarness(Load("smtp.implicit-tls.pipelining.partial-recipients"), mode, SmtpHarness.Settings(SmtpTlsMode.Implicit));
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "a@example.com", "b@example.com", "c@example.com" }) });

            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsTrue(o.Accepted);
            Assert.IsFalse(o.AllRecipientsAccepted);
            Assert.IsTrue(o.Recipients[0].Accepted);
            Assert.IsFalse(o.Recipients[1].Accepted);
            Assert.AreEqual(550, o.Recipients[1].Code);
            Assert.AreEqual(SmtpFailure.Permanent, o.Recipients[1].Failure);
            Assert.IsTrue(o.Recipients[2].Accepted);
            Assert.AreEqual("upstream refused RCPT TO:<b@example.com>: 550 5.1.1 <b@example.com>: Recipient address rejected: User unknown", o.Describe());
        }

        [TestMethod]
        [DataRow(TranscriptConnection.Whole)]
        [DataRow(TranscriptConnection.LineByLine)]
        [DataRow(TranscriptConnection.ByteByByte)]
        public void HeloFallback_RsetAfterFailedTransaction_NextMessageAccepted(int mode)
        {
            Smtp.SmtpClientSettings settings = SmtpHarness.Settings(SmtpTlsMode.None);
            settings.User = null;
            SmtpHarness h = new SmtpHarness(Load("smtp.helo-fallback.two-messages.rset"), mode, settings);
            h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }), SmtpHarness.Envelope(new string[] { "ops@example.com" }) });

            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsFalse(h.Outcomes[0].Accepted);
            Assert.AreEqual(SmtpFailure.Transient, h.Outcomes[0].Failure);
            Assert.AreEqual(SmtpClientState.MailFrom, h.Outcomes[0].Step);
            Assert.AreEqual("upstream refused MAIL FROM: 451 4.3.0 Try again later", h.Outcomes[0].Describe());
            Assert.IsTrue(h.Outcomes[1].Accepted);
        }

        [TestMethod]
        [DataRow(TranscriptConnection.Whole)]
        [DataRow(TranscriptConnection.LineByLine)]
        [DataRow(TranscriptConnection.ByteByByte)]
        public void PipelinedMailRefused_GroupRepliesDrained_NextMessageAccepted(int mode)
        {
            SmtpClientSettings settings = SmtpHarness.Settings(SmtpTlsMode.None);
            settings.User = null;
            SmtpHarness h = new SmtpHarness(Load("smtp.pipelining.mail-refused.then-next-message"), mode, settings);
            h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }), SmtpHarness.Envelope(new string[] { "ops@example.com" }) });

            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsFalse(h.Outcomes[0].Accepted);
            Assert.AreEqual(SmtpFailure.Transient, h.Outcomes[0].Failure);
            Assert.AreEqual(SmtpClientState.MailFrom, h.Outcomes[0].Step);
            Assert.IsFalse(h.Outcomes[0].Recipients[0].Accepted);
            Assert.IsTrue(h.Outcomes[1].Accepted);
        }

        [TestMethod]
        public void ReplayModes_GiveTheSameOutcomes()
        {
            string[] names = { "smtp.starttls.auth-plain.one-message", "smtp.implicit-tls.pipelining.partial-recipients", "smtp.helo-fallback.two-messages.rset" };
            for (int n = 0; n < names.Length; n++)
            {
                string first = null;
                for (int mode = 0; mode < 3; mode++)
                {
                    SmtpClientSettings s = SmtpHarness.Settings(n == 1 ? SmtpTlsMode.Implicit : n == 2 ? SmtpTlsMode.None : SmtpTlsMode.StartTls);
                    if (n == 2)
                    {
                        s.User = null;
                    }

                    SmtpHarness h = new SmtpHarness(Load(names[n]), mode, s);
                    h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "a@example.com", "b@example.com", "c@example.com" }) });
                    string d = SmtpHarness.Describe(h.OpenOutcome) + "|" + SmtpHarness.Describe(h.Outcomes[0]) + "|" + h.Connection.WrittenText;
                    if (first == null)
                    {
                        first = d;
                    }

                    Assert.AreEqual(first, d, names[n] + " mode " + mode);
                }
            }
        }

        [TestMethod]
        public void Greeting554_FailsWithoutSendingEhlo_ThenQuits()
        {
            // docs/catalogue.md #30: "554 no service": no MAIL; QUIT where allowed (RFC 5321 §3.1).
            SmtpHarness h = new SmtpHarness("S: 554 5.3.2 no service\nC: QUIT\nS: 221 bye\n", TranscriptConnection.Whole);
            h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });

            Assert.AreEqual("QUIT\r\n", h.Connection.WrittenText);
            Assert.AreEqual(SmtpFailure.Permanent, h.OpenOutcome.Failure);
            Assert.AreEqual(SmtpClientState.Greeting, h.OpenOutcome.Step);
            Assert.AreEqual("upstream refused greeting: 554 5.3.2 no service", h.OpenOutcome.Describe());
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Storage;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>
    /// RFC 5321 §4.2.1 and §4.3.2: the first digit decides (4yz retry, 5yz bounce);
    /// docs/catalogue.md #30-#34 at every step of a transaction.
    /// </summary>
    [TestClass]
    public class Section4_2_1_ReplyClasses
    {
        internal const string Hello = "S: 220 mx ESMTP\nC: EHLO relay.example\nS: 250-mx\nS: 250 8BITMIME\n";
        internal const string Mail = "C: MAIL FROM:<greenhouse-1@example.com>\n";
        internal const string Rcpt = "C: RCPT TO:<ops@example.com>\n";
        internal const string Body = "C: Temperature 41.5 C\nC: ..hidden line\nC: end\nC: .\n";

        internal static SmtpHarness Plain(string transcript)
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            return new SmtpHarness(transcript, TranscriptConnection.Whole, s);
        }

        internal static SmtpOutcome RunOne(SmtpHarness h)
        {
            return h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });
        }

        [TestMethod]
        [DataRow("446 Not right now", (int)SmtpFailure.Transient)]
        [DataRow("233 Gimme all your mail", (int)SmtpFailure.Protocol)]
        [DataRow("554 no service", (int)SmtpFailure.Permanent)]
        public void Sc30_BadGreeting_NoMail_Quit(string greeting, int expected)
        {
            SmtpHarness h = Plain("S: " + greeting + "\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual((SmtpFailure)expected, o.Failure);
            Assert.AreEqual("QUIT\r\n", h.Connection.WrittenText);
            Assert.IsFalse(o.Accepted);
        }

        [TestMethod]
        [DataRow("EHLO", Hello + "")]
        [DataRow("MAIL", Hello + Mail)]
        [DataRow("RCPT", Hello + Mail + "S: 250 ok\n" + Rcpt)]
        [DataRow("DATA", Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\n")]
        [DataRow("dot", Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\n" + Body)]
        public void Sc31_421AtEachStep_NotSent_Transient_NoQuitAfterTheServerCloses(string step, string prefix)
        {
            if (step == "EHLO")
            {
                prefix = "S: 220 mx ESMTP\nC: EHLO relay.example\n";
            }

            SmtpHarness h = Plain(prefix + "S: 421 4.3.2 Service shutting down\n");
            SmtpOutcome o = RunOne(h);
            Assert.IsFalse(o.Accepted, step);
            Assert.AreEqual(SmtpFailure.Transient, o.Failure, step);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText, step);
            Assert.IsTrue(h.Connection.IsClosed);
        }

        [TestMethod]
        [DataRow("MAIL", "451 4.3.0 later", Hello + Mail)]
        [DataRow("MAIL", "452 4.3.1 storage", Hello + Mail)]
        [DataRow("RCPT", "451 4.3.0 later", Hello + Mail + "S: 250 ok\n" + Rcpt)]
        [DataRow("RCPT", "452 4.5.3 too many", Hello + Mail + "S: 250 ok\n" + Rcpt)]
        [DataRow("DATA", "451 4.3.0 later", Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\n")]
        [DataRow("dot", "452 4.3.1 storage", Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\n" + Body)]
        public void Sc31_4xxAtEachStep_NotSent_Transient_RsetOrReadyThenQuit(string step, string reply, string prefix)
        {
            string after = step == "dot" ? "C: QUIT\nS: 221 bye\n" : "C: RSET\nS: 250 ok\nC: QUIT\nS: 221 bye\n";
            SmtpHarness h = Plain(prefix + "S: " + reply + "\n" + after);
            SmtpOutcome o = RunOne(h);
            Assert.IsFalse(o.Accepted, step);
            Assert.AreEqual(SmtpFailure.Transient, o.Failure, step);
            Assert.AreEqual(reply, o.Reply);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText, step);
        }

        [TestMethod]
        public void Sc32_550AtMail_Permanent()
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 550 5.7.1 not allowed\nC: RSET\nS: 250 ok\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual(SmtpFailure.Permanent, o.Failure);
            Assert.AreEqual(SmtpClientState.MailFrom, o.Step);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }

        [TestMethod]
        public void Sc32_554AfterDot_Permanent()
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\n" + Body + "S: 554 5.7.1 spam\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual(SmtpFailure.Permanent, o.Failure);
            Assert.AreEqual("upstream refused end of data: 554 5.7.1 spam", o.Describe());
        }

        [TestMethod]
        public void Sc32_OneOfThreeRecipientsRefused_DataGoesToTheOtherTwo_552CountsAsTemporary()
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\nC: RCPT TO:<a@example.com>\nS: 250 ok\nC: RCPT TO:<b@example.com>\nS: 552 5.5.3 too many recipients\nC: RCPT TO:<c@example.com>\nS: 550 5.1.1 unknown\nC: DATA\nS: 354 go\n" + Body + "S: 250 queued\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "a@example.com", "b@example.com", "c@example.com" }) });
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsTrue(o.Accepted);
            Assert.IsTrue(o.Recipients[0].Accepted);
            Assert.AreEqual(SmtpFailure.Transient, o.Recipients[1].Failure);
            Assert.AreEqual(SmtpFailure.Permanent, o.Recipients[2].Failure);
        }

        [TestMethod]
        public void Sc32_TheRelayTakesTheClientsVerdict_552StaysPending_550Fails()
        {
            // RFC 5321 §4.5.3.1.10 is decided once, by the client where it reads the RCPT reply; the
            // relay's mapping into recipient states only carries that verdict.
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\nC: RCPT TO:<a@example.com>\nS: 250 ok\nC: RCPT TO:<b@example.com>\nS: 552 5.5.3 too many recipients\nC: RCPT TO:<c@example.com>\nS: 550 5.1.1 unknown\nC: DATA\nS: 354 go\n" + Body + "S: 250 queued\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "a@example.com", "b@example.com", "c@example.com" }) });
            UpstreamResult r = SmtpUpstream.Map(o, 3);
            Assert.AreEqual((int)RecipientState.Delivered, (int)r.Outcomes[0]);
            Assert.AreEqual((int)RecipientState.Pending, (int)r.Outcomes[1]);
            Assert.AreEqual((int)RecipientState.Failed, (int)r.Outcomes[2]);
            Assert.AreEqual("552 5.5.3 too many recipients", r.Replies[1]);
        }

        [TestMethod]
        public void Sc32_AllRecipientsRefused_NoData_Rset()
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 550 5.1.1 unknown\nC: RSET\nS: 250 ok\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.AreEqual(SmtpFailure.Permanent, o.Failure);
            Assert.AreEqual(SmtpClientState.RcptTo, o.Step);
        }

        [TestMethod]
        [DataRow("250 ok", (int)SmtpFailure.Protocol)]
        [DataRow("503 5.5.1 no valid recipients", (int)SmtpFailure.Permanent)]
        [DataRow("554 5.5.1 no", (int)SmtpFailure.Permanent)]
        public void Sc33_DataNotAnswered354_BodyNeverSent(string reply, int expected)
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\nS: " + reply + "\n");
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual((SmtpFailure)expected, o.Failure);
            Assert.AreEqual(-1, h.Connection.WrittenText.IndexOf("Temperature"));
            Assert.IsFalse(o.Accepted);
        }

        [TestMethod]
        public void Sc34_DropBeforeTheFinalReply_IsConnectionFailure_Ambiguous()
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\n" + Body + "** CLOSE\n");
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual(SmtpFailure.Connection, o.Failure);
            Assert.AreEqual(SmtpClientState.EndOfData, o.Step);
            Assert.IsTrue(o.Ambiguous);
            Assert.IsFalse(o.Accepted);
        }

        [TestMethod]
        public void Sc34_DropBeforeDataReply_IsConnectionFailure_NotAmbiguous()
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\n** CLOSE\n");
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual(SmtpFailure.Connection, o.Failure);
            Assert.IsFalse(o.Ambiguous);
        }

        [TestMethod]
        public void Sc34_NoReplyToTheDot_WaitsTenMinutes_ThenAmbiguousFailure()
        {
            SmtpHarness h = Plain(Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\n" + Body);
            long before = 0;
            SmtpOutcome o = RunOne(h);
            Assert.AreEqual(SmtpFailure.Connection, o.Failure);
            Assert.IsTrue(o.Ambiguous);
            Assert.IsTrue(h.Clock.MonotonicMilliseconds - before >= 10 * 60 * 1000);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>RFC 5321 §4.5.3.2: per-command timeouts, driven by the clock port (docs/catalogue.md #30 and #35).</summary>
    [TestClass]
    public class Section4_5_3_2_Timeouts
    {
        private const string Hello = Section4_2_1_ReplyClasses.Hello;
        private const string Mail = Section4_2_1_ReplyClasses.Mail;
        private const string Rcpt = Section4_2_1_ReplyClasses.Rcpt;

        [TestMethod]
        [DataRow("greeting", "", 5 * 60 * 1000)]
        [DataRow("MAIL", Hello + Mail, 5 * 60 * 1000)]
        [DataRow("RCPT", Hello + Mail + "S: 250 ok\n" + Rcpt, 5 * 60 * 1000)]
        [DataRow("DATA", Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\n", 2 * 60 * 1000)]
        [DataRow("dot", Hello + Mail + "S: 250 ok\n" + Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\n" + Section4_2_1_ReplyClasses.Body, 10 * 60 * 1000)]
        public void Sc35_StallAtEachStep_WaitsAtLeastTheRfcMinimum_ThenTemporaryFailure(string step, string prefix, int minimum)
        {
            SmtpHarness h = Section4_2_1_ReplyClasses.Plain(prefix);
            long start = h.Clock.MonotonicMilliseconds;
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual(SmtpFailure.Connection, o.Failure, step);
            Assert.IsFalse(o.Accepted);
            long waited = h.Clock.MonotonicMilliseconds - start;
            Assert.IsTrue(waited >= minimum, step + " waited " + waited);
            Assert.IsTrue(waited < minimum + (6 * 60 * 1000), step + " waited " + waited + " (one timeout, plus at most the QUIT's)");
        }

        [TestMethod]
        public void Sc30_GreetingDelayedSixMinutes_WithDefaultTimeout_Fails_WithLongerTimeout_Proceeds()
        {
            SmtpHarness h = Section4_2_1_ReplyClasses.Plain("");
            h.Driver.Open(h.Connection);
            Assert.AreEqual(SmtpFailure.Connection, h.Driver.Session.SessionFailure.Failure);
            Assert.AreEqual("no reply within 300 s", h.Driver.Session.SessionFailure.Reply);

            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            s.GreetingTimeoutMilliseconds = 7 * 60 * 1000;
            SmtpHarness slow = new SmtpHarness("S: 220 mx\nC: EHLO relay.example\nS: 250 mx\nC: QUIT\nS: 221 bye\n", TranscriptConnection.Whole, s);
            slow.Clock.Advance(0);
            Assert.IsNull(slow.Driver.Open(slow.Connection));
        }

        [TestMethod]
        public void TimeoutsAreConfigurable_SmallInTests()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            s.MailTimeoutMilliseconds = 1500;
            SmtpHarness h = new SmtpHarness(Hello + Mail, TranscriptConnection.Whole, s);
            long start = h.Clock.MonotonicMilliseconds;
            SmtpOutcome o = Section4_2_1_ReplyClasses.RunOne(h);
            Assert.AreEqual("no reply within 1 s", o.Reply);
            Assert.AreEqual(SmtpClientState.MailFrom, o.Step);
        }
    }
}

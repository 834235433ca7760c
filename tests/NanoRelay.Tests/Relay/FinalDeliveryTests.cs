using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Storage;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// Issue 14 items 2 and 6 at the relay worker: final delivery into the mailbox adds
    /// Return-Path (RFC 5321 §4.4), "postmaster" is delivered locally (§4.5.1), a bounce carries
    /// the upstream's enhanced code and reply (RFC 3464 §2.3.4, §2.3.6), and a full mailbox is an
    /// error that is logged, reported, and cleared as soon as a message is removed.
    /// </summary>
    [TestClass]
    public class FinalDeliveryTests
    {
        [TestMethod]
        public void Bounce_ForAnUpstream5xxAsTheClientDescribesIt_CarriesItsStatusAndDiagnosticCode_AndANullReturnPath()
        {
            var h = new RelayHarness();
            // SmtpOutcome.Describe()'s shape for a refusal at the end of data.
            h.Upstream.Script = m => UpstreamResult.Failed(SmtpFailure.Permanent, "upstream refused end of data: 550 5.1.1 <ops@example.com>: Recipient address rejected");
            h.Queue(RelayHarness.Message("Pump alarm", "<p@x>"), "<p@x>");
            h.Worker.RunDue();

            string dsn = h.MailboxText(0);
            StringAssert.StartsWith(dsn, "Return-Path: <>\r\n");
            StringAssert.Contains(dsn, "Status: 5.1.1\r\n");
            StringAssert.Contains(dsn, "Diagnostic-Code: smtp; 550 5.1.1 <ops@example.com>: Recipient address rejected\r\n");
        }

        [TestMethod]
        public void Bounce_WithNoServerReply_HasNoDiagnosticCode()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => UpstreamResult.Failed(SmtpFailure.Permanent, "upstream failed at MAIL FROM: bad sender address <x>");
            h.Queue(RelayHarness.Message("x", "<x@x>"), "<x@x>");
            h.Worker.RunDue();
            string dsn = h.MailboxText(0);
            StringAssert.Contains(dsn, "Status: 5.0.0\r\n");
            Assert.IsFalse(dsn.Contains("Diagnostic-Code:"), dsn);
        }

        [TestMethod]
        public void Postmaster_WithAnUpstream_IsDeliveredIntoTheMailbox_TheOthersForwarded()
        {
            var h = new RelayHarness();
            h.Queue(RelayHarness.Message("toner low", "<t@x>"), "<t@x>", "printer@lan.test", new[] { "postmaster", "ops@example.com" });
            Assert.AreEqual(1, h.Worker.RunDue());

            Assert.AreEqual(1, h.Upstream.Log.Count);
            CollectionAssert.AreEqual(new[] { "ops@example.com" }, h.Upstream.Log[0].Recipients, "postmaster never goes upstream");
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(1, h.Mailbox.Refresh());
            StringAssert.StartsWith(h.MailboxText(0), "Return-Path: <printer@lan.test>\r\nFrom: <sensor@example.com>");
        }

        [TestMethod]
        public void PostmasterOnly_WithAnUpstream_NeverContactsIt()
        {
            var h = new RelayHarness();
            h.Queue(RelayHarness.Message("hello", "<h@x>"), "<h@x>", "a@lan.test", new[] { "POSTMASTER" });
            h.Worker.RunDue();
            Assert.AreEqual(0, h.Upstream.Log.Count);
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(1, h.Mailbox.Refresh());
        }

        [TestMethod]
        public void MailboxFull_IsAnErrorLoggedAndReported_AndDeliveryResumesWhenAMessageIsRemoved()
        {
            var h = new RelayHarness(withUpstream: false, mailboxMaxCount: 1);
            h.Queue(RelayHarness.Message("first", "<1@x>"), "<1@x>");
            h.Queue(RelayHarness.Message("second", "<2@x>"), "<2@x>");

            Assert.AreEqual(2, h.Worker.RunDue());
            Assert.AreEqual(1, h.Spool.Count, "the second waits");
            Assert.IsTrue(h.Worker.IsMailboxFull);
            StringAssert.StartsWith(h.Worker.LastError, "mailbox full (1 messages, ");
            Assert.AreEqual(1, h.Log.Lines.Count(l => l.StartsWith("relay: mailbox full", System.StringComparison.Ordinal)), string.Join("\n", h.Log.Lines));

            h.Clock.Advance(1000);
            Assert.AreEqual(0, h.Worker.RunDue(), "backing off");

            // A POP3 session's UPDATE state: DELE 1, QUIT.
            h.Mailbox.Refresh();
            Assert.IsTrue(h.Mailbox.Remove(0));
            Assert.AreEqual(1, h.Worker.RunDue(), "due at once, not after the backoff");
            Assert.AreEqual(0, h.Spool.Count);
            Assert.IsFalse(h.Worker.IsMailboxFull);
            StringAssert.Contains(h.MailboxText(0), "Subject: second");
            Assert.AreEqual(1, h.Log.Lines.Count(l => l.StartsWith("relay: mailbox full", System.StringComparison.Ordinal)), "logged once per episode");
        }
    }
}

using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Relay;
using NanoRelay.Storage;

using NanoRelay.Smtp;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// RFC 5321 §4.5.4.1 retry strategy and docs/catalogue.md #31-#34 (the client side of retries)
    /// against a fake upstream that records what it was asked to send.
    /// </summary>
    [TestClass]
    public class Section4_5_4_1_RetryTests
    {
        private static UpstreamResult Fail(SmtpFailure f, string reply, bool ambiguous = false)
        {
            UpstreamResult r = UpstreamResult.Failed(f, reply);
            r.Ambiguous = ambiguous;
            return r;
        }

        [TestMethod]
        [DataRow("421 4.3.2 Service shutting down (after EHLO)")]
        [DataRow("421 4.7.0 Try again later (at MAIL)")]
        [DataRow("451 4.3.0 Local error (at MAIL)")]
        [DataRow("452 4.3.1 Insufficient storage (at DATA)")]
        [DataRow("451 4.3.0 Error after the final dot")]
        public void Case31_4xxAtEachStep_NotMarkedSent_RetriedWithExponentialBackoff(string reply)
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => Fail(SmtpFailure.Transient, reply);
            SpoolEntry e = h.Queue(RelayHarness.Message("t", "<a@x>"), "<a@x>");

            Assert.AreEqual(1, h.Worker.RunDue());
            Assert.AreEqual(1, h.Spool.Count, "a 4xx never removes the message");
            Assert.AreEqual(1, e.Attempts);
            Assert.AreEqual(60_000, e.DueMonotonic - h.Clock.MonotonicMilliseconds);
            StringAssert.Contains(e.LastError, reply);

            h.Clock.Advance(59_999);
            Assert.AreEqual(0, h.Worker.RunDue(), "not before the delay");
            h.Clock.Advance(1);
            Assert.AreEqual(1, h.Worker.RunDue());
            Assert.AreEqual(120_000, e.DueMonotonic - h.Clock.MonotonicMilliseconds, "the delay doubles");

            for (int i = 0; i < 10; i++)
            {
                h.Clock.Advance(e.DueMonotonic - h.Clock.MonotonicMilliseconds);
                h.Worker.RunDue();
            }

            Assert.AreEqual(3_600_000, e.DueMonotonic - h.Clock.MonotonicMilliseconds, "capped at maxDelaySeconds");
            Assert.AreEqual(0, h.Mailbox.Refresh(), "no bounce for a temporary failure");
            Assert.AreEqual(12, h.Upstream.Log.Count);
        }

        [TestMethod]
        public void Case31_UnreachableHost_IsRemembered_TheRestOfTheQueueWaits()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => Fail(SmtpFailure.Connection, "connect: connection refused");
            h.Queue(RelayHarness.Message("1", "<1@x>"), "<1@x>");
            h.Queue(RelayHarness.Message("2", "<2@x>"), "<2@x>");
            h.Queue(RelayHarness.Message("3", "<3@x>"), "<3@x>");
            Assert.AreEqual(1, h.Worker.RunDue());
            Assert.AreEqual(1, h.Upstream.Log.Count, "one connection failure stops the round");
            Assert.AreEqual(0, h.Worker.RunDue());
        }

        [TestMethod]
        public void Case32_550AtMail_PermanentFailure_BouncedIntoMailbox_NotRetried()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => Fail(SmtpFailure.Permanent, "550 5.7.1 Sender address rejected");
            h.Queue(RelayHarness.Message("Pump alarm", "<p@x>"), "<p@x>");
            h.Worker.RunDue();
            h.Clock.Advance(10_000_000);
            h.Worker.RunDue();

            Assert.AreEqual(1, h.Upstream.Log.Count, "a 5xx is not retried");
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(1, h.Mailbox.Refresh());
            string dsn = h.MailboxText(0);
            StringAssert.Contains(dsn, "Content-Type: multipart/report; report-type=delivery-status;");
            StringAssert.Contains(dsn, "Content-Type: message/delivery-status");
            StringAssert.Contains(dsn, "Final-Recipient: rfc822; ops@example.com");
            StringAssert.Contains(dsn, "Action: failed");
            StringAssert.Contains(dsn, "Status: 5.7.1");
            StringAssert.Contains(dsn, "Diagnostic-Code: smtp; 550 5.7.1 Sender address rejected");
            StringAssert.Contains(dsn, "Content-Type: text/rfc822-headers");
            StringAssert.Contains(dsn, "Subject: Pump alarm\r\nMessage-ID: <p@x>");
            Assert.IsFalse(dsn.Contains("body line 0"), "only the original headers, not the body");
            Assert.AreEqual(1, h.Worker.Counters.Bounces);
        }

        [TestMethod]
        public void Case32_OneOfThreeRecipientsRefused_OthersDelivered_RefusedOneBounced()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => new UpstreamResult(SmtpFailure.None, "250 ok",
                new[] { RecipientState.Delivered, RecipientState.Failed, RecipientState.Delivered },
                new[] { "250 ok", "550 5.1.1 <b@example.com>: user unknown", "250 ok" });
            h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>", "a@example.com", "b@example.com", "c@example.com");
            h.Worker.RunDue();

            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(1, h.Worker.Counters.Sent);
            string dsn = h.MailboxText(0);
            StringAssert.Contains(dsn, "Final-Recipient: rfc822; b@example.com");
            StringAssert.Contains(dsn, "Status: 5.1.1");
            Assert.IsFalse(dsn.Contains("rfc822; a@example.com"));
            Assert.IsFalse(dsn.Contains("rfc822; c@example.com"));
        }

        [TestMethod]
        [DataRow("452 4.5.3 Too many recipients")]
        [DataRow("552 5.2.2 Mailbox full (treated as temporary at RCPT)")]
        public void Case32_TemporaryRcptRefusal_OthersDelivered_RestRetriedInALaterTransaction(string reply)
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => m.Recipients.Length == 2
                ? new UpstreamResult(SmtpFailure.None, "250 ok", new[] { RecipientState.Delivered, RecipientState.Pending }, new[] { "250 ok", reply })
                : UpstreamResult.Accepted(m.Recipients.Length, "250 ok");
            SpoolEntry e = h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>", "a@example.com", "b@example.com");
            h.Worker.RunDue();
            Assert.AreEqual(1, h.Spool.Count);
            Assert.AreEqual(RecipientState.Delivered, e.RecipientStates[0]);
            Assert.AreEqual(RecipientState.Pending, e.RecipientStates[1]);

            h.Clock.Advance(60_000);
            h.Worker.RunDue();
            CollectionAssert.AreEqual(new[] { "b@example.com" }, h.Upstream.Log[1].Recipients, "only the deferred recipient is sent again");
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(0, h.Mailbox.Refresh());
        }

        [TestMethod]
        public void Case32_PerRecipientState_SurvivesAReboot()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => new UpstreamResult(SmtpFailure.None, "250 ok",
                m.Recipients.Select(r => r == "a@example.com" ? RecipientState.Delivered : RecipientState.Pending).ToArray(), null);
            h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>", "a@example.com", "b@example.com");
            h.Worker.RunDue();
            h.Reboot();
            h.Clock.Advance(60_000);
            h.Worker.RunDue();
            CollectionAssert.AreEqual(new[] { "b@example.com" }, h.Upstream.Log[1].Recipients);
        }

        [TestMethod]
        [DataRow(SmtpFailure.Protocol, "503 5.5.1 Bad sequence (DATA answered without 354)", false)]
        [DataRow(SmtpFailure.Permanent, "554 5.5.0 No valid recipients (DATA answered 554)", true)]
        public void Case33_No354_ProtocolFailureRetried_554Bounced(SmtpFailure failure, string reply, bool bounced)
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => Fail(failure, reply);
            h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>");
            h.Worker.RunDue();
            Assert.AreEqual(bounced ? 0 : 1, h.Spool.Count);
            Assert.AreEqual(bounced ? 1 : 0, h.Mailbox.Refresh());
        }

        [TestMethod]
        public void Case34_ConnectionLostAfterFinalDot_CountedAmbiguous_RetriedWithTheSameMessageId()
        {
            var h = new RelayHarness();
            int n = 0;
            h.Upstream.Script = m => ++n == 1 ? Fail(SmtpFailure.Connection, "connection reset after the final dot", ambiguous: true) : UpstreamResult.Accepted(1, "250 ok");
            SpoolEntry e = h.Queue(RelayHarness.Message("t", "<same@x>"), "<same@x>");
            h.Worker.RunDue();
            Assert.AreEqual(1, h.Worker.Counters.Ambiguous);
            Assert.AreEqual(1, e.Ambiguous);
            StringAssert.StartsWith(e.LastError, "ambiguous connection:");

            h.Worker.NetworkUp();
            h.Worker.RunDue();
            Assert.AreEqual(2, h.Upstream.Log.Count, "at most one duplicate for the event");
            Assert.AreEqual("<same@x>", h.Upstream.Log[1].MessageId);
            CollectionAssert.AreEqual(h.Upstream.Log[0].Content, h.Upstream.Log[1].Content, "byte-identical on retry");
            Assert.AreEqual(0, h.Spool.Count);
        }

        [TestMethod]
        [DataRow("connection reset at 50% of the body")]
        [DataRow("no reply to the final dot within 10 minutes")]
        public void Case34_DropMidDataOrTimeout_IsRetriedLike451(string reply)
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => Fail(SmtpFailure.Connection, reply, ambiguous: reply.StartsWith("no reply"));
            SpoolEntry e = h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>");
            h.Worker.RunDue();
            Assert.AreEqual(1, h.Spool.Count);
            Assert.AreEqual(reply.StartsWith("no reply") ? 1 : 0, h.Worker.Counters.Ambiguous);
            Assert.AreEqual(0, h.Mailbox.Refresh());
        }

        [TestMethod]
        public void LifetimeExceeded_Bounced_WithStatus447_NeverSentAgain()
        {
            var h = new RelayHarness { };
            h.Policy = new RetryPolicy(60, 3600, 1);
            h.Start();
            h.Upstream.Script = m => Fail(SmtpFailure.Transient, "451 4.3.0 try later");
            h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>");
            for (int i = 0; i < 20 && h.Spool.Count > 0; i++)
            {
                h.Worker.RunDue();
                h.Clock.Advance(h.Spool.NextDueIn() < 0 ? 0 : h.Spool.NextDueIn());
            }

            Assert.AreEqual(0, h.Spool.Count);
            string dsn = h.MailboxText(0);
            StringAssert.Contains(dsn, "Status: 4.4.7");
            StringAssert.Contains(dsn, "could not deliver your message in time");
            int sends = h.Upstream.Log.Count;
            h.Clock.Advance(10_000_000);
            h.Worker.RunDue();
            Assert.AreEqual(sends, h.Upstream.Log.Count);
        }

        [TestMethod]
        public void LifetimeBudget_IsPersisted_AcrossReboots()
        {
            var h = new RelayHarness();
            h.Policy = new RetryPolicy(600, 600, 1);   // 10-minute retries, 1-hour lifetime
            h.Start();
            h.Upstream.Script = m => Fail(SmtpFailure.Transient, "451 4.3.0 try later");
            h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>");
            for (int i = 0; i < 7; i++)
            {
                h.Worker.RunDue();
                h.Reboot();                      // the monotonic clock starts again at 0
                h.Clock.Advance(600_000);
            }

            Assert.AreEqual(0, h.Spool.Count, "the age accumulated across reboots ran out the lifetime");
            Assert.AreEqual(1, h.Mailbox.Refresh());
        }

        [TestMethod]
        public void WallClockJumps_NeitherExpireNorStallTheQueue()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => h.Upstream.Log.Count <= 2 ? Fail(SmtpFailure.Transient, "451 later") : UpstreamResult.Accepted(1, "250 ok");
            h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>");
            h.Worker.RunDue();
            h.Clock.SetUtc(h.Clock.UtcNow.AddYears(10), true);    // forward: must not expire
            h.Clock.Advance(60_000);
            h.Worker.RunDue();
            Assert.AreEqual(1, h.Spool.Count);
            Assert.AreEqual(0, h.Mailbox.Refresh(), "not expired by a wall-clock jump");
            h.Clock.SetUtc(h.Clock.UtcNow.AddYears(-20), true);   // backward: must not stall
            h.Clock.Advance(120_000);
            h.Worker.RunDue();
            Assert.AreEqual(0, h.Spool.Count);
        }

        [TestMethod]
        public void UntrustedClock_QueueHeld_NothingSent_NoAttemptCounted()
        {
            var h = new RelayHarness();
            h.Clock.IsUtcTrusted = false;
            SpoolEntry e = h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>");
            Assert.AreEqual(0, h.Worker.RunDue());
            Assert.IsTrue(h.Worker.IsHeld);
            Assert.AreEqual(0, h.Upstream.Log.Count);
            Assert.AreEqual(0, e.Attempts);
            h.Clock.IsUtcTrusted = true;
            Assert.AreEqual(1, h.Worker.RunDue());
            Assert.AreEqual(0, h.Spool.Count);
        }

        [TestMethod]
        public void NetworkComesBack_QueueIsFlushedInDueOrder()
        {
            var h = new RelayHarness();
            bool down = true;
            h.Upstream.Script = m => down ? Fail(SmtpFailure.Connection, "network unreachable") : UpstreamResult.Accepted(m.Recipients.Length, "250 ok");
            h.Queue(RelayHarness.Message("1", "<1@x>"), "<1@x>");
            h.Worker.RunDue();
            h.Clock.Advance(1000);
            h.Queue(RelayHarness.Message("2", "<2@x>"), "<2@x>");
            h.Queue(RelayHarness.Message("3", "<3@x>"), "<3@x>");
            Assert.AreEqual(0, h.Worker.RunDue(), "blocked until the delay");
            down = false;
            h.Worker.NetworkUp();
            Assert.AreEqual(3, h.Worker.RunDue());
            CollectionAssert.AreEqual(new[] { "<1@x>", "<1@x>", "<2@x>", "<3@x>" }, h.Upstream.Log.Select(s => s.MessageId).ToArray());
            Assert.AreEqual(0, h.Spool.Count);
        }

        [TestMethod]
        public void NullSender_FailedMessage_IsNeverBounced()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => Fail(SmtpFailure.Permanent, "550 5.1.1 user unknown");
            h.Queue(RelayHarness.Message("a bounce", "<b@x>"), "<b@x>", "", new[] { "ops@example.com" });
            h.Worker.RunDue();
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(0, h.Mailbox.Refresh(), "no bounce of a bounce");
            Assert.AreEqual(1, h.Worker.Counters.DroppedWithoutBounce);
            Assert.AreEqual(1, h.Upstream.Log.Count, "and the bounce never goes upstream");
        }

        [TestMethod]
        public void NoUpstreamConfigured_DeliversIntoTheMailbox_ByteIdentical()
        {
            var h = new RelayHarness(withUpstream: false);
            h.Clock.IsUtcTrusted = false;   // local delivery needs no trusted clock
            byte[] m = RelayHarness.Message("local", "<l@x>", 200);
            h.Queue(m, "<l@x>");
            Assert.AreEqual(1, h.Worker.RunDue());
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual("Return-Path: <sensor@example.com>\r\n" + System.Text.Encoding.ASCII.GetString(m), h.MailboxText(0), "RFC 5321 §4.4: the return-path line, then the message unchanged");
            Assert.AreEqual(1, h.Worker.Counters.DeliveredLocally);
        }

        [TestMethod]
        public void RetryNow_And_Drop_ActOnTheQueue_AndPersist()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => Fail(SmtpFailure.Transient, "451 later");
            SpoolEntry a = h.Queue(RelayHarness.Message("a", "<a@x>"), "<a@x>");
            SpoolEntry b = h.Queue(RelayHarness.Message("b", "<b@x>"), "<b@x>");
            h.Worker.RunDue();
            Assert.IsTrue(h.Spool.Drop(a.Id));
            h.Spool.RetryNow();
            h.Reboot();
            Assert.AreEqual(1, h.Spool.Count);
            Assert.AreEqual(b.Id, h.Spool.List()[0].Id);
            Assert.AreEqual(0, h.Spool.NextDueIn(), "retry-now survives the reboot");
            Assert.AreEqual("451 later", h.Spool.List()[0].LastError.Substring(h.Spool.List()[0].LastError.Length - 9));
        }

        [TestMethod]
        public void DateHeader_IsRfc5322()
        {
            Assert.AreEqual("Fri, 27 Nov 2026 09:05:03 +0000", BounceWriter.FormatDate(new DateTime(2026, 11, 27, 9, 5, 3, DateTimeKind.Utc)));
        }
    
        [TestMethod]
        public void Case57_AttemptInterruptedByAReboot_CountedOnce_EvenAcrossSeveralReboots()
        {
            var h = new RelayHarness();
            h.Queue(RelayHarness.Message("t", "<m@x>"), "<m@x>");
            h.Upstream.BeforeSend = () => h.Files.PowerCutAfter = h.Files.Operations;   // the cut falls mid-attempt
            Assert.Throws<NanoRelay.Ports.StoreException>(() => h.Worker.RunDue());
            h.Upstream.BeforeSend = null;
            h.Reboot();
            Assert.AreEqual(1, h.Worker.Counters.Ambiguous, "the interrupted attempt may have reached the upstream");
            h.Reboot();
            Assert.AreEqual(0, h.Worker.Counters.Ambiguous, "the same event is not counted twice");
            h.Worker.RunDue();
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(2, h.Upstream.Log.Count, "sent before the cut, and once more: the one counted duplicate");
        }
    }
}

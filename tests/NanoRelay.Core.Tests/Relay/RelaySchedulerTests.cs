#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Alerts;
using NanoRelay.Core.Tests.Alerts;
using NanoRelay.Framing;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Storage;
using NanoRelay.Supervision;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Relay
{
    /// <summary>
    /// The one relay scheduler step (Relay/RelayScheduler) the host and the device loop on: what
    /// runs, how long it waits (RFC 5321 §4.5.4.1 backoff, an unreachable host holding the queue),
    /// and what a wake changes. The clock is a ManualClock; nothing sleeps.
    /// </summary>
    [TestClass]
    public class RelaySchedulerTests
    {
        // One minute first, doubling to an hour, three days' lifetime (the defaults).
        private const long FirstDelayMs = 60000;

        private sealed class Rig
        {
            public ManualClock Clock = new ManualClock();
            public MemoryFileStore Files = new MemoryFileStore();
            public Spool Spool;
            public Mailbox Mailbox;
            public ScriptedUpstream Upstream;
            public RelayWorker Worker;
            public RelayScheduler Scheduler;

            public Rig(bool withUpstream) : this(withUpstream, 100)
            {
            }

            public Rig(bool withUpstream, int mailboxMessages)
            {
                MemoryFileStore files = Files;
                Mailbox = new Mailbox(files, new SeededRandom(7), 0, mailboxMessages);
                Mailbox.Open();
                Spool = new Spool(files, Clock, new SeededRandom(8), 0, 100);
                Spool.Open();
                Upstream = withUpstream ? new ScriptedUpstream() : null;
                Worker = new RelayWorker(Spool, Mailbox, Upstream, Clock, new SeededRandom(9), new RetryPolicy(), "relay.test", null);
                Scheduler = new RelayScheduler(Worker, Spool, Clock, null);
            }

            public void Queue(string subject)
            {
                StoreWriter w = Spool.Begin("a@lan.test", new string[] { "b@example.org" }, "<" + subject + "@lan.test>");
                byte[] b = Ascii.Bytes("Subject: " + subject + "\r\n\r\nbody\r\n");
                w.Write(b, 0, b.Length);
                w.Commit();
            }
        }

        // Answers every Send with the failure it is set to (None: accepted) and counts the calls.
        private sealed class ScriptedUpstream : IUpstream
        {
            public SmtpFailure Failure = SmtpFailure.None;
            public int Sends;
            public int EndSessions;

            public UpstreamResult Send(OutboundMessage message)
            {
                Sends++;
                if (Failure == SmtpFailure.None)
                {
                    return UpstreamResult.Accepted(message.Recipients.Length, "250 2.0.0 queued");
                }

                return UpstreamResult.Failed(Failure, Failure == SmtpFailure.Connection ? "connection refused" : "451 4.3.0 try later");
            }

            public void EndSession()
            {
                EndSessions++;
            }
        }

        [TestMethod]
        public void NothingQueued_WaitsThePoll()
        {
            Rig r = new Rig(true);
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step());
            Assert.AreEqual(0, r.Upstream.Sends);
        }

        [TestMethod]
        public void DueEntries_OnePerStep_ThenThePoll()
        {
            Rig r = new Rig(true);
            r.Queue("one");
            r.Queue("two");
            Assert.AreEqual(0, r.Scheduler.Step(), "one sent, another may be due: step again at once");
            Assert.AreEqual(1, r.Upstream.Sends);
            Assert.AreEqual(0, r.Scheduler.Step());
            Assert.AreEqual(2, r.Upstream.Sends);
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step(), "the queue is empty");
            Assert.AreEqual(0, r.Spool.Count);
        }

        [TestMethod]
        public void NoUpstream_DeliversIntoTheMailbox()
        {
            Rig r = new Rig(false);
            r.Queue("local");
            Assert.AreEqual(0, r.Scheduler.Step());
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step());
            Assert.AreEqual(1, r.Mailbox.Refresh());
        }

        [TestMethod]
        public void Section4_5_4_1_TransientFailure_WaitsUntilTheBackoffEnds()
        {
            Rig r = new Rig(true);
            r.Upstream.Failure = SmtpFailure.Transient;
            r.Queue("later");
            r.Scheduler.Step();
            Assert.AreEqual(1, r.Upstream.Sends);
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step(), "due in a minute: the poll is shorter");

            r.Clock.Advance(FirstDelayMs - 400);
            Assert.AreEqual(400, r.Scheduler.Step(), "the wait ends when the entry is due");
            Assert.AreEqual(1, r.Upstream.Sends);

            r.Clock.Advance(395);
            Assert.AreEqual(Limits.RelayMinWaitMs, r.Scheduler.Step(), "never shorter than the floor");

            r.Clock.Advance(5);
            r.Upstream.Failure = SmtpFailure.None;
            r.Scheduler.Step();
            Assert.AreEqual(2, r.Upstream.Sends);
            Assert.AreEqual(0, r.Spool.Count);
        }

        [TestMethod]
        public void Section4_5_4_1_UnreachableHost_HoldsTheWholeQueue_WithoutSpinning()
        {
            Rig r = new Rig(true);
            r.Upstream.Failure = SmtpFailure.Connection;
            r.Queue("first");
            r.Queue("second");
            r.Scheduler.Step();
            Assert.AreEqual(1, r.Upstream.Sends);

            // The second entry is due, but the host is remembered as unreachable for a minute:
            // the step waits (the poll), it does not return the floor again and again.
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step());
            r.Clock.Advance(FirstDelayMs - 250);
            Assert.AreEqual(250, r.Scheduler.Step());
            Assert.AreEqual(1, r.Upstream.Sends);

            r.Clock.Advance(250);
            r.Upstream.Failure = SmtpFailure.None;
            Assert.AreEqual(0, r.Scheduler.Step());
            Assert.AreEqual(2, r.Upstream.Sends);
        }

        [TestMethod]
        public void NetworkUpWake_RetriesAtOnce()
        {
            Rig r = new Rig(true);
            r.Upstream.Failure = SmtpFailure.Connection;
            r.Queue("waiting");
            r.Scheduler.Step();
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step());
            Assert.AreEqual(1, r.Upstream.Sends);

            r.Upstream.Failure = SmtpFailure.None;
            r.Scheduler.Wake(RelayWake.NetworkUp);
            r.Scheduler.Step();
            Assert.AreEqual(2, r.Upstream.Sends);
            Assert.AreEqual(0, r.Spool.Count);
        }

        [TestMethod]
        public void RetryNowWake_MakesEveryEntryDueAtOnce_AndTheStepSendsIt()
        {
            Rig r = new Rig(true);
            r.Upstream.Failure = SmtpFailure.Transient;
            r.Queue("waiting");
            r.Scheduler.Step();
            Assert.IsTrue(r.Spool.NextDueIn() > 1000);

            r.Scheduler.Wake(RelayWake.RetryNow);
            Assert.AreEqual(0, (int)r.Spool.NextDueIn(), "the due times change with the request, before any step");
            r.Upstream.Failure = SmtpFailure.None;
            r.Scheduler.Step();
            Assert.AreEqual(2, r.Upstream.Sends);
            Assert.AreEqual(0, r.Spool.Count);
        }

        [TestMethod]
        public void CommittedWake_OnlyEndsTheWait()
        {
            Rig r = new Rig(true);
            r.Upstream.Failure = SmtpFailure.Transient;
            r.Queue("waiting");
            r.Scheduler.Step();
            r.Scheduler.Wake(RelayWake.Committed);
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step(), "the deferred entry keeps its backoff");
            Assert.AreEqual(1, r.Upstream.Sends);
        }

        [TestMethod]
        public void Wake_EndsAWaitAtOnce()
        {
            Rig r = new Rig(true);
            r.Scheduler.Wake(RelayWake.Committed);
            r.Scheduler.Wait(600000);   // the test framework's timeout fails this if the wake were lost
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step());
        }

        [TestMethod]
        public void UntrustedClock_HoldsTheQueue_UntilItIsSet()
        {
            Rig r = new Rig(true);
            r.Clock.IsUtcTrusted = false;
            r.Queue("held");
            Assert.AreEqual(Limits.RelayPollMs, r.Scheduler.Step(), "held: nothing is due for the worker");
            Assert.AreEqual(0, r.Upstream.Sends);
            Assert.IsTrue(r.Worker.IsHeld);

            r.Clock.IsUtcTrusted = true;
            r.Scheduler.Wake(RelayWake.ClockSet);
            Assert.AreEqual(0, r.Scheduler.Step());
            Assert.AreEqual(1, r.Upstream.Sends);
        }

        private static AlertSpooler SpoolerOn(Rig r)
        {
            return SpoolerOn(r, new MemoryLog());
        }

        private static AlertSpooler SpoolerOn(Rig r, MemoryLog log)
        {
            AlertSpooler spooler = new AlertSpooler(r.Spool, r.Clock, new SeededRandom(3), log, "greenhouse-1", "greenhouse-1@lan.test", new string[] { "ops@example.org" });
            r.Scheduler.Alerts = spooler;
            return spooler;
        }

        private static AlertMessage Alert()
        {
            AlertBench b = new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0));
            b.At(1, 36.5);
            return b.Sink[0];
        }

        // After one alert went through (the spool has reserved its ids), operation 0 of the next is its entry's
        // Create and the later ones its writes, flush and commit.
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [TestMethod]
        public void AlertOutOfMemory_IsHeld_ThenQueuedAndSentByTheNextStep(int operation)
        {
            Rig r = new Rig(true);
            AlertSpooler spooler = SpoolerOn(r);
            spooler.Raise(Alert());
            r.Scheduler.Step();
            int files = r.Files.List("").Length;

            r.Files.OutOfMemoryAt = r.Files.Operations + operation;
            spooler.Raise(Alert());
            Assert.AreEqual(-1, r.Files.OutOfMemoryAt, "the write ran out of memory");
            Assert.AreEqual(1, spooler.HeldCount, "held, not lost");
            Assert.AreEqual(1, spooler.Queued);
            Assert.AreEqual(0, spooler.Dropped);
            Assert.AreEqual(0, r.Spool.Count, "the half-written entry is gone");
            Assert.AreEqual(files, r.Files.List("").Length, "no file left behind");

            r.Scheduler.Step();
            Assert.AreEqual(0, spooler.HeldCount);
            Assert.AreEqual(2, spooler.Queued);
            Assert.AreEqual(2, r.Upstream.Sends, "queued and sent in the same step");
        }

        [TestMethod]
        public void HeapGateFull_TheRoundWaits_NothingAttempted_ThenSends()
        {
            Rig r = new Rig(true);
            HeapGate gate = new HeapGate(10000, 0);
            r.Worker.Heap = gate;
            Assert.IsTrue(gate.TryEnter(5000), "a transfer runs");
            r.Queue("one");
            Assert.AreEqual(Limits.RelayMinWaitMs, r.Scheduler.Step(), "5,000 + the round's share does not fit: the next step tries again");
            Assert.AreEqual(0, r.Upstream.Sends);
            Assert.AreEqual(1, r.Worker.HeapDeferrals);
            Assert.AreEqual(1, r.Spool.Count, "still queued, no attempt counted");
            Assert.AreEqual(0, r.Worker.Counters.Deferred, "no attempt ended in a retry either");

            gate.Exit(5000);
            r.Scheduler.Step();
            Assert.AreEqual(1, r.Upstream.Sends);
            Assert.AreEqual(Limits.RelayRoundHeapBytes, gate.InUse, "held while the upstream session may carry more");
            int ended = r.Upstream.EndSessions;
            r.Scheduler.Step();
            Assert.AreEqual(0, gate.InUse, "nothing more due: session ended, share given back");
            Assert.AreEqual(ended + 1, r.Upstream.EndSessions);
        }

        [TestMethod]
        public void HeapGate_TheRoundGivesWay_AfterItsMessage_WhenOthersWereKeptOut()
        {
            Rig r = new Rig(true);
            HeapGate gate = new HeapGate(10000, 0);
            r.Worker.Heap = gate;
            r.Queue("one");
            r.Queue("two");
            r.Queue("three");
            Assert.AreEqual(0, r.Scheduler.Step());
            Assert.AreEqual(1, r.Upstream.Sends);
            Assert.IsFalse(gate.TryEnter(Limits.AlertHeapBytes), "an alert does not fit beside the round");

            r.Scheduler.Step();
            Assert.AreEqual(2, r.Upstream.Sends, "the message under way is finished");
            Assert.AreEqual(1, r.Upstream.EndSessions, "then the round ends");
            Assert.AreEqual(0, gate.InUse);

            Assert.IsTrue(gate.TryEnter(Limits.AlertHeapBytes), "the alert goes now");
            r.Scheduler.Step();
            Assert.AreEqual(2, r.Upstream.Sends, "and the round waits for it");
            Assert.AreEqual(1, r.Worker.HeapDeferrals);
            gate.Exit(Limits.AlertHeapBytes);
            r.Scheduler.Step();
            Assert.AreEqual(3, r.Upstream.Sends);
        }

        [TestMethod]
        public void HeapGateFull_AnAlertIsHeld_ThenWrittenAndSentAtALaterStep()
        {
            Rig r = new Rig(true);
            AlertSpooler spooler = SpoolerOn(r);
            HeapGate gate = new HeapGate(10000, 0);
            spooler.Heap = gate;
            r.Worker.Heap = gate;
            Assert.IsTrue(gate.TryEnter(5000), "a transfer runs");
            spooler.Raise(Alert());
            Assert.AreEqual(1, spooler.HeldCount, "5,000 + an alert's share does not fit: held, not written");
            Assert.AreEqual(0, spooler.Queued);
            Assert.AreEqual(0, spooler.Dropped);
            Assert.AreEqual(0, r.Spool.Count);
            Assert.AreEqual(5000, gate.InUse);

            r.Scheduler.Step();
            Assert.AreEqual(1, spooler.HeldCount, "still no room");
            gate.Exit(5000);
            r.Scheduler.Step();
            Assert.AreEqual(0, spooler.HeldCount);
            Assert.AreEqual(1, spooler.Queued);
            Assert.AreEqual(1, r.Upstream.Sends, "written, then sent in the same step");
        }

        [TestMethod]
        public void IngressMessage_HoldsItsShare_UntilCommittedOrDropped()
        {
            Rig r = new Rig(true);
            HeapGate gate = new HeapGate(10000, 100);
            SpoolIngressSink sink = new SpoolIngressSink(r.Spool);
            sink.Heap = gate;
            string[] rcpts = new string[] { "b@example.org" };
            IIngressMessage m = sink.Begin("a@lan.test", rcpts, 1);
            Assert.AreEqual(Limits.IngressHeapBytes, gate.InUse);
            byte[] b = Ascii.Bytes("Subject: in\r\n\r\nbody\r\n");
            m.Write(b, 0, b.Length);
            Assert.IsTrue(m.Commit().Length > 0);
            Assert.AreEqual(0, gate.InUse);
            Assert.AreEqual(1, r.Spool.Count);

            IIngressMessage dropped = sink.Begin("a@lan.test", rcpts, 1);
            dropped.Abort();
            dropped.Abort();
            Assert.AreEqual(0, gate.InUse, "given back once");

            Assert.IsTrue(gate.TryEnter(8000), "the relay's round runs");
            IIngressMessage late = sink.Begin("a@lan.test", rcpts, 1);
            Assert.AreEqual(1, gate.Overruns, "waited 100 ms, then went ahead: the client is not refused");
            Assert.AreEqual(8000 + Limits.IngressHeapBytes, gate.InUse);
            late.Abort();
            Assert.AreEqual(8000, gate.InUse);
            Assert.AreEqual(1, r.Spool.Count);
        }

        [TestMethod]
        public void AlertsRaisedWhileOneIsHeld_QueueBehindIt_InOrder()
        {
            Rig r = new Rig(false);
            MemoryLog log = new MemoryLog();
            AlertSpooler spooler = SpoolerOn(r, log);
            spooler.Raise(Alert());
            AlertMessage digest = Rfc2046_Section5_1_5_Digest.FlappingDoorDigest(3);
            r.Files.OutOfMemoryAt = r.Files.Operations;
            spooler.Raise(digest);
            r.Files.OutOfMemoryAt = r.Files.Operations;   // the held digest, tried first, runs out of memory again
            AlertMessage later = Alert();
            spooler.Raise(later);
            Assert.AreEqual(2, spooler.HeldCount);
            Assert.AreEqual(1, spooler.Queued);
            Assert.AreEqual(1, r.Spool.Count);

            r.Scheduler.Step();
            Assert.AreEqual(0, spooler.HeldCount);
            Assert.AreEqual(3, spooler.Queued);
            Assert.AreEqual(0, spooler.Dropped);
            string text = log.Text;
            int digestAt = text.IndexOf(": " + digest.Subject);
            int laterAt = text.LastIndexOf(": " + later.Subject);
            Assert.IsTrue(digestAt > 0 && laterAt > digestAt, "the digest is queued before the alert raised after it");
        }

        [TestMethod]
        public void WaitFor_KeepsBetweenTheFloorAndThePoll()
        {
            Assert.AreEqual(Limits.RelayPollMs, RelayScheduler.WaitFor(-1));
            Assert.AreEqual(Limits.RelayMinWaitMs, RelayScheduler.WaitFor(0));
            Assert.AreEqual(500, RelayScheduler.WaitFor(500));
            Assert.AreEqual(Limits.RelayPollMs, RelayScheduler.WaitFor(3600000));
        }

        [TestMethod]
        public void MailboxDeletion_EndsTheWait_AndDeliversWhatWaitedOnAFullMailbox()
        {
            Rig r = new Rig(false, 1);
            r.Queue("first");
            r.Scheduler.Step();
            Assert.AreEqual(1, r.Mailbox.Refresh(), "the first fills the one-message mailbox");
            r.Queue("second");
            r.Scheduler.Step();
            Assert.AreEqual(1, r.Spool.Count, "the second waits on the full mailbox");
            Assert.IsTrue(r.Worker.IsMailboxFull);

            // A POP3 DELE: the scheduler hears it from the mailbox itself (no platform wiring) and its wait ends.
            r.Scheduler.Wait(10);   // takes the signal the second's commit left set
            Assert.IsTrue(r.Mailbox.Remove(0));
            long before = System.DateTime.UtcNow.Ticks;
            r.Scheduler.Wait(5000);
            Assert.IsTrue(System.DateTime.UtcNow.Ticks - before < 2 * 1000 * 10000, "the wait ended at the deletion");
            r.Scheduler.Step();
            Assert.AreEqual(0, r.Spool.Count, "delivered at once, not after its backoff");
        }
    }
}

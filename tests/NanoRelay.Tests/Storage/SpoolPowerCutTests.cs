using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Storage;
using NanoRelay.Tests.Relay;

using NanoRelay.Smtp;

namespace NanoRelay.Tests.Storage
{
    /// <summary>
    /// docs/catalogue.md #56 and #57: the power is cut after every single store operation k of the
    /// ingest, forward, bounce, local-delivery and delete paths, under every cut mode; after the
    /// reboot the relay runs to the end. Every acknowledged message arrives byte-identical,
    /// nothing unacknowledged is sent, duplicates upstream stay within the counted in-flight
    /// events, and none appears in the mailbox.
    /// </summary>
    [TestClass]
    public class SpoolPowerCutTests
    {
        private sealed class Run
        {
            public readonly HashSet<string> Offered = new();
            public readonly HashSet<string> Acked = new();
        }

        private static int Walk(bool withUpstream, Action<RelayHarness, Run> setup, Action<RelayHarness, Run> action, Action<RelayHarness, Run, int, CutMode> verify)
        {
            int walked = 0;
            foreach (CutMode mode in CutMode.All)
            {
                for (int k = 0; k < 5000; k++)
                {
                    var h = new RelayHarness(withUpstream);
                    var run = new Run();
                    mode.Apply(h.Files);
                    setup(h, run);
                    h.Files.PowerCutAfter = h.Files.Operations + k;
                    bool cut = false;
                    try
                    {
                        action(h, run);
                    }
                    catch (StoreException) when (h.Files.PoweredOff)
                    {
                        cut = true;
                    }

                    h.Reboot();
                    verify(h, run, k, mode);
                    walked++;
                    if (!cut)
                    {
                        break;
                    }
                }
            }

            return walked;
        }

        private static byte[] Msg(int i) => RelayHarness.Message("alert " + i, "<" + i + "@relay.test>", 5 + i * 40);

        private static void Drain(RelayHarness h)
        {
            for (int i = 0; i < 50 && h.Spool.Count > 0; i++)
            {
                h.Worker.NetworkUp();
                h.Worker.RunDue();
                h.Clock.Advance(3_600_000);
            }

            Assert.AreEqual(0, h.Spool.Count, "the queue drains after recovery: nothing lost, nothing stuck");
        }

        private static void QueueThree(RelayHarness h, Run run)
        {
            for (int i = 0; i < 3; i++)
            {
                byte[] m = Msg(i);
                run.Offered.Add(PowerCut.Hash(m));
                h.Queue(m, "<" + i + "@relay.test>");
                run.Acked.Add(PowerCut.Hash(m));
            }
        }

        [TestMethod]
        public void Case56_PowerCutAtEveryWriteOfIngest_AckedArriveOnce_UnackedNeverSent()
        {
            int walked = Walk(true, (h, run) => { }, QueueThree, (h, run, k, mode) =>
            {
                Drain(h);
                string at = "k=" + k + " " + mode;
                var sent = h.Upstream.Log.Select(s => PowerCut.Hash(s.Content)).ToList();
                foreach (string a in run.Acked)
                {
                    Assert.AreEqual(1, sent.Count(s => s == a), at + ": an acknowledged message was not sent exactly once");
                }

                foreach (string s in sent)
                {
                    Assert.IsTrue(run.Offered.Contains(s), at + ": a torn or unknown message was sent");

                    // Only when the cut let a whole commit record land (the call failed after the
                    // bytes were on flash, as a cut between fsync and "250" does) may an
                    // unacknowledged message be sent; the SMTP client then retries: one duplicate.
                    Assert.IsTrue(run.Acked.Contains(s) || mode.TornBytes > 1000, at + ": an unacknowledged message was sent");
                }

                Assert.AreEqual(sent.Count, sent.Distinct().Count(), at + ": a duplicate queue entry");
            });
            Console.WriteLine("ingest walk: " + walked + " cut points");
        }

        [TestMethod]
        public void Case57_PowerCutWhileForwarding_RetriedOrCountedDuplicate_NeverLostOrStuck()
        {
            int walked = Walk(true, QueueThree, (h, run) => h.Worker.RunDue(), (h, run, k, mode) =>
            {
                int inFlight = h.Worker.Counters.Ambiguous;
                Drain(h);
                string at = "k=" + k + " " + mode;
                var sent = h.Upstream.Log.Select(s => PowerCut.Hash(s.Content)).ToList();
                foreach (string a in run.Acked)
                {
                    Assert.IsTrue(sent.Contains(a), at + ": an acknowledged message was lost");
                }

                Assert.IsTrue(sent.All(run.Acked.Contains), at + ": something unacknowledged was sent");
                int duplicates = sent.Count - sent.Distinct().Count();
                Assert.IsTrue(duplicates <= 1, at + ": more than one duplicate for one power cut");
                Assert.IsTrue(duplicates <= inFlight, at + ": a duplicate that was not counted");
                Assert.AreEqual(0, h.Mailbox.Refresh(), at + ": nothing goes to the mailbox");

                // (57b) The duplicate carries the same Message-ID.
                foreach (var g in h.Upstream.Log.GroupBy(s => PowerCut.Hash(s.Content)))
                {
                    Assert.AreEqual(1, g.Select(s => s.MessageId).Distinct().Count());
                }
            });
            Console.WriteLine("forward walk: " + walked + " cut points");
        }

        [TestMethod]
        public void Case57_PowerCutWhileBouncing_OneBouncePerMessage_NothingUpstreamButTheAttempts()
        {
            Walk(true, (h, run) =>
            {
                QueueThree(h, run);
                h.Upstream.Script = m => UpstreamResult.Failed(SmtpFailure.Permanent, "550 5.1.1 user unknown");
            }, (h, run) => h.Worker.RunDue(), (h, run, k, mode) =>
            {
                h.Upstream.Script = m => UpstreamResult.Failed(SmtpFailure.Permanent, "550 5.1.1 user unknown");
                Drain(h);
                string at = "k=" + k + " " + mode;
                int n = h.Mailbox.Refresh();
                Assert.AreEqual(3, n, at + ": one bounce per message, no more, no fewer");
                var subjects = Enumerable.Range(0, n).Select(i => h.MailboxText(i)).Select(t => t.Substring(t.IndexOf("Subject: alert"), 16)).ToList();
                Assert.AreEqual(3, subjects.Distinct().Count(), at + ": a bounce appears twice");
            });
        }

        // RFC 5321 §4.4: final delivery puts one Return-Path line first; the message follows unchanged.
        private static byte[] AfterReturnPath(byte[] delivered, string at)
        {
            string text = System.Text.Encoding.ASCII.GetString(delivered);
            Assert.IsTrue(text.StartsWith("Return-Path: <", StringComparison.Ordinal), at + ": no Return-Path line first");
            int end = text.IndexOf("\r\n", StringComparison.Ordinal) + 2;
            return delivered.Skip(end).ToArray();
        }

        [TestMethod]
        public void Case57_PowerCutDuringLocalDelivery_EachMessageInTheMailboxExactlyOnce()
        {
            Walk(false, QueueThree, (h, run) => h.Worker.RunDue(), (h, run, k, mode) =>
            {
                Drain(h);
                string at = "k=" + k + " " + mode;
                int n = h.Mailbox.Refresh();
                var got = Enumerable.Range(0, n).Select(i => PowerCut.Hash(AfterReturnPath(PowerCut.ReadAll(h.Mailbox.OpenMessage(i)), at))).ToList();
                Assert.AreEqual(3, n, at + ": a message missing or duplicated in the mailbox");
                CollectionAssert.AreEquivalent(run.Acked.ToList(), got, at + ": not byte-identical");
            });
        }

        [TestMethod]
        public void Case58_NoRenameAnywhere_StateGenerationsWrap_NeverCreateOntoAnExistingName()
        {
            // MemoryFileStore.Create throws on an existing name, as nanoFramework's File.Move does
            // onto one; 600 state generations (the name wraps at 256) and reboots must never need it.
            var h = new RelayHarness();
            h.Upstream.Script = m => UpstreamResult.Failed(SmtpFailure.Transient, "451 later");
            h.Policy = new RetryPolicy(1, 1, 72);
            h.Start();
            h.Queue(Msg(1), "<1@relay.test>");
            for (int i = 0; i < 1000 && h.Spool.List()[0].Attempts < 600; i++)
            {
                h.Worker.RunDue();
                h.Clock.Advance(1000);
                if (i % 97 == 0)
                {
                    h.Reboot();
                }
            }

            Assert.AreEqual(1, h.Spool.Count);
            Assert.IsTrue(h.Spool.List()[0].Attempts >= 600);
            Assert.AreEqual(1, h.Files.List("q0000001.t").Length, "one live state file per entry");
        }

        [TestMethod]
        public void Case59_FullFlash_RefusesNewMail_ButStateAdvances_AndPop3CanDelete()
        {
            var h = new RelayHarness();
            h.Files.Capacity = 64 * 1024;
            h.Upstream.Script = m => UpstreamResult.Failed(SmtpFailure.Transient, "451 later");
            byte[] local = Msg(0);
            h.Mailbox.Deliver(local, 0, local.Length, null);
            int queued = 0;
            bool full = false;
            while (!full)
            {
                try
                {
                    h.Queue(Msg(queued % 5), "<f@relay.test>");
                    queued++;
                }
                catch (StoreException e)
                {
                    Assert.IsTrue(e.IsFull, "the refusal is 'full' (SMTP 452)");
                    full = true;
                }
            }

            Assert.IsTrue(queued > 10);
            Assert.IsTrue(h.Files.FreeBytes < Limits.StoreReserveBytes + 4096 + 4096, "refused only near full: reserve, one free-space check window, one message");
            for (int i = 0; i < 3; i++)
            {
                h.Worker.NetworkUp();
                h.Worker.RunDue();   // state records for every entry: must fit in the reserve
            }

            Assert.AreEqual(queued, h.Spool.Count);
            Assert.IsTrue(h.Spool.List().All(e => e.Attempts == 3));

            h.Mailbox.Refresh();
            Assert.IsTrue(h.Mailbox.Remove(0), "POP3 can still delete");

            h.Upstream.Script = null;
            h.Worker.NetworkUp();
            h.Worker.RunDue();
            Assert.AreEqual(0, h.Spool.Count);
            h.Queue(Msg(1), "<again@relay.test>");   // room again
        }

        [TestMethod]
        public void Case60_EnvelopeThatParsesBadly_IsQuarantined_OthersFlow()
        {
            var h = new RelayHarness();
            h.Queue(Msg(1), "<1@relay.test>");
            MessageStore raw = new MessageStore(h.Files, Spool.Prefix, 0, 100);
            raw.Recover();
            StoreWriter w = raw.Begin();
            w.Write(new byte[] { 65, 13, 10 }, 0, 3);
            w.Commit(new byte[] { 1, 0, 1, 65, 0, 0, 0, 0, 0, 0 }, 0, 10);   // zero recipients
            h.Queue(Msg(2), "<2@relay.test>");
            h.Reboot();
            Assert.AreEqual(2, h.Spool.Count);
            Assert.AreEqual("envelope recipient count out of bounds", h.Spool.Store.LastRecovery.Quarantined.Single().Reason);
            Drain(h);
            Assert.AreEqual(2, h.Upstream.Log.Count);
        }

        [TestMethod]
        public void Case60_Soak10000Messages_BytesWrittenPerMessage_NoHotSpot()
        {
            var h = new RelayHarness();
            int n = 10_000;
            long content = 0;
            int i = 0;
            h.Upstream.Script = m => m.Attempt == 1 && m.MessageId.EndsWith("3@soak>") ? UpstreamResult.Failed(SmtpFailure.Transient, "451 later") : UpstreamResult.Accepted(m.Recipients.Length, "250 ok");
            for (; i < n; i++)
            {
                byte[] m = RelayHarness.Message("soak " + i, "<" + i + "@soak>", 20);
                content += m.Length;
                h.Queue(m, "<" + i + "@soak>");
                if (i % 50 == 49)
                {
                    h.Worker.RunDue();
                    h.Clock.Advance(61_000);
                }
            }

            Drain(h);
            Assert.AreEqual(n, h.Upstream.Log.Select(s => s.MessageId).Distinct().Count());
            long written = h.Files.BytesWritten;
            double perMessage = (double)written / n;
            double overhead = (double)(written - content) / n;
            Console.WriteLine($"soak: {n} messages, {content / n} content bytes each; {perMessage:F0} bytes written per message ({overhead:F0} of records); {h.Files.Creates / (double)n:F2} files created per message; most creates of one name: {h.Files.MaxCreatesOfOneName}");
            Assert.IsTrue(overhead < 300, "record overhead per message: " + overhead);
            Assert.IsTrue(h.Files.MaxCreatesOfOneName <= 2, "a hot file: " + h.Files.MaxCreatesOfOneName);
            Assert.AreEqual(0, h.Files.List("q").Count(f => !f.StartsWith("q_seq")), "nothing left behind");
        }
    
        [TestMethod]
        public void Case60_MailboxSoak10000Deliveries_AndUpdates_BytesWrittenPerMessage_NoHotSpot()
        {
            var files = new NanoRelay.Testing.MemoryFileStore();
            var m = new Mailbox(files, new NanoRelay.Testing.SeededRandom(5), 0, 1000);
            m.Open();
            int n = 10_000;
            long content = 0;
            var uids = new HashSet<string>();
            for (int i = 0; i < n; i++)
            {
                byte[] b = RelayHarness.Message("mail " + i, "<" + i + "@mb>", 20);
                content += b.Length;
                Assert.IsTrue(uids.Add(m.Deliver(b, 0, b.Length, null)), "a UID was reused");
                if (i % 100 == 99)
                {
                    // A POP3 session downloads and deletes everything (UPDATE state).
                    int count = m.Refresh();
                    for (int j = 0; j < count; j++)
                    {
                        Assert.IsTrue(m.Remove(j));
                    }
                }
            }

            double overhead = (double)(files.BytesWritten - content) / n;
            Console.WriteLine($"mailbox soak: {n} messages, {content / n} bytes each; {(double)files.BytesWritten / n:F0} bytes written per message ({overhead:F0} of records); {files.Creates / (double)n:F2} files created per message; most creates of one name: {files.MaxCreatesOfOneName}");
            Assert.IsTrue(overhead < 150, "record overhead per message: " + overhead);
            Assert.IsTrue(files.MaxCreatesOfOneName <= 2, "a hot file: " + files.MaxCreatesOfOneName);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Alerts;

namespace NanoRelay.Core.Tests.Alerts
{
    /// <summary>A rule that changes state more often than its limit sends the surplus later as one digest.</summary>
    [TestClass]
    public class FlappingDigest
    {
        private static AlertBench Door(int max, long windowMs)
        {
            return new AlertBench(AlertRule.DoorOpen("front-door").WithRateLimit(max, windowMs));
        }

        // A gust: open 2 s, closed 3 s, `bangs` times from `start` seconds.
        private static void Gust(AlertBench b, double start, int bangs)
        {
            for (int i = 0; i < bangs; i++)
            {
                b.At(start + (i * 5), 1);
                b.At(start + (i * 5) + 2, 0);
            }
        }

        [TestMethod]
        public void TenChangesWithALimitOfTwo_TwoAlertsThenOneDigestOfEight()
        {
            AlertBench b = Door(2, 60000);
            Gust(b, 10, 5);                  // 10 changes, 10 s .. 32 s
            Assert.AreEqual(2, b.Sink.Count);
            Assert.AreEqual(8, b.Engine.Collected("front-door"));

            b.PollAt(69.9);                  // sends at 10 s and 12 s still fill the window
            Assert.AreEqual(2, b.Sink.Count);
            b.PollAt(72);                    // room again, and settled (15 s quiet)
            Assert.AreEqual(3, b.Sink.Count);

            AlertMessage d = b.Sink[2];
            Assert.AreEqual(AlertEventKind.Digest, d.Kind);
            Assert.AreEqual(8, d.Members.Length);
            Assert.AreEqual(0, d.Omitted);
            for (int i = 0; i < 8; i++)
            {
                Assert.AreEqual(i % 2 == 0 ? AlertEventKind.Raised : AlertEventKind.Cleared, d.Members[i].Kind);
                Assert.AreEqual(i % 2 == 0 ? "[greenhouse-1] front-door: door open" : "[greenhouse-1] front-door: door closed", d.Members[i].Subject);
            }

            Assert.AreEqual(15000L, d.Members[0].MonotonicMilliseconds);
            Assert.AreEqual(32000L, d.Members[7].MonotonicMilliseconds);
            Assert.AreEqual("[greenhouse-1] front-door: 8 changes while flapping, now closed", d.Subject);
            Assert.IsTrue(d.Body.StartsWith("front-door changed state 8 times in 17 s,\nmore than its limit of 2 alerts per 1 min,\n"));
            Assert.IsTrue(d.Body.IndexOf("Not listed: 0\n") > 0);
            Assert.AreEqual(0, b.Engine.Collected("front-door"));
        }

        [TestMethod]
        public void StillFlapping_DigestWaitsUntilAWholeWindowIsCollected()
        {
            AlertBench b = Door(2, 60000);
            Gust(b, 10, 12);                 // 24 changes, 10 s .. 67 s; collecting since 15 s
            b.PollAt(70);
            Assert.AreEqual(2, b.Sink.Count);   // room since 70 s, but not settled and not a window collected
            Gust(b, 70, 2);                  // changes at 70, 72, 75, 77
            Assert.AreEqual(AlertEventKind.Digest, b.Sink[2].Kind);
            Assert.AreEqual(75000L, b.Sink.SentAt(2));   // 15 s + one window
            Assert.AreEqual(75000L, b.Sink[2].Members[b.Sink[2].Members.Length - 1].MonotonicMilliseconds);

            // After the digest the rule starts afresh: the change at 77 s fits (sends at 75 and 77 in any minute).
            Assert.AreEqual(4, b.Sink.Count);
            Assert.AreEqual(AlertEventKind.Cleared, b.Sink[3].Kind);
            Assert.AreEqual(77000L, b.Sink.SentAt(3));
        }

        [TestMethod]
        public void LongFlap_KeepsTheFirstChangesAndTheLatest_AndCountsTheRest()
        {
            AlertBench b = Door(1, 600000);
            Gust(b, 0, 20);                  // 40 changes; the first is sent
            b.PollAt(700);
            Assert.AreEqual(2, b.Sink.Count);
            AlertMessage d = b.Sink[1];
            Assert.AreEqual(Limits.AlertDigestMembers, d.Members.Length);
            Assert.AreEqual(39 - Limits.AlertDigestMembers, d.Omitted);
            Assert.AreEqual(97000L, d.Members[d.Members.Length - 1].MonotonicMilliseconds);   // the newest change
            Assert.AreEqual(AlertEventKind.Cleared, d.Members[d.Members.Length - 1].Kind);
            Assert.IsTrue(d.Subject.EndsWith(": 39 changes while flapping, now closed"));
            Assert.IsTrue(d.Body.IndexOf("Not listed: 23\n") > 0);
        }

        [TestMethod]
        public void ADigestCountsAgainstTheLimit()
        {
            AlertBench b = Door(1, 60000);
            Gust(b, 0, 3);                   // sent at 0; 5 held
            b.PollAt(60);                    // digest at 60
            Assert.AreEqual(2, b.Sink.Count);
            b.At(100, 1);                    // within 60 s of the digest: held
            Assert.AreEqual(2, b.Sink.Count);
            b.PollAt(120);
            Assert.AreEqual(3, b.Sink.Count);
            Assert.AreEqual(AlertEventKind.Raised, b.Sink[2].Kind);
        }

        [TestMethod]
        public void SameInput_SameOutput()
        {
            string first = Run();
            string second = Run();
            Assert.AreEqual(first, second);
            Assert.IsTrue(first.Length > 0);
        }

        private static string Run()
        {
            AlertBench b = Door(3, 60000);
            Gust(b, 5, 9);
            b.PollAt(200);
            string all = string.Empty;
            for (int i = 0; i < b.Sink.Count; i++)
            {
                all += b.Sink.SentAt(i).ToString() + " " + b.Sink[i].Subject + "\n" + b.Sink[i].Body;
            }

            return all;
        }
    }
}

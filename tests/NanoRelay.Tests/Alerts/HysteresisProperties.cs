using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Alerts;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Alerts
{
    /// <summary>Properties of the rule engine over random sample walks (CsCheck).</summary>
    [TestClass]
    public class HysteresisProperties
    {
        private static readonly Gen<double[]> Walk = Gen.Double[20, 50].Array[1, 300];

        private sealed record Run(List<AlertMessage> Sent, List<long> SentAt, int Changes);

        private static Run Drive(AlertRule rule, double[] values, int stepMs)
        {
            ManualClock clock = new ManualClock();
            RecordingAlertSink sink = new RecordingAlertSink(clock);
            AlertEngine engine = new AlertEngine("dev", clock, sink);
            engine.Add(rule);
            int changes = 0;
            bool alerting = false;
            foreach (double v in values)
            {
                clock.Advance(stepMs);
                engine.Feed(new SensorSample(rule.SensorName, rule.Kind, v, clock.MonotonicMilliseconds));

                // The reference model: a two-state machine with the same band.
                if (!alerting && rule.IsAlarm(v))
                {
                    alerting = true;
                    changes++;
                }
                else if (alerting && rule.IsClear(v))
                {
                    alerting = false;
                    changes++;
                }

                Assert.AreEqual(alerting, engine.IsAlerting(rule.Name));
            }

            clock.Advance(rule.WindowMilliseconds * 2);
            engine.Poll(clock.MonotonicMilliseconds);
            List<AlertMessage> sent = Enumerable.Range(0, sink.Count).Select(i => sink[i]).ToList();
            List<long> at = Enumerable.Range(0, sink.Count).Select(sink.SentAt).ToList();
            return new Run(sent, at, changes);
        }

        private static IEnumerable<AlertMessage> Flatten(IEnumerable<AlertMessage> sent)
        {
            return sent.SelectMany(m => m.Kind == AlertEventKind.Digest ? m.Members : new[] { m });
        }

        [TestMethod]
        public void Changes_AlternateRaisedCleared_AtValuesPastTheBand()
        {
            Gen.Select(Walk, Gen.Double[30, 40], Gen.Double[0, 5]).Sample((values, threshold, band) =>
            {
                AlertRule rule = AlertRule.Above("t", SensorKind.Temperature, threshold, threshold - band).WithRateLimit(32, 1000);
                Run run = Drive(rule, values, 1000);
                List<AlertMessage> all = Flatten(run.Sent).ToList();
                Assert.AreEqual(run.Changes, all.Count);
                for (int i = 0; i < all.Count; i++)
                {
                    Assert.AreEqual(i % 2 == 0 ? AlertEventKind.Raised : AlertEventKind.Cleared, all[i].Kind);
                    Assert.IsTrue(i % 2 == 0 ? all[i].Value > threshold : all[i].Value < threshold - band);
                }
            });
        }

        [TestMethod]
        public void InsideTheBand_NothingHappens()
        {
            Gen.Double[33, 35].Array[1, 200].Sample(values =>
            {
                AlertRule rule = AlertRule.Above("t", SensorKind.Temperature, 35, 33);
                Assert.AreEqual(0, Drive(rule, values, 1000).Sent.Count);
            });
        }

        [TestMethod]
        public void BelowRules_MirrorAboveRules()
        {
            Gen.Select(Walk, Gen.Double[25, 45], Gen.Double[0, 5]).Sample((values, threshold, band) =>
            {
                Run above = Drive(AlertRule.Above("t", SensorKind.Battery, threshold, threshold - band).WithRateLimit(32, 1000), values, 1000);
                Run below = Drive(AlertRule.Below("t", SensorKind.Battery, -threshold, -threshold + band).WithRateLimit(32, 1000), values.Select(v => -v).ToArray(), 1000);
                Assert.AreEqual(above.Changes, below.Changes);
                CollectionAssert.AreEqual(Flatten(above.Sent).Select(m => m.Kind).ToList(), Flatten(below.Sent).Select(m => m.Kind).ToList());
            });
        }

        [TestMethod]
        public void RateLimit_NeverMoreThanNPerWindow_AndNothingIsLost()
        {
            Gen.Select(Walk, Gen.Int[1, 6], Gen.Int[5, 120], Gen.Int[200, 5000]).Sample((values, max, windowSeconds, stepMs) =>
            {
                AlertRule rule = AlertRule.Above("t", SensorKind.Temperature, 35, 33).WithRateLimit(max, windowSeconds * 1000L);
                Run run = Drive(rule, values, stepMs);
                for (int i = 0; i + max < run.SentAt.Count; i++)
                {
                    Assert.IsTrue(run.SentAt[i + max] - run.SentAt[i] >= windowSeconds * 1000L, "more than " + max + " sends within " + windowSeconds + " s");
                }

                int accounted = run.Sent.Sum(m => m.Kind == AlertEventKind.Digest ? m.Members.Length + m.Omitted : 1);
                Assert.AreEqual(run.Changes, accounted);
                Assert.IsTrue(run.Sent.Where(m => m.Kind == AlertEventKind.Digest).All(d => d.Members.Length >= 2 && d.Members.Length <= NanoRelay.Limits.AlertDigestMembers));
            });
        }

        [TestMethod]
        public void SameWalk_SameMessages()
        {
            Gen.Select(Walk, Gen.Int[1, 4]).Sample((values, max) =>
            {
                AlertRule rule = AlertRule.Above("t", SensorKind.Temperature, 35, 33).WithRateLimit(max, 30000);
                Run a = Drive(rule, values, 1000);
                Run b = Drive(rule, values, 1000);
                CollectionAssert.AreEqual(a.Sent.Select(m => m.Subject + m.Body).ToList(), b.Sent.Select(m => m.Subject + m.Body).ToList());
                CollectionAssert.AreEqual(a.SentAt, b.SentAt);
            });
        }
    }
}

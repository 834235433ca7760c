#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Alerts;

namespace NanoRelay.Core.Tests.Alerts
{
    /// <summary>At most N messages per rule per window, on the monotonic clock; what is held back comes later, never lost.</summary>
    [TestClass]
    public class RateLimit
    {
        private static AlertBench TwoPerMinute()
        {
            return new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0).WithRateLimit(2, 60000));
        }

        [TestMethod]
        public void ThirdChangeInTheWindow_IsHeldBack()
        {
            AlertBench b = TwoPerMinute();
            b.At(1, 36);   // raised, sent
            b.At(2, 32);   // cleared, sent
            b.At(3, 36);   // raised: over the limit
            Assert.AreEqual(2, b.Sink.Count);
            Assert.AreEqual(1, b.Engine.Collected("greenhouse-temp"));
        }

        [TestMethod]
        public void HeldBackSingleChange_IsSentAsItselfWhenTheWindowAllows()
        {
            AlertBench b = TwoPerMinute();
            b.At(1, 36);
            b.At(2, 32);
            b.At(3, 36);
            b.PollAt(60.9);   // the send at 1 s is still inside the window
            Assert.AreEqual(2, b.Sink.Count);
            b.PollAt(61);
            Assert.AreEqual(3, b.Sink.Count);
            Assert.AreEqual(AlertEventKind.Raised, b.Sink[2].Kind);
            Assert.AreEqual(3000L, b.Sink[2].MonotonicMilliseconds);   // it says when it happened
            Assert.AreEqual(61000L, b.Sink.SentAt(2));                 // and went when allowed
            Assert.AreEqual(0, b.Engine.Collected("greenhouse-temp"));
        }

        [TestMethod]
        public void AfterTheWindow_AlertsGoAtOnceAgain()
        {
            AlertBench b = TwoPerMinute();
            b.At(1, 36);
            b.At(2, 32);
            b.At(70, 36);
            b.At(71, 32);
            Assert.AreEqual(4, b.Sink.Count);
            Assert.AreEqual(71000L, b.Sink.SentAt(3));
        }

        [TestMethod]
        public void RulesAreLimitedSeparately()
        {
            AlertBench b = TwoPerMinute();
            b.Engine.Add(AlertRule.DoorOpen("front-door").WithRateLimit(2, 60000));
            b.At(1, 36);
            b.At(2, 32);
            b.Engine.Feed(new SensorSample("front-door", SensorKind.Door, 1, 2500));
            Assert.AreEqual(3, b.Sink.Count);
            Assert.AreEqual("front-door", b.Sink[2].RuleName);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Alerts;

namespace NanoRelay.Core.Tests.Alerts
{
    /// <summary>Rules alert past the threshold and clear only past the far side of the hysteresis band.</summary>
    [TestClass]
    public class ThresholdAndHysteresis
    {
        [TestMethod]
        public void Above_RaisesOnceWhenTheValueRisesPastTheThreshold()
        {
            AlertBench b = new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0));
            b.At(1, 30.0);
            b.At(2, 34.9);
            b.At(3, 35.0);   // "above" is strict: equal is not an alarm
            Assert.AreEqual(0, b.Sink.Count);
            b.At(4, 35.4);
            b.At(5, 36.0);
            b.At(6, 40.0);
            Assert.AreEqual(1, b.Sink.Count);
            Assert.AreEqual(AlertEventKind.Raised, b.Sink[0].Kind);
            Assert.AreEqual(35.4, b.Sink[0].Value);
            Assert.AreEqual(4000L, b.Sink[0].MonotonicMilliseconds);
            Assert.IsTrue(b.Engine.IsAlerting("greenhouse-temp"));
        }

        [TestMethod]
        public void Above_InsideTheBand_DoesNotClear()
        {
            AlertBench b = new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0));
            b.At(1, 35.5);
            b.At(2, 34.0);
            b.At(3, 33.0);
            b.At(4, 35.5);
            b.At(5, 33.1);
            Assert.AreEqual(1, b.Sink.Count);
            b.At(6, 32.9);
            Assert.AreEqual(2, b.Sink.Count);
            Assert.AreEqual(AlertEventKind.Cleared, b.Sink[1].Kind);
            Assert.IsFalse(b.Engine.IsAlerting("greenhouse-temp"));
        }

        [TestMethod]
        public void Below_BatteryAlertsLowAndClearsAboveTheClearLevel()
        {
            AlertBench b = new AlertBench(AlertRule.Below("sensor-battery", SensorKind.Battery, 20.0, 25.0));
            b.At(1, 30.0);
            b.At(2, 20.0);
            Assert.AreEqual(0, b.Sink.Count);
            b.At(3, 19.9);
            b.At(4, 24.0);
            b.At(5, 25.0);
            Assert.AreEqual(1, b.Sink.Count);
            b.At(6, 25.1);
            Assert.AreEqual(2, b.Sink.Count);
            Assert.AreEqual(AlertEventKind.Raised, b.Sink[0].Kind);
            Assert.AreEqual(AlertEventKind.Cleared, b.Sink[1].Kind);
            Assert.AreEqual("[greenhouse-1] sensor-battery: battery 19.9 %, below 20.0 %", b.Sink[0].Subject);
            Assert.AreEqual("[greenhouse-1] sensor-battery: back to normal, 25.1 % (clear above 25.0 %)", b.Sink[1].Subject);
        }

        [TestMethod]
        public void Door_OpenRaisesAndClosedClears()
        {
            AlertBench b = new AlertBench(AlertRule.DoorOpen("front-door"));
            b.At(1, 0);
            b.At(2, 1);
            b.At(3, 1);
            b.At(4, 0);
            Assert.AreEqual(2, b.Sink.Count);
            Assert.AreEqual("[greenhouse-1] front-door: door open", b.Sink[0].Subject);
            Assert.AreEqual("[greenhouse-1] front-door: door closed", b.Sink[1].Subject);
        }

        [TestMethod]
        public void TemperatureSubjectAndBody_NameValueRuleAndTime()
        {
            AlertBench b = new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0));
            b.At(20, 35.43);
            AlertMessage m = b.Sink[0];
            Assert.AreEqual("[greenhouse-1] greenhouse-temp: temperature 35.4 \u00B0C, above 35.0 \u00B0C", m.Subject);
            Assert.AreEqual(
                "greenhouse-temp is above its threshold.\n"
                + "Value:  35.4 \u00B0C\n"
                + "Rule:   alert above 35.0 \u00B0C, clear below 33.0 \u00B0C\n"
                + "Device: greenhouse-1\n"
                + "Time:   2026-11-27 09:30:20 UTC\n"
                + "Uptime: 20.0 s\n",
                m.Body);
            Assert.IsTrue(m.HasUtc);
            Assert.AreEqual("greenhouse-temp", m.RuleName);
        }

        [TestMethod]
        public void UntrustedClock_NoUtcInTheAlert()
        {
            AlertBench b = new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0));
            b.Clock.IsUtcTrusted = false;
            b.At(5, 36);
            Assert.IsFalse(b.Sink[0].HasUtc);
            Assert.AreEqual(-1, b.Sink[0].Body.IndexOf("Time:"));
            Assert.IsTrue(b.Sink[0].Body.IndexOf("Uptime: 5.0 s") >= 0);
        }

        [TestMethod]
        public void OtherSensorsAndFailedReadings_ChangeNothing()
        {
            AlertBench b = new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0));
            b.Engine.Feed(new SensorSample("other-temp", SensorKind.Temperature, 99, 1000));
            b.At(2, double.NaN);
            b.At(3, double.PositiveInfinity);
            Assert.AreEqual(0, b.Sink.Count);
            Assert.IsFalse(b.Engine.IsAlerting("greenhouse-temp"));
        }

        [TestMethod]
        [DataRow(35.0, 36.0, true)]
        [DataRow(20.0, 19.0, false)]
        public void ClearLevelOnTheWrongSide_IsRefused(double threshold, double clear, bool above)
        {
            AlertRule r = new AlertRule("r", "s", SensorKind.Temperature, above ? AlertDirection.Above : AlertDirection.Below, threshold, clear, 3, 60000);
            Assert.IsNotNull(r.Validate());
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(33)]
        public void RateLimitOutOfRange_IsRefused(int maxAlerts)
        {
            AlertRule r = AlertRule.Above("s", SensorKind.Temperature, 35, 33).WithRateLimit(maxAlerts, 60000);
            Assert.IsNotNull(r.Validate());
        }

        [TestMethod]
        public void GoodRule_IsAccepted()
        {
            Assert.IsNull(AlertRule.Above("s", SensorKind.Temperature, 35, 33).Validate());
            Assert.IsNull(AlertRule.Below("b", SensorKind.Battery, 20, 25).Validate());
            Assert.IsNull(AlertRule.DoorOpen("d").Validate());
        }

        [TestMethod]
        [DataRow(35.43, 1, "35.4")]
        [DataRow(35.45, 1, "35.5")]
        [DataRow(-0.04, 1, "0.0")]
        [DataRow(-12.5, 1, "-12.5")]
        [DataRow(0.0, 0, "0")]
        [DataRow(99.999, 2, "100.00")]
        public void FormatFixed_RoundsHalfAwayFromZero(double value, int decimals, string expected)
        {
            Assert.AreEqual(expected, AlertText.FormatFixed(value, decimals));
        }
    }
}

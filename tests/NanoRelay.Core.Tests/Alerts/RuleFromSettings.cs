#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Alerts;

namespace NanoRelay.Core.Tests.Alerts
{
    /// <summary>A config "sensors" entry becomes the same rule on the board (NaN and 0 for "not set") as on the host.</summary>
    [TestClass]
    public class RuleFromSettings
    {
        [TestMethod]
        public void AlertAbove_WithClearBelow_IsAnAboveRuleWithThatBand()
        {
            AlertRule r = AlertRule.FromSettings("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0, double.NaN, double.NaN, 0, 0);
            Assert.IsNotNull(r);
            Assert.AreEqual("greenhouse-temp", r.Name);
            Assert.AreEqual("greenhouse-temp", r.SensorName);
            Assert.IsTrue(r.Direction == AlertDirection.Above);
            Assert.AreEqual(35.0, r.Threshold);
            Assert.AreEqual(33.0, r.ClearLevel);
            Assert.AreEqual(AlertRule.DefaultMaxAlerts, r.MaxAlerts);
            Assert.AreEqual(AlertRule.DefaultWindowMilliseconds, r.WindowMilliseconds);
            Assert.IsNull(r.Validate());
        }

        [TestMethod]
        public void AlertBelow_WithoutClearAbove_ClearsAtTheThreshold_AndTakesTheRateLimit()
        {
            AlertRule r = AlertRule.FromSettings("sensor-battery", SensorKind.Battery, double.NaN, double.NaN, 20.0, double.NaN, 3, 60);
            Assert.IsNotNull(r);
            Assert.IsTrue(r.Direction == AlertDirection.Below);
            Assert.AreEqual(20.0, r.Threshold);
            Assert.AreEqual(20.0, r.ClearLevel);
            Assert.AreEqual(3, r.MaxAlerts);
            Assert.AreEqual(60000L, r.WindowMilliseconds);
        }

        [TestMethod]
        public void Door_AlertsWhileOpen_WhateverTheThresholds()
        {
            AlertRule r = AlertRule.FromSettings("front-door", SensorKind.Door, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0);
            Assert.IsNotNull(r);
            Assert.IsTrue(r.IsAlarm(1));
            Assert.IsFalse(r.IsAlarm(0));
            Assert.IsTrue(r.IsClear(0));
        }

        [TestMethod]
        public void NoThreshold_IsNoRule()
        {
            Assert.IsNull(AlertRule.FromSettings("greenhouse-humidity", SensorKind.Humidity, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0));
        }

        [TestMethod]
        public void ClearBelowAboveTheThreshold_IsBuilt_ButValidateNamesTheProblem()
        {
            AlertRule r = AlertRule.FromSettings("greenhouse-temp", SensorKind.Temperature, 35.0, 36.0, double.NaN, double.NaN, 0, 0);
            Assert.IsNotNull(r);
            Assert.AreEqual("clearBelow must not be above alertAbove", r.Validate());
        }
    }
}

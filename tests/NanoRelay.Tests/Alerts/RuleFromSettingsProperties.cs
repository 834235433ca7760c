using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Alerts;
using NanoRelay.Config;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Sensors;

namespace NanoRelay.Tests.Alerts
{
    /// <summary>
    /// The device builds its rules with <see cref="AlertRule.FromSettings"/> (NaN and 0 for "not set"),
    /// the host with SensorSetup.RuleOf (nullable fields): for every entry both build the same rule.
    /// </summary>
    [TestClass]
    public class RuleFromSettingsProperties
    {
        private static readonly Gen<double?> Level = Gen.Double[-50, 150].Nullable(0.5);

        [TestMethod]
        public void DeviceAndHost_BuildTheSameRule_ForEveryConfigEntry()
        {
            Gen.Select(Gen.Int[0, 3], Level, Level, Level, Level, Gen.Int[1, 32].Nullable(0.5), Gen.Int[1, 604800].Nullable(0.5))
                .Sample(t =>
                {
                    (int kindIndex, double? above, double? clearBelow, double? below, double? clearAbove, int? maxAlerts, int? window) = t;
                    SensorKind kind = (SensorKind)kindIndex;
                    SensorSection s = new SensorSection
                    {
                        Name = "s1", Kind = SensorKinds.NameOf(kind), AlertAbove = above ?? double.NaN, ClearBelow = clearBelow ?? double.NaN,
                        AlertBelow = below ?? double.NaN, ClearAbove = clearAbove ?? double.NaN,
                        MaxAlerts = maxAlerts ?? ConfigDefaults.NotGiven, WindowSeconds = window ?? ConfigDefaults.NotGiven,
                    };
                    AlertRule host = SensorSetup.RuleOf(s, kind);
                    AlertRule device = AlertRule.FromSettings("s1", kind, above ?? double.NaN, clearBelow ?? double.NaN, below ?? double.NaN, clearAbove ?? double.NaN, maxAlerts ?? 0, window ?? 0);
                    if (host == null || device == null)
                    {
                        return host == null && device == null;
                    }

                    return host.Name == device.Name && host.SensorName == device.SensorName && host.Kind == device.Kind
                        && host.Direction == device.Direction && host.Threshold.Equals(device.Threshold) && host.ClearLevel.Equals(device.ClearLevel)
                        && host.MaxAlerts == device.MaxAlerts && host.WindowMilliseconds == device.WindowMilliseconds && host.Validate() == device.Validate();
                });
        }
    }
}

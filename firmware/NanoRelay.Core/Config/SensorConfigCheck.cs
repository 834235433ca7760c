using NanoRelay.Alerts;

namespace NanoRelay.Config
{
    /// <summary>
    /// The "sensors" entries' rules, part of <see cref="ConfigCheck"/>: a name used once, a known
    /// kind, thresholds that make one rule (<see cref="AlertRule.FromSettings"/>). Where a reading
    /// comes from ("source") is the platform's: a simulation or replay on the host, a board.json
    /// input on the device.
    /// </summary>
    public static class SensorConfigCheck
    {
        /// <summary>Null when every entry makes a rule (or none), else one line "sensors[i].field: problem".</summary>
        public static string First(SensorSection[] sensors)
        {
            for (int i = 0; sensors != null && i < sensors.Length; i++)
            {
                string problem = Entry(sensors, i);
                if (problem != null)
                {
                    return problem;
                }
            }

            return null;
        }

        private static string Entry(SensorSection[] sensors, int i)
        {
            SensorSection s = sensors[i];
            string at = "sensors[" + i.ToString() + "].";
            if (s == null || s.Name == null || s.Name.Trim().Length == 0)
            {
                return at + "name: is required";
            }

            for (int j = 0; j < i; j++)
            {
                if (sensors[j].Name == s.Name)
                {
                    return at + "name: '" + s.Name + "' is used twice";
                }
            }

            SensorKind kind;
            if (!SensorKinds.TryParse(s.Kind, out kind))
            {
                return at + "kind: must be temperature, humidity, door or battery, not '" + s.Kind + "'";
            }

            bool above = !double.IsNaN(s.AlertAbove);
            bool below = !double.IsNaN(s.AlertBelow);
            if (kind == SensorKind.Door && (above || below || !double.IsNaN(s.ClearBelow) || !double.IsNaN(s.ClearAbove)))
            {
                return at + "alertAbove: a door alerts while open; thresholds do not apply";
            }

            if (above && below)
            {
                return at + "alertBelow: give alertAbove or alertBelow, not both";
            }

            if (!double.IsNaN(s.ClearBelow) && !above)
            {
                return at + "clearBelow: needs alertAbove";
            }

            if (!double.IsNaN(s.ClearAbove) && !below)
            {
                return at + "clearAbove: needs alertBelow";
            }

            if (s.MaxAlerts != ConfigDefaults.NotGiven && (s.MaxAlerts < 1 || s.MaxAlerts > Limits.AlertsPerWindowMax))
            {
                return at + "maxAlerts: must be 1-" + Limits.AlertsPerWindowMax.ToString() + ", not " + s.MaxAlerts.ToString();
            }

            if (s.WindowSeconds != ConfigDefaults.NotGiven && (s.WindowSeconds < 1 || s.WindowSeconds > Limits.AlertWindowSecondsMax))
            {
                return at + "windowSeconds: must be 1-" + Limits.AlertWindowSecondsMax.ToString() + ", not " + s.WindowSeconds.ToString();
            }

            AlertRule rule = AlertRule.FromSettings(s.Name, kind, s.AlertAbove, s.ClearBelow, s.AlertBelow, s.ClearAbove, Given(s.MaxAlerts), Given(s.WindowSeconds));
            string problem = rule == null ? null : rule.Validate();
            return problem == null ? null : at + (above ? "clearBelow: " : "clearAbove: ") + problem;
        }

        /// <summary>The rule's number: <see cref="AlertRule.FromSettings"/> reads 0 as its default.</summary>
        public static int Given(int value)
        {
            return value == ConfigDefaults.NotGiven ? 0 : value;
        }
    }
}

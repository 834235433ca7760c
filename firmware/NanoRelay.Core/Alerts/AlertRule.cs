namespace NanoRelay.Alerts
{
    /// <summary>
    /// One alert rule: a threshold with hysteresis on one sensor, and a rate limit. Above: alert
    /// when value &gt; threshold, clear when value &lt; clear level. Below: alert when value &lt;
    /// threshold, clear when value &gt; clear level. A door alerts while open (value 1).
    /// </summary>
    public sealed class AlertRule
    {
        /// <summary>Alerts a rule may send per window unless the config says otherwise.</summary>
        public const int DefaultMaxAlerts = 6;

        /// <summary>The rate-limit window unless the config says otherwise: ten minutes.</summary>
        public const long DefaultWindowMilliseconds = 10 * 60 * 1000;

        public AlertRule(string name, string sensorName, SensorKind kind, AlertDirection direction, double threshold, double clearLevel, int maxAlerts, long windowMilliseconds)
        {
            Name = name;
            SensorName = sensorName;
            Kind = kind;
            Direction = direction;
            Threshold = threshold;
            ClearLevel = clearLevel;
            MaxAlerts = maxAlerts;
            WindowMilliseconds = windowMilliseconds;
        }

        /// <summary>A rule that alerts above <paramref name="alertAbove"/> and clears below <paramref name="clearBelow"/>.</summary>
        public static AlertRule Above(string sensorName, SensorKind kind, double alertAbove, double clearBelow)
        {
            return new AlertRule(sensorName, sensorName, kind, AlertDirection.Above, alertAbove, clearBelow, DefaultMaxAlerts, DefaultWindowMilliseconds);
        }

        /// <summary>A rule that alerts below <paramref name="alertBelow"/> and clears above <paramref name="clearAbove"/>.</summary>
        public static AlertRule Below(string sensorName, SensorKind kind, double alertBelow, double clearAbove)
        {
            return new AlertRule(sensorName, sensorName, kind, AlertDirection.Below, alertBelow, clearAbove, DefaultMaxAlerts, DefaultWindowMilliseconds);
        }

        /// <summary>A rule that alerts while a door is open (1) and clears when it is closed (0).</summary>
        public static AlertRule DoorOpen(string sensorName)
        {
            return new AlertRule(sensorName, sensorName, SensorKind.Door, AlertDirection.Above, 0.5, 0.5, DefaultMaxAlerts, DefaultWindowMilliseconds);
        }

        /// <summary>
        /// The rule of one config "sensors" entry, the same on the board and the host: a door alerts
        /// while open; otherwise alertAbove (clearing below clearBelow, or at the threshold when not
        /// given) or alertBelow (clearing above clearAbove). Not-set thresholds are NaN and a
        /// not-set maxAlerts or windowSeconds is 0 (the defaults), because nanoFramework has no
        /// nullable value types. Null when the entry has no threshold (a sensor only sampled).
        /// The result is not validated: <see cref="Validate"/> names the problem.
        /// </summary>
        public static AlertRule FromSettings(string sensorName, SensorKind kind, double alertAbove, double clearBelow, double alertBelow, double clearAbove, int maxAlerts, int windowSeconds)
        {
            AlertRule rule;
            if (kind == SensorKind.Door)
            {
                rule = DoorOpen(sensorName);
            }
            else if (!double.IsNaN(alertAbove))
            {
                rule = Above(sensorName, kind, alertAbove, double.IsNaN(clearBelow) ? alertAbove : clearBelow);
            }
            else if (!double.IsNaN(alertBelow))
            {
                rule = Below(sensorName, kind, alertBelow, double.IsNaN(clearAbove) ? alertBelow : clearAbove);
            }
            else
            {
                return null;
            }

            return rule.WithRateLimit(maxAlerts != 0 ? maxAlerts : DefaultMaxAlerts, windowSeconds != 0 ? windowSeconds * 1000L : DefaultWindowMilliseconds);
        }

        /// <summary>The rule's name (the sensor's name for rules built from the config).</summary>
        public string Name { get; private set; }

        public string SensorName { get; private set; }

        public SensorKind Kind { get; private set; }

        public AlertDirection Direction { get; private set; }

        /// <summary>alertAbove or alertBelow.</summary>
        public double Threshold { get; private set; }

        /// <summary>clearBelow or clearAbove: the hysteresis band ends here.</summary>
        public double ClearLevel { get; private set; }

        /// <summary>At most this many messages per <see cref="WindowMilliseconds"/>; more changes go into a digest.</summary>
        public int MaxAlerts { get; private set; }

        public long WindowMilliseconds { get; private set; }

        /// <summary>A copy with another rate limit.</summary>
        public AlertRule WithRateLimit(int maxAlerts, long windowMilliseconds)
        {
            return new AlertRule(Name, SensorName, Kind, Direction, Threshold, ClearLevel, maxAlerts, windowMilliseconds);
        }

        /// <summary>Null when the rule is usable, else the problem in a few words (the caller names the field).</summary>
        public string Validate()
        {
            if (Name == null || Name.Length == 0 || SensorName == null || SensorName.Length == 0)
            {
                return "a rule needs a name and a sensor";
            }

            if (double.IsNaN(Threshold) || double.IsInfinity(Threshold) || double.IsNaN(ClearLevel) || double.IsInfinity(ClearLevel))
            {
                return "thresholds must be finite numbers";
            }

            if (Direction == AlertDirection.Above && ClearLevel > Threshold)
            {
                return "clearBelow must not be above alertAbove";
            }

            if (Direction == AlertDirection.Below && ClearLevel < Threshold)
            {
                return "clearAbove must not be below alertBelow";
            }

            if (MaxAlerts < 1 || MaxAlerts > Limits.AlertsPerWindowMax)
            {
                return "maxAlerts must be 1-32";
            }

            if (WindowMilliseconds < 1000)
            {
                return "the window must be at least one second";
            }

            return null;
        }

        /// <summary>Whether a normal rule starts alerting at this value.</summary>
        public bool IsAlarm(double value)
        {
            return Direction == AlertDirection.Above ? value > Threshold : value < Threshold;
        }

        /// <summary>Whether an alerting rule goes back to normal at this value (the far side of the hysteresis band).</summary>
        public bool IsClear(double value)
        {
            return Direction == AlertDirection.Above ? value < ClearLevel : value > ClearLevel;
        }
    }
}

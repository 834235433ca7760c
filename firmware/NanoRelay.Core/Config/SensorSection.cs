namespace NanoRelay.Config
{
    /// <summary>One entry of "sensors": a reading and the rule that alerts on it.</summary>
    public sealed class SensorSection
    {
        public string Name { get; set; }

        /// <summary>temperature, humidity, door or battery.</summary>
        public string Kind { get; set; }

        public string Source { get; set; } = "simulated";

        // Nullable value types are generic (Nullable of T), which nanoFramework lacks: NaN means "not given".
        public double AlertAbove { get; set; } = double.NaN;

        public double ClearBelow { get; set; } = double.NaN;

        public double AlertBelow { get; set; } = double.NaN;

        public double ClearAbove { get; set; } = double.NaN;

        /// <summary>Rate limit per rule; <see cref="ConfigDefaults.NotGiven"/>: the core's default.</summary>
        public int MaxAlerts { get; set; } = ConfigDefaults.NotGiven;

        public int WindowSeconds { get; set; } = ConfigDefaults.NotGiven;

        /// <summary>The simulation's seed (host only); <see cref="ConfigDefaults.NotGiven"/>: derived from the name.</summary>
        public long Seed { get; set; } = ConfigDefaults.NotGiven;

        /// <summary>The CSV file for source "replay" (host only).</summary>
        public string File { get; set; }
    }
}

using System.Collections.Generic;
using NanoRelay.Alerts;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>The rules and sample sources a sensor config turns into.</summary>
    public sealed class SensorPlan
    {
        public SensorPlan(IReadOnlyList<AlertRule> rules, IReadOnlyList<ISensorSource> sources)
        {
            Rules = rules;
            Sources = sources;
        }

        public IReadOnlyList<AlertRule> Rules { get; }

        public IReadOnlyList<ISensorSource> Sources { get; }
    }
}

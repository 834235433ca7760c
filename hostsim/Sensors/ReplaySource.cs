using System.Collections.Generic;
using NanoRelay.Alerts;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>
    /// Feeds the rows of a <see cref="ReplayFile"/> for the sensors it was given, each exactly
    /// once, stamped with its own time (start + time_seconds), as soon as the loop's clock
    /// passes it. Rows of other sensors are skipped.
    /// </summary>
    public sealed class ReplaySource : ISensorSource
    {
        private readonly ReplayFile _file;
        private readonly Dictionary<string, SensorKind> _sensors;
        private int _next;

        public ReplaySource(ReplayFile file, IReadOnlyDictionary<string, SensorKind> sensors)
        {
            _file = file;
            _sensors = new Dictionary<string, SensorKind>(sensors);
        }

        /// <summary>Whether every row was fed.</summary>
        public bool Finished { get { return _next >= _file.Rows.Count; } }

        public void Collect(long startMs, long elapsedMs, List<SensorSample> into)
        {
            while (_next < _file.Rows.Count && _file.Rows[_next].TimeMs <= elapsedMs)
            {
                ReplayRow row = _file.Rows[_next++];
                if (_sensors.TryGetValue(row.Sensor, out SensorKind kind))
                {
                    into.Add(new SensorSample(row.Sensor, kind, row.Value, startMs + row.TimeMs));
                }
            }
        }
    }
}

using System.Collections.Generic;
using NanoRelay.Alerts;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>Something the <see cref="SensorLoop"/> asks for samples on each tick: a simulated sensor or a replay file.</summary>
    public interface ISensorSource
    {
        /// <summary>Adds the samples due at <paramref name="elapsedMs"/> after the loop started (at monotonic <paramref name="startMs"/>).</summary>
        void Collect(long startMs, long elapsedMs, List<SensorSample> into);
    }
}

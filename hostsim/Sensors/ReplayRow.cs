namespace NanoRelay.HostSim.Sensors
{
    /// <summary>One line of a replay file: at <see cref="TimeMs"/> after start, sensor <see cref="Sensor"/> reads <see cref="Value"/>.</summary>
    public readonly record struct ReplayRow(long TimeMs, string Sensor, double Value, int Line);
}

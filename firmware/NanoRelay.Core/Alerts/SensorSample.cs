namespace NanoRelay.Alerts
{
    /// <summary>One reading of one sensor at a monotonic time (door: 1 open, 0 closed).</summary>
    public sealed class SensorSample
    {
        public SensorSample(string name, SensorKind kind, double value, long monotonicMilliseconds)
        {
            Name = name;
            Kind = kind;
            Value = value;
            MonotonicMilliseconds = monotonicMilliseconds;
        }

        public string Name { get; private set; }

        public SensorKind Kind { get; private set; }

        public double Value { get; private set; }

        /// <summary>When the reading was taken, on the relay's monotonic clock.</summary>
        public long MonotonicMilliseconds { get; private set; }
    }
}

using System.Collections.Generic;
using NanoRelay.Alerts;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>
    /// A simulated sensor: its value is a pure function of the time since start and a seed, so a
    /// run samples the same values whatever the sampling period, and tests can predict them.
    /// </summary>
    public abstract class SimulatedSensor : ISensorSource
    {
        protected SimulatedSensor(string name, SensorKind kind, ulong seed)
        {
            Name = name;
            Kind = kind;
            Seed = seed;
        }

        public string Name { get; }

        public SensorKind Kind { get; }

        public ulong Seed { get; }

        /// <summary>The value at <paramref name="elapsedMs"/> since start.</summary>
        public abstract double Read(long elapsedMs);

        public void Collect(long startMs, long elapsedMs, List<SensorSample> into)
        {
            into.Add(new SensorSample(Name, Kind, Read(elapsedMs), startMs + elapsedMs));
        }

        /// <summary>A deterministic number in [0, 1) for (seed, step): SplitMix64, no state carried between reads.</summary>
        public static double Noise01(ulong seed, long step)
        {
            ulong z = seed + (0x9E3779B97F4A7C15UL * (ulong)(step + 1));
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }

        /// <summary>A stable seed from a sensor name (FNV-1a; string.GetHashCode changes per process).</summary>
        public static ulong SeedOf(string name)
        {
            ulong h = 14695981039346656037UL;
            foreach (char c in name)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            return h;
        }
    }
}

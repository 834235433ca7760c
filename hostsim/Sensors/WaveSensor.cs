using System;
using NanoRelay.Alerts;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>
    /// A slow sine (a day in a greenhouse, compressed) plus a little seeded noise, held per
    /// second. Built from a rule, it crosses the alert threshold at a chosen time after start,
    /// goes back past the clear level later in the period, and its noise stays inside the
    /// hysteresis band, so the rule changes state twice per period and never flaps.
    /// </summary>
    public sealed class WaveSensor : SimulatedSensor
    {
        public WaveSensor(string name, SensorKind kind, ulong seed, double mean, double amplitude, double periodSeconds, double phase, double noise)
            : base(name, kind, seed)
        {
            Mean = mean;
            Amplitude = amplitude;
            PeriodSeconds = periodSeconds;
            Phase = phase;
            NoiseAmplitude = noise;
        }

        public double Mean { get; }

        public double Amplitude { get; }

        public double PeriodSeconds { get; }

        public double Phase { get; }

        public double NoiseAmplitude { get; }

        /// <summary>
        /// A wave for a rule: it swings past both ends of the hysteresis band and first passes
        /// the alert threshold (rising for "above", falling for "below") at
        /// <paramref name="firstCrossingSeconds"/>; noise is a third of the band.
        /// </summary>
        public static WaveSensor ForRule(string name, SensorKind kind, ulong seed, AlertDirection direction, double threshold, double clearLevel, double periodSeconds, double firstCrossingSeconds)
        {
            double band = Math.Max(Math.Abs(threshold - clearLevel), 0.5);
            double mean = (threshold + clearLevel) / 2;
            double amplitude = (band / 2) + (band * 1.5);

            // Above: mean + A*sin(x) rises through threshold where sin(x) = (threshold-mean)/A.
            // Below: mirror it, mean - A*sin(x) falls through threshold at the same x.
            double sign = direction == AlertDirection.Above ? 1 : -1;
            double crossing = Math.Asin(sign * (threshold - mean) / amplitude);
            double phase = crossing - (2 * Math.PI * firstCrossingSeconds / periodSeconds);
            return new WaveSensor(name, kind, seed, mean, sign * amplitude, periodSeconds, phase, band / 3);
        }

        public override double Read(long elapsedMs)
        {
            double t = elapsedMs / 1000.0;
            double wave = Mean + (Amplitude * Math.Sin((2 * Math.PI * t / PeriodSeconds) + Phase));
            double noise = ((Noise01(Seed, elapsedMs / 1000) * 2) - 1) * NoiseAmplitude / 2;
            double v = wave + noise;
            if (Kind == SensorKind.Humidity || Kind == SensorKind.Battery)
            {
                v = Math.Clamp(v, 0, 100);
            }

            return Math.Round(v, 1);   // a real sensor reports tenths; so do we, and "35.0" never reads as an alarm
        }
    }
}

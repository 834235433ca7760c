using NanoRelay.Alerts;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>
    /// A door (1 open, 0 closed) on a fixed schedule per cycle: someone walks through once, and
    /// later a gust bangs it open and shut several times, which is what a flapping rule looks
    /// like. The seed shifts the schedule by a few seconds.
    /// </summary>
    public sealed class DoorSensor : SimulatedSensor
    {
        public DoorSensor(string name, ulong seed)
            : this(name, seed, 1800, 45, 6, 300, 8, 2, 3)
        {
        }

        public DoorSensor(string name, ulong seed, int cycleSeconds, int openAtSeconds, int openForSeconds, int gustAtSeconds, int bangs, int bangOpenSeconds, int bangClosedSeconds)
            : base(name, SensorKind.Door, seed)
        {
            CycleSeconds = cycleSeconds;
            int shift = (int)(Noise01(seed, 0) * 5);   // 0-4 s
            OpenAtSeconds = openAtSeconds + shift;
            OpenForSeconds = openForSeconds;
            GustAtSeconds = gustAtSeconds + shift;
            Bangs = bangs;
            BangOpenSeconds = bangOpenSeconds;
            BangClosedSeconds = bangClosedSeconds;
        }

        public int CycleSeconds { get; }

        public int OpenAtSeconds { get; }

        public int OpenForSeconds { get; }

        public int GustAtSeconds { get; }

        public int Bangs { get; }

        public int BangOpenSeconds { get; }

        public int BangClosedSeconds { get; }

        public override double Read(long elapsedMs)
        {
            long s = (elapsedMs / 1000) % CycleSeconds;
            if (s >= OpenAtSeconds && s < OpenAtSeconds + OpenForSeconds)
            {
                return 1;
            }

            long g = s - GustAtSeconds;
            int bang = BangOpenSeconds + BangClosedSeconds;
            if (g >= 0 && g < (long)Bangs * bang)
            {
                return g % bang < BangOpenSeconds ? 1 : 0;
            }

            return 0;
        }
    }
}

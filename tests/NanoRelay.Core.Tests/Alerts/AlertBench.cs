using NanoRelay.Alerts;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Alerts
{
    /// <summary>An engine, a manual clock and a recording sink, driven at given seconds.</summary>
    internal sealed class AlertBench
    {
        public AlertBench(AlertRule rule)
        {
            Clock = new ManualClock();
            Sink = new RecordingAlertSink(Clock);
            Engine = new AlertEngine("greenhouse-1", Clock, Sink);
            Engine.Add(rule);
            Rule = rule;
        }

        public ManualClock Clock { get; private set; }

        public RecordingAlertSink Sink { get; private set; }

        public AlertEngine Engine { get; private set; }

        public AlertRule Rule { get; private set; }

        /// <summary>Moves the clock to <paramref name="seconds"/> and feeds one sample of the rule's sensor.</summary>
        public void At(double seconds, double value)
        {
            MoveTo(seconds);
            Engine.Feed(new SensorSample(Rule.SensorName, Rule.Kind, value, Clock.MonotonicMilliseconds));
        }

        /// <summary>Moves the clock to <paramref name="seconds"/> and lets due digests go.</summary>
        public void PollAt(double seconds)
        {
            MoveTo(seconds);
            Engine.Poll(Clock.MonotonicMilliseconds);
        }

        private void MoveTo(double seconds)
        {
            long ms = (long)(seconds * 1000);
            if (ms > Clock.MonotonicMilliseconds)
            {
                Clock.Advance(ms - Clock.MonotonicMilliseconds);
            }
        }
    }
}

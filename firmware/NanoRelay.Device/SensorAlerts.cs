using NanoRelay.Alerts;
using NanoRelay.Boards;
using NanoRelay.Config;
using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>
    /// Binds the board's inputs to the config's sensors (a sensor's "source" names a board.json
    /// input) and feeds their raw readings into the core's <see cref="AlertEngine"/>, whose rules
    /// come from the same config fields as on the host (<see cref="AlertRule.FromSettings"/>).
    /// </summary>
    public sealed class SensorAlerts
    {
        private readonly AlertEngine _engine;
        private readonly IClock _clock;
        private readonly string[] _inputs;
        private readonly string[] _names;
        private readonly SensorKind[] _kinds;
        private int _count;

        private SensorAlerts(AlertEngine engine, IClock clock, int max)
        {
            _engine = engine;
            _clock = clock;
            _inputs = new string[max];
            _names = new string[max];
            _kinds = new SensorKind[max];
        }

        /// <summary>Config sensors bound to a board input.</summary>
        public int Bound { get { return _count; } }

        /// <summary>The binding; an entry that names no input of this board or has a bad rule is logged ("sensors[i].field: problem") and left out.</summary>
        public static SensorAlerts Create(SensorSection[] sensors, SensorPin[] pins, string device, IClock clock, IAlertSink sink, ILog log)
        {
            SensorAlerts b = new SensorAlerts(new AlertEngine(device, clock, sink), clock, sensors.Length);
            for (int i = 0; i < sensors.Length; i++)
            {
                SensorSection s = sensors[i];
                string at = "sensors[" + i + "].";
                SensorKind kind;
                if (s == null || !SensorKinds.TryParse(s.Kind, out kind))
                {
                    log.Write(LogLevel.Error, "sensors", at + "kind: must be temperature, humidity, door or battery; not watched");
                    continue;
                }

                if (!HasInput(pins, s.Source))
                {
                    log.Write(LogLevel.Warning, "sensors", at + "source: '" + s.Source + "' is not an input in board.json; not watched");
                    continue;
                }

                AlertRule rule = AlertRule.FromSettings(s.Name, kind, s.AlertAbove, s.ClearBelow, s.AlertBelow, s.ClearAbove, SensorConfigCheck.Given(s.MaxAlerts), SensorConfigCheck.Given(s.WindowSeconds));
                string problem = rule == null ? null : rule.Validate();
                if (problem != null)
                {
                    log.Write(LogLevel.Error, "sensors", "sensors[" + i + "]: " + problem + "; not watched");
                    continue;
                }

                if (rule != null)
                {
                    b._engine.Add(rule);
                }

                b._inputs[b._count] = s.Source;
                b._names[b._count] = s.Name;
                b._kinds[b._count++] = kind;
                log.Write(LogLevel.Info, "sensors", s.Name + " (" + s.Kind + ") on input " + s.Source + (rule == null ? ", sampled only" : ""));
            }

            return b;
        }

        /// <summary>One raw reading of a board input (a <see cref="SampleHandler"/>).</summary>
        public void Feed(string input, double value)
        {
            long now = _clock.MonotonicMilliseconds;
            for (int k = 0; k < _count; k++)
            {
                if (_inputs[k] == input)
                {
                    _engine.Feed(new SensorSample(_names[k], _kinds[k], value, now));
                }
            }
        }

        /// <summary>Lets due digests go when no sample changed anything (after each sampling round).</summary>
        public void Poll()
        {
            _engine.Poll(_clock.MonotonicMilliseconds);
        }

        private static bool HasInput(SensorPin[] pins, string name)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i].Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

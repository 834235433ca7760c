using System;
using System.Collections.Generic;
using System.IO;
using NanoRelay.Alerts;
using NanoRelay.Config;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>
    /// From the config's "sensors" entries to alert rules and sample sources: the embedded
    /// default sensors, validation with one-line errors naming the field, and the mapping.
    /// </summary>
    public static class SensorSetup
    {
        /// <summary>How a simulated wave is shaped per kind: period and when it first crosses its threshold.</summary>
        private static readonly Dictionary<SensorKind, (double Period, double FirstCrossing)> s_waves = new()
        {
            // Temperature crosses within 18 s (noise moves it by at most 8 s): the README's
            // promise that the mailbox holds an alert within a minute of start rests on this.
            [SensorKind.Temperature] = (600, 18),
            [SensorKind.Humidity] = (1800, 90),
            [SensorKind.Battery] = (2400, 180),
        };

        /// <summary>The sensors of `dotnet run --project hostsim` without a config: one of each kind.</summary>
        public static SensorSection[] EmbeddedDefaults()
        {
            return new[]
            {
                new SensorSection { Name = "greenhouse-temp", Kind = "temperature", AlertAbove = 35.0, ClearBelow = 33.0 },
                new SensorSection { Name = "greenhouse-humidity", Kind = "humidity", AlertAbove = 85.0, ClearBelow = 80.0 },
                new SensorSection { Name = "front-door", Kind = "door" },
                new SensorSection { Name = "sensor-battery", Kind = "battery", AlertBelow = 20.0, ClearAbove = 25.0 },
            };
        }

        /// <summary>
        /// Checks what only the host has in the "sensors" entries (the core's ConfigCheck has checked
        /// names, kinds and rules): a name a replay CSV can hold, source simulated or replay, and the
        /// replay file; throws <see cref="ConfigException"/> ("sensors[i].field: problem") at the first problem.
        /// </summary>
        public static void Validate(HostConfig config)
        {
            SensorSection[] sensors = config.Sensors ?? Array.Empty<SensorSection>();
            for (int i = 0; i < sensors.Length; i++)
            {
                SensorSection s = sensors[i];
                string at = "sensors[" + i + "].";
                Require(ReplayFile.IsSensorName(s.Name), at + "name", "'" + s.Name + "' must be a name of letters, digits, '.', '_' or '-' (at most 64)");
                Require(s.Source is "simulated" or "replay", at + "source", "must be simulated or replay, not '" + s.Source + "'");
                if (s.Source == "replay")
                {
                    Require(!string.IsNullOrEmpty(s.File), at + "file", "is required with source replay (a CSV of time_seconds,sensor,value)");
                    Require(File.Exists(config.Resolve(s.File)), at + "file", "no such file: " + config.Resolve(s.File));
                }
            }
        }

        /// <summary>The rules and sources for these entries (validated first); replay files are read here.</summary>
        public static SensorPlan Build(SensorSection[] sections, Func<string, string> resolvePath)
        {
            List<AlertRule> rules = new List<AlertRule>();
            List<ISensorSource> sources = new List<ISensorSource>();
            Dictionary<string, Dictionary<string, SensorKind>> replays = new Dictionary<string, Dictionary<string, SensorKind>>(StringComparer.Ordinal);
            Dictionary<string, int> replayIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < sections.Length; i++)
            {
                SensorSection s = sections[i];
                SensorKinds.TryParse(s.Kind, out SensorKind kind);
                AlertRule rule = RuleOf(s, kind);
                if (rule != null)
                {
                    rules.Add(rule);
                }

                if (s.Source == "replay")
                {
                    string path = resolvePath(s.File);
                    if (!replays.TryGetValue(path, out Dictionary<string, SensorKind> names))
                    {
                        replays[path] = names = new Dictionary<string, SensorKind>(StringComparer.Ordinal);
                        replayIndex[path] = i;
                    }

                    names[s.Name] = kind;
                    continue;
                }

                sources.Add(Simulate(s, kind, rule));
            }

            foreach (KeyValuePair<string, Dictionary<string, SensorKind>> r in replays)
            {
                if (!ReplayFile.TryLoad(r.Key, out ReplayFile file, out string error))
                {
                    throw new ConfigException("sensors[" + replayIndex[r.Key] + "].file: " + error);
                }

                sources.Add(new ReplaySource(file, r.Value));
            }

            return new SensorPlan(rules, sources);
        }

        /// <summary>The rule of one entry, or null when it has no threshold (a sensor that is only sampled).</summary>
        public static AlertRule RuleOf(SensorSection s, SensorKind kind)
        {
            AlertRule rule;
            if (kind == SensorKind.Door)
            {
                rule = AlertRule.DoorOpen(s.Name);
            }
            else if (!double.IsNaN(s.AlertAbove))
            {
                rule = AlertRule.Above(s.Name, kind, s.AlertAbove, double.IsNaN(s.ClearBelow) ? s.AlertAbove : s.ClearBelow);
            }
            else if (!double.IsNaN(s.AlertBelow))
            {
                rule = AlertRule.Below(s.Name, kind, s.AlertBelow, double.IsNaN(s.ClearAbove) ? s.AlertBelow : s.ClearAbove);
            }
            else
            {
                return null;
            }

            return rule.WithRateLimit(s.MaxAlerts != ConfigDefaults.NotGiven ? s.MaxAlerts : AlertRule.DefaultMaxAlerts, s.WindowSeconds != ConfigDefaults.NotGiven ? s.WindowSeconds * 1000L : AlertRule.DefaultWindowMilliseconds);
        }

        private static SimulatedSensor Simulate(SensorSection s, SensorKind kind, AlertRule rule)
        {
            ulong seed = s.Seed != ConfigDefaults.NotGiven ? (ulong)s.Seed : SimulatedSensor.SeedOf(s.Name);
            if (kind == SensorKind.Door)
            {
                return new DoorSensor(s.Name, seed);
            }

            (double period, double crossing) = s_waves[kind];
            if (rule != null)
            {
                return WaveSensor.ForRule(s.Name, kind, seed, rule.Direction, rule.Threshold, rule.ClearLevel, period, crossing);
            }

            // No threshold: a plausible value that moves, for the status and the trace.
            return kind switch
            {
                SensorKind.Humidity => new WaveSensor(s.Name, kind, seed, 55, 10, period, 0, 1),
                SensorKind.Battery => new WaveSensor(s.Name, kind, seed, 80, 5, period, 0, 0.5),
                _ => new WaveSensor(s.Name, kind, seed, 22, 3, period, 0, 0.3),
            };
        }

        private static void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                throw new ConfigException(field + ": " + problem);
            }
        }
    }
}

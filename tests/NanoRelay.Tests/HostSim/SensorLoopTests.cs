using System;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Alerts;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Sensors;
using NanoRelay.Testing;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>Simulated sensors with the embedded defaults: deterministic, and an alert early enough for the README's promise.</summary>
    [TestClass]
    public class SensorLoopTests
    {
        private static (SensorLoop Loop, ManualClock Clock, RecordingAlertSink Sink) Defaults()
        {
            ManualClock clock = new ManualClock();
            RecordingAlertSink sink = new RecordingAlertSink(clock);
            SensorLoop loop = SensorLoop.FromConfig(new HostConfig(), true, clock, sink, new MemoryLog());
            return (loop, clock, sink);
        }

        private static void RunFor(SensorLoop loop, ManualClock clock, int seconds)
        {
            for (int s = 0; s <= seconds; s++)
            {
                loop.Tick();
                clock.Advance(1000);
            }
        }

        [TestMethod]
        public void EmbeddedDefaults_TemperatureAlertWithin30Seconds()
        {
            (SensorLoop loop, ManualClock clock, RecordingAlertSink sink) = Defaults();
            Assert.AreEqual(4, loop.SourceCount);
            Assert.AreEqual(4, loop.Engine.RuleCount);
            RunFor(loop, clock, 30);
            Assert.IsTrue(sink.Count >= 1, "no alert in 30 s");
            Assert.AreEqual("greenhouse-temp", sink[0].RuleName);
            Assert.AreEqual(AlertEventKind.Raised, sink[0].Kind);
            Assert.IsTrue(sink.SentAt(0) <= 30000);
        }

        [TestMethod]
        public void EmbeddedDefaults_AnHourShowsEveryKindAndOneDigest()
        {
            (SensorLoop loop, ManualClock clock, RecordingAlertSink sink) = Defaults();
            RunFor(loop, clock, 3600);
            AlertMessage[] all = Enumerable.Range(0, sink.Count).Select(i => sink[i]).ToArray();
            foreach (string rule in new[] { "greenhouse-temp", "greenhouse-humidity", "front-door", "sensor-battery" })
            {
                Assert.IsTrue(all.Any(m => m.RuleName == rule && m.Kind == AlertEventKind.Raised), rule + " never alerted");
            }

            // Temperature and humidity swing slowly and never flap: their noise is inside the band.
            Assert.IsFalse(all.Any(m => m.Kind == AlertEventKind.Digest && m.RuleName != "front-door"));
            Assert.IsTrue(all.Any(m => m.Kind == AlertEventKind.Digest && m.RuleName == "front-door"), "the gusty door should end in a digest");
            Assert.IsTrue(sink.Count < 60, sink.Count + " mails in an hour is too many for a default run");
        }

        [TestMethod]
        public void SameSeed_SameValues_WhateverThePeriod()
        {
            WaveSensor a = WaveSensor.ForRule("t", SensorKind.Temperature, 7, AlertDirection.Above, 35, 33, 600, 18);
            WaveSensor b = WaveSensor.ForRule("t", SensorKind.Temperature, 7, AlertDirection.Above, 35, 33, 600, 18);
            for (long ms = 0; ms < 600_000; ms += 1000)
            {
                Assert.AreEqual(a.Read(ms), b.Read(ms));
            }

            // Reading at 250 ms steps in between changes nothing for b.
            for (long ms = 0; ms < 10_000; ms += 250)
            {
                b.Read(ms);
            }

            Assert.AreEqual(a.Read(123_000), b.Read(123_000));
            WaveSensor other = WaveSensor.ForRule("t", SensorKind.Temperature, 8, AlertDirection.Above, 35, 33, 600, 18);
            Assert.IsTrue(Enumerable.Range(0, 60).Any(s => other.Read(s * 1000L) != a.Read(s * 1000L)), "the seed matters");
        }

        [TestMethod]
        public void WaveForARule_CrossesNearTheChosenTime_AndNoiseStaysInsideTheBand()
        {
            for (ulong seed = 0; seed < 200; seed++)
            {
                WaveSensor w = WaveSensor.ForRule("t", SensorKind.Temperature, seed, AlertDirection.Above, 35, 33, 600, 18);
                int first = Enumerable.Range(0, 600).First(s => w.Read(s * 1000L) > 35);
                Assert.IsTrue(first >= 8 && first <= 28, "seed " + seed + " crossed at " + first + " s");

                // Once above 35 it does not fall below 33 before the wave's slow descent (no flapping).
                int clear = Enumerable.Range(first, 600).First(s => w.Read(s * 1000L) < 33);
                Assert.IsTrue(clear - first > 120, "seed " + seed + " cleared after " + (clear - first) + " s");
            }
        }

        [TestMethod]
        public void BatteryWave_FallsThroughItsThreshold()
        {
            WaveSensor w = WaveSensor.ForRule("b", SensorKind.Battery, 1, AlertDirection.Below, 20, 25, 1200, 180);
            Assert.IsTrue(w.Read(0) > 20);
            int first = Enumerable.Range(0, 1200).First(s => w.Read(s * 1000L) < 20);
            Assert.IsTrue(first > 150 && first < 210, "crossed at " + first);
        }

        [TestMethod]
        public void Door_OpensOnceThenBangsInAGust()
        {
            DoorSensor d = new DoorSensor("front-door", 0);
            int changes = 0;
            double last = 0;
            for (int s = 0; s < 1800; s++)
            {
                double v = d.Read(s * 1000L);
                Assert.IsTrue(v == 0 || v == 1);
                if (v != last)
                {
                    changes++;
                    last = v;
                }
            }

            Assert.AreEqual(2 + 16, changes);
        }

        [TestMethod]
        public void StartStop_SamplesOnItsThreadAndStopsCleanly()
        {
            ManualClock clock = new ManualClock();
            RecordingAlertSink sink = new RecordingAlertSink(clock);
            AlertEngine engine = new AlertEngine("dev", clock, sink);
            SensorLoop loop = new SensorLoop(clock, engine, new ISensorSource[] { new DoorSensor("d", 1) }, TimeSpan.FromMilliseconds(5), null);
            loop.Start();
            SpinWait.SpinUntil(() => loop.SamplesFed >= 3, TimeSpan.FromSeconds(10));
            loop.Stop();
            long fed = loop.SamplesFed;
            Assert.IsTrue(fed >= 3);
            Thread.Sleep(50);
            Assert.AreEqual(fed, loop.SamplesFed, "sampling went on after Stop");
            loop.Stop();   // idempotent
            loop.Dispose();
        }

        [TestMethod]
        public void FailingSink_IsReportedAndSamplingGoesOn()
        {
            ManualClock clock = new ManualClock();
            AlertEngine engine = new AlertEngine("dev", clock, new ThrowingSink());
            engine.Add(AlertRule.DoorOpen("d").WithRateLimit(32, 1000));
            MemoryLog log = new MemoryLog();
            ISensorSource alwaysOpen = new WaveSensor("d", SensorKind.Door, 1, 1, 0, 60, 0, 0);
            SensorLoop loop = new SensorLoop(clock, engine, new[] { alwaysOpen }, TimeSpan.FromMilliseconds(5), log);
            loop.Start();
            SpinWait.SpinUntil(() => loop.SamplesFed >= 2, TimeSpan.FromSeconds(10));
            loop.Stop();
            Assert.AreEqual("spool full", loop.LastError);
            Assert.AreEqual(1, log.Lines.Count(l => l.Contains("alert not stored: spool full")));
        }

        [TestMethod]
        public void ReplayConfig_FeedsTheFileThroughTheRules()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-replay").FullName;
            try
            {
                File.WriteAllText(Path.Combine(dir, "day.csv"), "time_seconds,sensor,value\n0,gh,30\n2,gh,36\n4,gh,32\n");
                File.WriteAllText(Path.Combine(dir, "c.json"), "{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"source\": \"replay\", \"file\": \"day.csv\", \"alertAbove\": 35, \"clearBelow\": 33 } ] }");
                HostConfig config = HostConfig.Load(Path.Combine(dir, "c.json"));
                ManualClock clock = new ManualClock();
                RecordingAlertSink sink = new RecordingAlertSink(clock);
                SensorLoop loop = SensorLoop.FromConfig(config, false, clock, sink, null);
                RunFor(loop, clock, 5);
                Assert.AreEqual(2, sink.Count);
                Assert.AreEqual(2000L, sink[0].MonotonicMilliseconds);
                Assert.AreEqual(AlertEventKind.Cleared, sink[1].Kind);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void SampleReplay_OneAlertOneClearAndADoorDigest()
        {
            string root = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(root, "nanoRelay.sln")))
            {
                root = Path.GetDirectoryName(root);
            }

            string dir = Directory.CreateTempSubdirectory("nanorelay-replay").FullName;
            try
            {
                string csv = Path.Combine(root, "hostsim", "Sensors", "Samples", "greenhouse-afternoon.csv").Replace("\\", "/");
                File.WriteAllText(Path.Combine(dir, "c.json"), "{ \"sensors\": ["
                    + "{ \"name\": \"greenhouse-temp\", \"kind\": \"temperature\", \"source\": \"replay\", \"file\": \"" + csv + "\", \"alertAbove\": 35, \"clearBelow\": 33 },"
                    + "{ \"name\": \"front-door\", \"kind\": \"door\", \"source\": \"replay\", \"file\": \"" + csv + "\", \"maxAlerts\": 2, \"windowSeconds\": 60 } ] }");
                HostConfig config = HostConfig.Load(Path.Combine(dir, "c.json"));
                ManualClock clock = new ManualClock();
                RecordingAlertSink sink = new RecordingAlertSink(clock);
                SensorLoop loop = SensorLoop.FromConfig(config, false, clock, sink, null);
                Assert.AreEqual(1, loop.SourceCount);   // one file, read once for both sensors
                RunFor(loop, clock, 200);
                string[] got = Enumerable.Range(0, sink.Count).Select(i => sink.SentAt(i) / 1000 + " " + sink[i].Kind + " " + sink[i].RuleName).ToArray();
                CollectionAssert.AreEqual(
                    new[] { "60 Raised front-door", "62 Cleared front-door", "70 Raised greenhouse-temp", "120 Digest front-door", "150 Cleared greenhouse-temp" },
                    got);
                Assert.AreEqual(14, sink[3].Members.Length);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"source\": \"replay\" } ] }", "sensors[0].file: is required with source replay (a CSV of time_seconds,sensor,value)")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"source\": \"gpio\" } ] }", "sensors[0].source: must be simulated or replay, not 'gpio'")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"alertAbove\": 35, \"clearBelow\": 36 } ] }", "sensors[0].clearBelow: clearBelow must not be above alertAbove")]
        [DataRow("{ \"sensors\": [ { \"name\": \"b\", \"kind\": \"battery\", \"alertBelow\": 20, \"clearAbove\": 10 } ] }", "sensors[0].clearAbove: clearAbove must not be below alertBelow")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"alertAbove\": 35, \"alertBelow\": 5 } ] }", "sensors[0].alertBelow: give alertAbove or alertBelow, not both")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"clearBelow\": 5 } ] }", "sensors[0].clearBelow: needs alertAbove")]
        [DataRow("{ \"sensors\": [ { \"name\": \"d\", \"kind\": \"door\", \"alertAbove\": 1 } ] }", "sensors[0].alertAbove: a door alerts while open; thresholds do not apply")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"alertAbove\": 35, \"maxAlerts\": 0 } ] }", "sensors[0].maxAlerts: must be 1-32, not 0")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"windowSeconds\": 0 } ] }", "sensors[0].windowSeconds: must be 1-604800, not 0")]
        [DataRow("{ \"sensors\": [ { \"name\": \"a\", \"kind\": \"door\" }, { \"name\": \"a\", \"kind\": \"door\" } ] }", "sensors[1].name: 'a' is used twice")]
        [DataRow("{ \"sensors\": [ { \"name\": \"a b\", \"kind\": \"door\" } ] }", "sensors[0].name: 'a b' must be a name of letters, digits, '.', '_' or '-' (at most 64)")]
        public void BadSensorConfig_OneLineNamingTheField(string json, string expected)
        {
            string path = Path.Combine(Path.GetTempPath(), "nanorelay-sensors-" + Guid.NewGuid() + ".json");
            File.WriteAllText(path, json);
            try
            {
                ConfigException e = Assert.ThrowsExactly<ConfigException>(() => HostConfig.Load(path));
                Assert.AreEqual(expected, e.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [TestMethod]
        public void BadReplayFile_RefusedAtStartNamingFieldAndLine()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-replay").FullName;
            try
            {
                File.WriteAllText(Path.Combine(dir, "day.csv"), "0,gh,30\n1,gh,hot\n");
                File.WriteAllText(Path.Combine(dir, "c.json"), "{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"temperature\", \"source\": \"replay\", \"file\": \"day.csv\", \"alertAbove\": 35 } ] }");
                HostConfig config = HostConfig.Load(Path.Combine(dir, "c.json"));
                ConfigException e = Assert.ThrowsExactly<ConfigException>(() => SensorLoop.FromConfig(config, false, new ManualClock(), new RecordingAlertSink(), null));
                Assert.AreEqual("sensors[0].file: day.csv:2: value 'hot' is not a number (or open/closed)", e.Message);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private sealed class ThrowingSink : IAlertSink
        {
            public void Raise(AlertMessage message)
            {
                throw new IOException("spool full");
            }
        }
    }
}

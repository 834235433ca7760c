using System;
using System.Collections.Generic;
using System.Threading;
using NanoRelay.Alerts;
using NanoRelay.Config;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Sensors
{
    /// <summary>
    /// Samples every sensor once per period on its own thread and feeds the core's
    /// <see cref="AlertEngine"/>, which raises alerts into the sink. <see cref="Start"/> and
    /// <see cref="Stop"/> bracket a run; <see cref="Tick"/> is one round, for tests.
    /// </summary>
    public sealed class SensorLoop : IDisposable
    {
        /// <summary>The sampling period unless told otherwise.</summary>
        public static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(1);

        private readonly IClock _clock;
        private readonly IReadOnlyList<ISensorSource> _sources;
        private readonly ILog _log;
        private readonly List<SensorSample> _batch = new List<SensorSample>();
        private readonly object _tickLock = new object();
        private readonly PeriodicThread _thread;
        private long _startMs = -1;

        public SensorLoop(IClock clock, AlertEngine engine, IReadOnlyList<ISensorSource> sources, TimeSpan period, ILog log)
        {
            _clock = clock;
            Engine = engine;
            _sources = sources;
            _thread = new PeriodicThread("nanorelay-sensors", period, Round, true);
            _log = log;
        }

        /// <summary>
        /// The loop `run` needs: the config's sensors (or, with <paramref name="embeddedDefaults"/>,
        /// the embedded ones), their rules in a new engine raising into <paramref name="sink"/>.
        /// Throws <see cref="ConfigException"/> for a bad replay file.
        /// </summary>
        public static SensorLoop FromConfig(HostConfig config, bool embeddedDefaults, IClock clock, IAlertSink sink, ILog log)
        {
            SensorSection[] sections = embeddedDefaults ? SensorSetup.EmbeddedDefaults() : (config.Sensors ?? Array.Empty<SensorSection>());
            SensorPlan plan = SensorSetup.Build(sections, config.Resolve);
            AlertEngine engine = new AlertEngine(config.Device?.Name ?? "nanorelay", clock, sink);
            foreach (AlertRule rule in plan.Rules)
            {
                engine.Add(rule);
            }

            return new SensorLoop(clock, engine, plan.Sources, DefaultPeriod, log);
        }

        public AlertEngine Engine { get; }

        /// <summary>How many sources are sampled.</summary>
        public int SourceCount { get { return _sources.Count; } }

        /// <summary>Samples fed to the engine so far.</summary>
        public long SamplesFed { get; private set; }

        /// <summary>The last failure of a round (a sink that threw), or null.</summary>
        public string LastError { get; private set; }

        /// <summary>Starts sampling now (the first round runs at once) on a background thread.</summary>
        public void Start()
        {
            if (_thread.IsRunning)
            {
                throw new InvalidOperationException("the sensor loop is running");
            }

            _thread.Start();
        }

        /// <summary>Stops sampling and waits for the round in progress to end (idempotent).</summary>
        public void Stop()
        {
            _thread.Stop();
        }

        public void Dispose()
        {
            _thread.Dispose();
        }

        /// <summary>One round at the clock's time: every source's due samples into the engine, then due digests out.</summary>
        public int Tick()
        {
            lock (_tickLock)
            {
                long now = _clock.MonotonicMilliseconds;
                if (_startMs < 0)
                {
                    _startMs = now;
                }

                _batch.Clear();
                foreach (ISensorSource source in _sources)
                {
                    source.Collect(_startMs, now - _startMs, _batch);
                }

                foreach (SensorSample sample in _batch)
                {
                    Engine.Feed(sample);
                    SamplesFed++;
                }

                Engine.Poll(now);
                return _batch.Count;
            }
        }

        private void Round()
        {
            try
            {
                Tick();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failing sink (a full spool) must not end sampling: say it once per change.
                if (LastError != e.Message)
                {
                    LastError = e.Message;
                    _log?.Write(LogLevel.Warning, "sensors", "alert not stored: " + e.Message);
                }
            }
        }
    }
}

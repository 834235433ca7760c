using System;
using System.Collections;
using NanoRelay.Ports;

namespace NanoRelay.Alerts
{
    /// <summary>
    /// The rule engine: samples in, alerts out to an <see cref="IAlertSink"/>. Each rule has a
    /// threshold with hysteresis and a rate limit of N messages per window. A change that would
    /// exceed the limit (the rule flaps) is held back with the rule's later changes and sent, once
    /// the limit allows and the rule has settled for a quarter window (or collected for a whole
    /// one), as ONE digest message. Nothing is dropped silently: a digest keeps its first
    /// <see cref="Limits.AlertDigestMembers"/> changes and counts the rest. Time is the samples'
    /// monotonic time, so replays and tests are deterministic.
    /// </summary>
    public sealed class AlertEngine
    {
        private readonly string _device;
        private readonly IClock _clock;
        private readonly IAlertSink _sink;
        private readonly ArrayList _rules = new ArrayList();   // RuleState
        private readonly object _lock = new object();
        private long _sequence;

        public AlertEngine(string deviceName, IClock clock, IAlertSink sink)
        {
            _device = deviceName;
            _clock = clock;
            _sink = sink;
        }

        /// <summary>How many rules the engine evaluates.</summary>
        public int RuleCount { get { return _rules.Count; } }

        /// <summary>Messages handed to the sink so far (alerts and digests).</summary>
        public long MessagesRaised { get; private set; }

        /// <summary>Adds a rule; throws ArgumentException with the rule's problem when it is unusable.</summary>
        public void Add(AlertRule rule)
        {
            string problem = rule.Validate();
            if (problem != null)
            {
                throw new ArgumentException(rule.Name + ": " + problem);
            }

            lock (_lock)
            {
                _rules.Add(new RuleState(rule));
            }
        }

        /// <summary>Evaluates every rule on the sample's sensor, then sends digests that are due.</summary>
        public void Feed(SensorSample sample)
        {
            if (double.IsNaN(sample.Value) || double.IsInfinity(sample.Value))
            {
                return;   // a failed reading is no change of state
            }

            lock (_lock)
            {
                long now = sample.MonotonicMilliseconds;
                for (int i = 0; i < _rules.Count; i++)
                {
                    RuleState s = (RuleState)_rules[i];
                    if (s.Rule.SensorName != sample.Name)
                    {
                        continue;
                    }

                    AlertEventKind change;
                    if (!s.Alerting && s.Rule.IsAlarm(sample.Value))
                    {
                        change = AlertEventKind.Raised;
                    }
                    else if (s.Alerting && s.Rule.IsClear(sample.Value))
                    {
                        change = AlertEventKind.Cleared;
                    }
                    else
                    {
                        continue;   // inside the hysteresis band, or no change
                    }

                    s.Alerting = change == AlertEventKind.Raised;
                    AlertMessage m = NewMessage(change, s.Rule, sample.Value, now);
                    Deliver(s, m, now);
                }

                PollLocked(now);
            }
        }

        /// <summary>Sends the digests that are due at <paramref name="monotonicMilliseconds"/> (call it now and then with no samples).</summary>
        public void Poll(long monotonicMilliseconds)
        {
            lock (_lock)
            {
                PollLocked(monotonicMilliseconds);
            }
        }

        /// <summary>Whether the named rule is alerting now.</summary>
        public bool IsAlerting(string ruleName)
        {
            RuleState s = Find(ruleName);
            return s != null && s.Alerting;
        }

        /// <summary>How many changes of the named rule wait for a digest (kept plus counted).</summary>
        public int Collected(string ruleName)
        {
            RuleState s = Find(ruleName);
            return s == null ? 0 : s.Pending.Count + s.Omitted;
        }

        private void Deliver(RuleState s, AlertMessage m, long now)
        {
            if (!s.IsCollecting && s.Limiter.HasRoom(now))
            {
                s.Limiter.Record(now);
                Raise(m);
                return;
            }

            // Over the rate: the rule flaps. Collect; keep order; never drop without counting.
            if (!s.IsCollecting)
            {
                s.FirstPendingMs = now;
            }

            if (s.Pending.Count < Limits.AlertDigestMembers)
            {
                s.Pending.Add(m);
            }
            else
            {
                s.Omitted++;
            }

            s.LastChangeMs = now;
            s.Latest = m;
        }

        private void PollLocked(long now)
        {
            for (int i = 0; i < _rules.Count; i++)
            {
                RuleState s = (RuleState)_rules[i];
                if (!s.IsCollecting || !s.Limiter.HasRoom(now))
                {
                    continue;
                }

                long window = s.Rule.WindowMilliseconds;
                bool settled = now - s.LastChangeMs >= window / 4;
                bool collectedLongEnough = now - s.FirstPendingMs >= window;
                if (!settled && !collectedLongEnough)
                {
                    continue;
                }

                s.Limiter.Record(now);
                if (s.Pending.Count == 1 && s.Omitted == 0)
                {
                    Raise((AlertMessage)s.Pending[0]);   // one held-back change is just a late alert
                }
                else
                {
                    Raise(NewDigest(s, now));
                }

                s.Pending.Clear();
                s.Omitted = 0;
                s.Latest = null;
            }
        }

        private AlertMessage NewDigest(RuleState s, long now)
        {
            AlertMessage[] members = new AlertMessage[s.Pending.Count];
            for (int k = 0; k < members.Length; k++)
            {
                members[k] = (AlertMessage)s.Pending[k];
            }

            AlertMessage d = NewMessage(AlertEventKind.Digest, s.Rule, s.Latest.Value, now);
            d.Members = members;
            d.Omitted = s.Omitted;
            if (s.Omitted > 0)
            {
                // The last kept member may not be the state now: make the newest change the last member.
                members[members.Length - 1] = s.Latest;
            }

            d.FirstChangeMilliseconds = s.FirstPendingMs;
            d.LastChangeMilliseconds = s.LastChangeMs;
            return d;
        }

        private AlertMessage NewMessage(AlertEventKind kind, AlertRule rule, double value, long at)
        {
            _sequence++;
            bool trusted = _clock.IsUtcTrusted;
            DateTime utc = trusted ? _clock.UtcNow.AddMilliseconds(at - _clock.MonotonicMilliseconds) : DateTime.MinValue;
            return new AlertMessage(_device, kind, rule, value, _sequence, at, utc, trusted);
        }

        private void Raise(AlertMessage m)
        {
            MessagesRaised++;
            _sink.Raise(m);
        }

        private RuleState Find(string ruleName)
        {
            lock (_lock)
            {
                for (int i = 0; i < _rules.Count; i++)
                {
                    RuleState s = (RuleState)_rules[i];
                    if (s.Rule.Name == ruleName)
                    {
                        return s;
                    }
                }
            }

            return null;
        }
    }
}

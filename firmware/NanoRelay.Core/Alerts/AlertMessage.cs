using System;

namespace NanoRelay.Alerts
{
    /// <summary>
    /// One alert as the engine hands it on: subject and body text, when it happened (monotonic,
    /// and UTC when the clock is trusted), and for a digest the member alerts it collects.
    /// </summary>
    public sealed class AlertMessage
    {
        private readonly string _device;

        internal AlertMessage(string device, AlertEventKind kind, AlertRule rule, double value, long sequence, long monotonicMilliseconds, DateTime utc, bool hasUtc)
        {
            _device = device;
            Kind = kind;
            Rule = rule;
            Value = value;
            Sequence = sequence;
            MonotonicMilliseconds = monotonicMilliseconds;
            Utc = utc;
            HasUtc = hasUtc;
        }

        public AlertEventKind Kind { get; private set; }

        /// <summary>The rule that fired.</summary>
        public AlertRule Rule { get; private set; }

        public string RuleName { get { return Rule.Name; } }

        /// <summary>The sensor value that caused the change (for a digest: the latest value).</summary>
        public double Value { get; private set; }

        /// <summary>Counts up per engine; unique within a boot, used in Message-IDs.</summary>
        public long Sequence { get; private set; }

        public long MonotonicMilliseconds { get; private set; }

        /// <summary>Wall-clock time of the change; meaningful only when <see cref="HasUtc"/>.</summary>
        public DateTime Utc { get; private set; }

        public bool HasUtc { get; private set; }

        /// <summary>One line, UTF-8 allowed (the writer encodes it, RFC 2047). Composed on each call: held alerts keep numbers, not text.</summary>
        public string Subject
        {
            get { return Kind == AlertEventKind.Digest ? AlertText.DigestSubject(_device, this) : AlertText.Subject(_device, this); }
        }

        /// <summary>Plain text, lines separated by "\n". Composed on each call.</summary>
        public string Body
        {
            get { return Kind == AlertEventKind.Digest ? AlertText.DigestBody(_device, this, FirstChangeMilliseconds, LastChangeMilliseconds) : AlertText.Body(_device, this); }
        }

        /// <summary>For a digest, the monotonic times of the first and the last change it collects.</summary>
        public long FirstChangeMilliseconds { get; internal set; }

        public long LastChangeMilliseconds { get; internal set; }

        /// <summary>For a digest, the collected alerts in order; null otherwise.</summary>
        public AlertMessage[] Members { get; internal set; }

        /// <summary>For a digest, how many further changes were not kept (beyond <see cref="Limits.AlertDigestMembers"/>).</summary>
        public int Omitted { get; internal set; }
    }
}

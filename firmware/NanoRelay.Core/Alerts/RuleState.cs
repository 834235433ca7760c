using System.Collections;

namespace NanoRelay.Alerts
{
    /// <summary>What the engine remembers per rule: alerting or not, recent sends, and the changes held back for a digest.</summary>
    internal sealed class RuleState
    {
        public RuleState(AlertRule rule)
        {
            Rule = rule;
            Limiter = new AlertRateLimiter(rule.MaxAlerts, rule.WindowMilliseconds);
            Pending = new ArrayList();
        }

        public AlertRule Rule { get; private set; }

        public bool Alerting { get; set; }

        public AlertRateLimiter Limiter { get; private set; }

        /// <summary>Changes collected while the rule is over its rate (flapping), oldest first.</summary>
        public ArrayList Pending { get; private set; }

        /// <summary>Changes beyond <see cref="Limits.AlertDigestMembers"/>, counted but not kept.</summary>
        public int Omitted { get; set; }

        public long FirstPendingMs { get; set; }

        public long LastChangeMs { get; set; }

        /// <summary>The newest collected change, also when it was not kept (the digest reports the state now).</summary>
        public AlertMessage Latest { get; set; }

        public bool IsCollecting { get { return Pending.Count > 0; } }
    }
}

namespace NanoRelay.Alerts
{
    /// <summary>What an <see cref="AlertMessage"/> reports.</summary>
    public enum AlertEventKind
    {
        /// <summary>The rule went from normal to alerting.</summary>
        Raised = 0,

        /// <summary>The rule went back to normal.</summary>
        Cleared = 1,

        /// <summary>Several changes of a flapping rule, collected into one message.</summary>
        Digest = 2,
    }
}

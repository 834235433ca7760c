namespace NanoRelay.Config
{
    /// <summary>"retry": the delays between delivery attempts and how long a message is kept (RFC 5321 §4.5.4.1).</summary>
    public sealed class RetrySection
    {
        public int FirstDelaySeconds { get; set; } = Limits.RetryFirstDelaySecondsDefault;

        public int MaxDelaySeconds { get; set; } = Limits.RetryMaxDelaySecondsDefault;

        public int LifetimeHours { get; set; } = Limits.RetryLifetimeHoursDefault;
    }
}

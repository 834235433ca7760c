namespace NanoRelay.Config
{
    /// <summary>"retry": the delays between delivery attempts and how long a message is kept (RFC 5321 §4.5.4.1).</summary>
    public sealed class RetrySection
    {
        public int FirstDelaySeconds { get; set; } = 60;

        public int MaxDelaySeconds { get; set; } = 3600;

        public int LifetimeHours { get; set; } = 72;
    }
}

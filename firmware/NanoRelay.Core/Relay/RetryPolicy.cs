namespace NanoRelay.Relay
{
    /// <summary>
    /// The config's `retry` section: exponential backoff from firstDelaySeconds, doubling up to
    /// maxDelaySeconds, and a lifetime after which the message is bounced (RFC 5321 §4.5.4.1).
    /// </summary>
    public sealed class RetryPolicy
    {
        public RetryPolicy()
            : this(Limits.RetryFirstDelaySecondsDefault, Limits.RetryMaxDelaySecondsDefault, Limits.RetryLifetimeHoursDefault)
        {
        }

        public RetryPolicy(int firstDelaySeconds, int maxDelaySeconds, int lifetimeHours)
        {
            FirstDelayMs = (long)(firstDelaySeconds < 1 ? 1 : firstDelaySeconds) * 1000;
            MaxDelayMs = (long)(maxDelaySeconds < firstDelaySeconds ? firstDelaySeconds : maxDelaySeconds) * 1000;
            LifetimeMs = (long)(lifetimeHours < 1 ? 1 : lifetimeHours) * 3600 * 1000;
        }

        public long FirstDelayMs { get; private set; }

        public long MaxDelayMs { get; private set; }

        public long LifetimeMs { get; private set; }

        /// <summary>The wait after failed attempt number <paramref name="attempts"/> (1-based).</summary>
        public long DelayAfter(int attempts)
        {
            long d = FirstDelayMs;
            for (int i = 1; i < attempts && d < MaxDelayMs; i++)
            {
                d *= 2;
            }

            return d > MaxDelayMs ? MaxDelayMs : d;
        }
    }
}

namespace NanoRelay.Config
{
    /// <summary>"pop3": the mailbox (RFC 1939) and its one account.</summary>
    public sealed class Pop3Section
    {
        /// <summary>Null until <see cref="ConfigDefaults.Apply"/> (a per-platform default).</summary>
        public string Listen { get; set; }

        public string TlsListen { get; set; }

        public string User { get; set; } = "tech";

        public string Password { get; set; } = "secret";

        public bool Apop { get; set; }
    }
}

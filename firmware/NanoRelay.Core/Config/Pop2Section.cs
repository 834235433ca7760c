namespace NanoRelay.Config
{
    /// <summary>"pop2": POP2 (RFC 937) on POP3's mailbox and account; off unless listen is set.</summary>
    public sealed class Pop2Section
    {
        public string Listen { get; set; }

        /// <summary>Accepts HELO's password from other hosts than loopback (POP2 has no TLS: it crosses the network in clear).</summary>
        public bool AllowPlaintextAuth { get; set; }
    }
}

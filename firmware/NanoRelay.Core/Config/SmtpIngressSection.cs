namespace NanoRelay.Config
{
    /// <summary>"smtpIngress": the SMTP server the LAN's devices send to.</summary>
    public sealed class SmtpIngressSection
    {
        /// <summary>Null until <see cref="ConfigDefaults.Apply"/> (a per-platform default).</summary>
        public string Listen { get; set; }

        /// <summary>Networks that may relay without AUTH; the default is this machine only.</summary>
        public string[] AllowFrom { get; set; } = new string[] { "127.0.0.0/8" };

        /// <summary><see cref="ConfigDefaults.NotGiven"/> until <see cref="ConfigDefaults.Apply"/> (a per-platform default).</summary>
        public long MaxMessageBytes { get; set; } = ConfigDefaults.NotGiven;

        /// <summary>"reject" (550 5.5.2, the default) or "normalize" (stored as CRLF).</summary>
        public string BareLineEnds { get; set; } = "reject";

        /// <summary>Users that may AUTH (over TLS or from loopback).</summary>
        public UserSection[] Users { get; set; } = new UserSection[0];

        /// <summary>Concurrent sessions; <see cref="ConfigDefaults.NotGiven"/>: the board's cap.</summary>
        public int MaxSessions { get; set; } = ConfigDefaults.NotGiven;
    }
}

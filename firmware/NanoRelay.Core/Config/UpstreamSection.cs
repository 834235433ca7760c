namespace NanoRelay.Config
{
    /// <summary>"upstream": mode "submission" (one server, port 587, AUTH) or "mx" (each domain's MX hosts, port 25).</summary>
    public sealed class UpstreamSection
    {
        public string Mode { get; set; } = "submission";

        /// <summary>mode mx: DNS servers, literal addresses with an optional port ("192.168.1.1", "127.0.0.1:5353").</summary>
        public string[] Resolvers { get; set; }

        /// <summary>mode mx: the MX hosts' SMTP port; 25 (RFC 5321 §4.5.4.2), another only for tests.</summary>
        public int MxPort { get; set; } = 25;

        public string Host { get; set; }

        public int Port { get; set; } = 587;

        /// <summary>submission: starttls (default), implicit, none; mx: opportunistic (default) or required.</summary>
        public string Tls { get; set; }

        public string User { get; set; }

        public string Password { get; set; }

        public string Auth { get; set; } = "auto";

        public string Token { get; set; }

        public string TrustedCaFile { get; set; }

        public string HeloName { get; set; }

        /// <summary>Allows a password with tls none toward a host that is not loopback (it crosses the network in clear).</summary>
        public bool AllowPlaintextAuth { get; set; }
    }
}

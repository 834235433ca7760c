namespace NanoRelay.Smtp
{
    /// <summary>How the connection to the upstream is protected (config "upstream.tls").</summary>
    public enum SmtpTlsMode
    {
        /// <summary>Port 587: STARTTLS (RFC 3207) is required before AUTH or MAIL.</summary>
        StartTls = 0,

        /// <summary>Port 465: TLS from the first byte (RFC 8314 §3.3).</summary>
        Implicit = 1,

        /// <summary>Plaintext, only when the config says so explicitly. STARTTLS is not attempted.</summary>
        None = 2,

        /// <summary>
        /// Port 25 to an MX host (RFC 3207 §4, RFC 7435): STARTTLS whenever the server offers it,
        /// plaintext when it does not; the certificate is not checked (the connector decides).
        /// </summary>
        Opportunistic = 3,
    }
}

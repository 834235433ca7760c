namespace NanoRelay.Config
{
    /// <summary>"certificate": the server certificate for STARTTLS and the TLS listeners.</summary>
    public sealed class CertificateSection
    {
        /// <summary>The host reads a .pfx; the device a PEM certificate (with <see cref="KeyFile"/>).</summary>
        public string File { get; set; }

        /// <summary>Device only: the PEM private key (nanoFramework reads PEM, not .pfx).</summary>
        public string KeyFile { get; set; }

        public string Password { get; set; } = "";
    }
}

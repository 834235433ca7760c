using System.Security.Cryptography.X509Certificates;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// The certificates TLS uses: a CA that signs the upstream's certificate (from upstream.trustedCaFile;
    /// null means the device store filled by nanoff --networkdeployment, which mbedTLS always loads),
    /// and the relay's own certificate with its key for POP3 STLS / implicit TLS (null: the device certificate).
    /// </summary>
    public sealed class TlsCredentials
    {
        public TlsCredentials(X509Certificate trustedCa, X509Certificate2 serverCertificate)
        {
            TrustedCa = trustedCa;
            ServerCertificate = serverCertificate;
        }

        public X509Certificate TrustedCa { get; private set; }

        public X509Certificate2 ServerCertificate { get; private set; }
    }
}

using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Config;
using NanoRelay.Ports;

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

        /// <summary>The certificates the config names (PEM files on I:\); a file that cannot be read is logged and left to the device store.</summary>
        public static TlsCredentials Load(RelayConfig config, ILog log)
        {
            X509Certificate ca = null;
            X509Certificate2 server = null;
            if (config.Upstream != null && config.Upstream.TrustedCaFile != null)
            {
                ca = (X509Certificate)Read("upstream.trustedCaFile", DeviceConfig.Resolve(config.Upstream.TrustedCaFile), null, null, log);
            }

            if (config.Certificate != null && config.Certificate.File != null && config.Certificate.KeyFile != null)
            {
                server = (X509Certificate2)Read("certificate.file", DeviceConfig.Resolve(config.Certificate.File), DeviceConfig.Resolve(config.Certificate.KeyFile), config.Certificate.Password, log);
            }

            return new TlsCredentials(ca, server);
        }

        private static object Read(string field, string path, string keyPath, string password, ILog log)
        {
            try
            {
                string pem = File.ReadAllText(path);
                return keyPath == null ? new X509Certificate(pem) : new X509Certificate2(pem, File.ReadAllText(keyPath), password);
            }
            catch (Exception e)
            {
                // Verification stays on: without this file mbedTLS uses the device store only.
                log.Write(LogLevel.Warning, "tls", field + ": " + path + ": " + e.Message);
                return null;
            }
        }
    }
}

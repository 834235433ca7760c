using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The server certificate for STLS and implicit TLS: `certificate.file` (PKCS#12 with
    /// `certificate.password`, or PEM with certificate and key), else a self-signed one the host
    /// sim creates in its data directory on first run and reuses afterwards.
    /// </summary>
    public static class HostCertificate
    {
        /// <summary>The self-signed certificate with its key (PKCS#12, no password; the data directory is private).</summary>
        public const string PfxName = "pop3-tls.pfx";

        /// <summary>The same certificate without its key, for clients to trust (curl --cacert).</summary>
        public const string PemName = "pop3-tls.crt";

        /// <summary>Loads or creates the certificate; <paramref name="created"/> says whether this run made it.</summary>
        public static X509Certificate2 LoadOrCreate(HostConfig config, string dataDirectory, out string source, out bool created)
        {
            created = false;
            string file = config.Certificate == null ? null : config.Resolve(config.Certificate.File);
            if (!string.IsNullOrEmpty(file))
            {
                source = file;
                return Load(file, config.Certificate.Password ?? "");
            }

            string pfx = Path.Combine(dataDirectory, PfxName);
            string pem = Path.Combine(dataDirectory, PemName);
            source = pem;
            if (File.Exists(pfx))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(pfx, null);
            }

            X509Certificate2 made = CreateSelfSigned(config.Device?.Name ?? "nanorelay-sim");
            File.WriteAllBytes(pfx, made.Export(X509ContentType.Pkcs12));
            File.WriteAllText(pem, made.ExportCertificatePem() + "\n");
            TryRestrict(pfx);
            created = true;
            return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
        }

        /// <summary>"AB:CD:..." SHA-256 of the certificate, as browsers and `openssl x509 -fingerprint -sha256` show it.</summary>
        public static string Sha256Fingerprint(X509Certificate2 certificate)
        {
            byte[] hash = SHA256.HashData(certificate.RawData);
            return BitConverter.ToString(hash).Replace('-', ':');
        }

        private static X509Certificate2 Load(string file, string password)
        {
            try
            {
                string head = File.ReadAllText(file);
                if (head.Contains("-----BEGIN", StringComparison.Ordinal))
                {
                    using X509Certificate2 pem = X509Certificate2.CreateFromPemFile(file);
                    return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
                }

                return X509CertificateLoader.LoadPkcs12FromFile(file, password);
            }
            catch (Exception e) when (e is CryptographicException || e is IOException)
            {
                throw new ConfigException("certificate.file: cannot load " + file + ": " + e.Message);
            }
        }

        private static X509Certificate2 CreateSelfSigned(string deviceName)
        {
            using RSA key = RSA.Create(2048);
            CertificateRequest request = new CertificateRequest("CN=localhost, O=nanoRelay " + deviceName, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            SubjectAlternativeNameBuilder names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddIpAddress(System.Net.IPAddress.IPv6Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            DateTimeOffset now = DateTimeOffset.UtcNow;
            return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        }

        private static void TryRestrict(string path)
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }
}

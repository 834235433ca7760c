using System;
using System.IO;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Pop3;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Pop3
{
    /// <summary>The real host POP3 service on loopback ports chosen by the OS, over a MemoryMaildrop, with a self-signed certificate made by the host sim in a temporary data directory.</summary>
    internal sealed class Pop3ServiceFixture : IDisposable
    {
        public Pop3ServiceFixture(bool apop, bool implicitTls)
            : this(apop, implicitTls, false)
        {
        }

        /// <summary>As above, with the POP2 listener (RFC 937) on a loopback port too when <paramref name="pop2"/>.</summary>
        public Pop3ServiceFixture(bool apop, bool implicitTls, bool pop2)
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "nanorelay-pop3-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(DataDirectory);
            string source;
            bool created;
            Certificate = HostCertificate.LoadOrCreate(new HostConfig(), DataDirectory, out source, out created);
            Maildrop = new MemoryMaildrop();
            Log = new MemoryLog();
            Options = new Pop3ServerOptions { User = "tech", Password = "secret", Apop = apop, AuthFailureDelayMilliseconds = 10 };
            Service = new Pop3Service(Options, Maildrop, Certificate, new IPEndPoint(IPAddress.Loopback, 0), implicitTls ? new IPEndPoint(IPAddress.Loopback, 0) : null, new SystemClock(), new CryptoRandom(), Log);
            Service.Pop2Listen = pop2 ? new IPEndPoint(IPAddress.Loopback, 0) : null;
            Service.Start();
        }

        public string DataDirectory { get; }

        public X509Certificate2 Certificate { get; }

        public MemoryMaildrop Maildrop { get; }

        public MemoryLog Log { get; }

        public Pop3ServerOptions Options { get; }

        public Pop3Service Service { get; }

        /// <summary>Trusts exactly the certificate the host sim made, nothing else.</summary>
        public bool Trust(object sender, X509Certificate certificate, X509Chain chain, System.Net.Security.SslPolicyErrors errors)
        {
            return certificate != null && certificate.GetCertHashString() == Certificate.GetCertHashString();
        }

        public void Dispose()
        {
            Service.Stop();
            try
            {
                Directory.Delete(DataDirectory, true);
            }
            catch (IOException)
            {
            }
        }
    }
}

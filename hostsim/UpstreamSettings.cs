using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Config;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp;

namespace NanoRelay.HostSim
{
    /// <summary>The config's "upstream" section as the core's client settings (the same mapping the device uses).</summary>
    public static class UpstreamSettings
    {
        public static SmtpClientSettings From(HostConfig config)
        {
            UpstreamSection u = config.Upstream;
            return SmtpClientSettings.ForUpstream(u.Host, u.Port, u.Tls, u.User, u.Password, u.Auth, u.Token, u.HeloName, config.Device?.Name);
        }

        /// <summary>Mode "mx": the core's resolver over UDP (TCP after TC=1) and direct delivery on the MX port.</summary>
        public static MxUpstream MxFrom(HostConfig config, IClock clock, IRandom random, ILog log)
        {
            UpstreamSection u = config.Upstream;
            X509Certificate2Collection cas;
            try
            {
                cas = TcpConnector.LoadTrustedCas(config.Resolve(u.TrustedCaFile));
            }
            catch (CryptographicException e)
            {
                throw new ConfigException("upstream.trustedCaFile: not a PEM or DER certificate: " + e.Message);
            }

            // "required": the certificate is checked against the MX host's name; "opportunistic": any is taken.
            return MxSettings.Create(u.Resolvers, u.Tls, u.MxPort, u.HeloName, config.Device?.Name, new UdpDatagramPort(),
                new TcpConnector(cas), new TcpConnector(cas) { AcceptAnyCertificate = true }, clock, random, log);
        }

        /// <summary>One line for the start-up banner: which delivery mode runs.</summary>
        public static string Describe(HostConfig config)
        {
            UpstreamSection u = config.Upstream;
            if (u == null)
            {
                return "local: into the device mailbox (no upstream configured)";
            }

            if (u.Mode == "mx")
            {
                return MxSettings.Describe(u.MxPort, u.Tls, u.Resolvers);
            }

            return "submission: upstream " + u.Host + ":" + u.Port + " (" + u.Tls + ")";
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Dns;
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
            HostConfig.UpstreamSection u = config.Upstream;
            return SmtpClientSettings.ForUpstream(u.Host, u.Port, u.Tls, u.User, u.Password, u.Auth, u.Token, u.HeloName, config.Device?.Name);
        }

        /// <summary>Mode "mx": the core's resolver over UDP (TCP after TC=1) and direct delivery on the MX port.</summary>
        public static MxUpstream MxFrom(HostConfig config, IClock clock, IRandom random, ILog log)
        {
            HostConfig.UpstreamSection u = config.Upstream;
            X509Certificate2Collection cas;
            try
            {
                cas = TcpConnector.LoadTrustedCas(config.Resolve(u.TrustedCaFile));
            }
            catch (CryptographicException e)
            {
                throw new ConfigException("upstream.trustedCaFile: not a PEM or DER certificate: " + e.Message);
            }

            DnsServer[] servers = new DnsServer[u.Resolvers.Length];
            for (int i = 0; i < servers.Length; i++)
            {
                servers[i] = DnsServer.Parse(u.Resolvers[i]);
            }

            TcpConnector dnsTcp = new TcpConnector(null);
            DnsResolver resolver = new DnsResolver(new UdpDatagramPort(), dnsTcp, clock, random, servers, log);
            // "required": the certificate is checked against the MX host's name; "opportunistic": any is taken.
            TcpConnector smtp = new TcpConnector(cas) { AcceptAnyCertificate = u.Tls != "required" };
            return new MxUpstream(new MxLookup(resolver, random), smtp, clock, log, SmtpClientSettings.ForMx(u.MxPort, u.Tls, u.HeloName, config.Device?.Name));
        }

        /// <summary>One line for the start-up banner: which delivery mode runs.</summary>
        public static string Describe(HostConfig config)
        {
            HostConfig.UpstreamSection u = config.Upstream;
            if (u == null)
            {
                return "local: into the device mailbox (no upstream configured)";
            }

            if (u.Mode == "mx")
            {
                return "mx: direct to each domain's MX hosts on port " + u.MxPort + " (tls " + u.Tls + ", resolvers " + string.Join(", ", u.Resolvers) + ")";
            }

            return "submission: upstream " + u.Host + ":" + u.Port + " (" + u.Tls + ")";
        }
    }
}

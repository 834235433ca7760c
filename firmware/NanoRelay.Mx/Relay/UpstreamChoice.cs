using NanoRelay.Config;
using NanoRelay.Dns;
using NanoRelay.Ports;
using NanoRelay.Smtp;

namespace NanoRelay.Relay
{
    /// <summary>
    /// The config's "upstream" section as the relay worker's upstream, for host and device alike (its
    /// rules are NanoRelay.Config.ConfigCheck's): none (local delivery into the mailbox, the embedded
    /// default), the submission client, or direct delivery by MX. The platforms only bring their ports.
    /// </summary>
    public static class UpstreamChoice
    {
        /// <summary>
        /// The relay worker's upstream, or null for none. Submission connects through
        /// <paramref name="verifying"/> (certificates checked). Mode "mx": the resolver over
        /// <paramref name="udp"/> (TCP after TC=1 through <paramref name="verifying"/>); tls "required"
        /// connects through <paramref name="verifying"/>, "opportunistic" through <paramref name="anyCertificate"/>.
        /// </summary>
        public static IUpstream Create(RelayConfig config, IConnector verifying, IConnector anyCertificate, IDatagramPort udp,
            IClock clock, IRandom random, ILog log)
        {
            UpstreamSection u = config.Upstream;
            if (u == null)
            {
                return null;
            }

            if (u.Mode != "mx")
            {
                return new SmtpUpstream(verifying, clock, log, Submission(config));
            }

            DnsServer[] servers = new DnsServer[u.Resolvers.Length];
            for (int i = 0; i < servers.Length; i++)
            {
                servers[i] = DnsServer.Parse(u.Resolvers[i]);
            }

            DnsResolver resolver = new DnsResolver(udp, verifying, clock, random, servers, log);
            IConnector smtp = u.Tls == "required" ? verifying : anyCertificate;
            // EHLO with the heloName or the device's name; never AUTH.
            return new MxUpstream(new MxLookup(resolver, random), smtp, clock, log, SmtpClientSettings.ForMx(u.MxPort, u.Tls, u.HeloName, DeviceName(config)));
        }

        /// <summary>The submission client's settings from the upstream section (mode "submission").</summary>
        public static SmtpClientSettings Submission(RelayConfig config)
        {
            UpstreamSection u = config.Upstream;
            return SmtpClientSettings.ForUpstream(u.Host, u.Port, u.Tls, u.User, u.Password, u.Auth, u.Token, u.HeloName, DeviceName(config));
        }

        /// <summary>One line for the start-up log: which delivery mode runs.</summary>
        public static string Describe(RelayConfig config)
        {
            UpstreamSection u = config.Upstream;
            if (u == null)
            {
                return "local: into the device mailbox (no upstream configured)";
            }

            if (u.Mode != "mx")
            {
                return "submission: upstream " + u.Host + ":" + u.Port.ToString() + " (" + u.Tls + ")";
            }

            string list = string.Empty;
            for (int i = 0; i < u.Resolvers.Length; i++)
            {
                list += (i > 0 ? ", " : string.Empty) + u.Resolvers[i];
            }

            return "mx: direct to each domain's MX hosts on port " + u.MxPort.ToString() + " (tls " + u.Tls + ", resolvers " + list + ")";
        }

        private static string DeviceName(RelayConfig config)
        {
            return config.Device == null ? null : config.Device.Name;
        }
    }
}

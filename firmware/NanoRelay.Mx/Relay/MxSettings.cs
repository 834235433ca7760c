using NanoRelay.Dns;
using NanoRelay.Ports;
using NanoRelay.Smtp;

namespace NanoRelay.Relay
{
    /// <summary>
    /// The config's upstream section in mode "mx", for host and device alike: its one set of rules
    /// and the MX upstream built from it on the platform's ports.
    /// </summary>
    public static class MxSettings
    {
        /// <summary>tls when the config gives none: STARTTLS whenever offered (RFC 7435).</summary>
        public const string DefaultTls = "opportunistic";

        /// <summary>Null when the section is usable in mode mx, else one line "upstream.field: problem".</summary>
        public static string Check(string tls, string[] resolvers, int mxPort, string host, string user, string password, string token)
        {
            if (tls != "opportunistic" && tls != "required")
            {
                return "upstream.tls: must be opportunistic or required with mode mx, not '" + tls + "'";
            }

            if (resolvers == null || resolvers.Length == 0 || resolvers.Length > Limits.DnsResolvers)
            {
                return "upstream.resolvers: needs 1 to " + Limits.DnsResolvers.ToString() + " DNS server addresses with mode mx";
            }

            for (int i = 0; i < resolvers.Length; i++)
            {
                if (DnsServer.Parse(resolvers[i]) == null)
                {
                    return "upstream.resolvers[" + i.ToString() + "]: '" + resolvers[i] + "' is not an address (with an optional :port)";
                }
            }

            if (mxPort <= 0 || mxPort > 65535)
            {
                return "upstream.mxPort: must be 1-65535, not " + mxPort.ToString();
            }

            if (host != null && host.Length > 0)
            {
                return "upstream.host: is for mode submission; mode mx finds each domain's hosts in the DNS";
            }

            if ((user != null && user.Length > 0) || (password != null && password.Length > 0) || (token != null && token.Length > 0))
            {
                return "upstream.user: mode mx never authenticates (port 25 takes mail for its own domains without AUTH); remove user, password and token";
            }

            return null;
        }

        /// <summary>
        /// The MX upstream on a platform's ports: the resolver over <paramref name="udp"/> (TCP after
        /// TC=1 through <paramref name="verifying"/>); tls "required" connects through
        /// <paramref name="verifying"/> (certificates checked), "opportunistic" through
        /// <paramref name="anyCertificate"/>. EHLO with the heloName or the device's name; never AUTH.
        /// </summary>
        public static MxUpstream Create(string[] resolvers, string tls, int mxPort, string heloName, string deviceName,
            IDatagramPort udp, IConnector verifying, IConnector anyCertificate, IClock clock, IRandom random, ILog log)
        {
            DnsServer[] servers = new DnsServer[resolvers.Length];
            for (int i = 0; i < servers.Length; i++)
            {
                servers[i] = DnsServer.Parse(resolvers[i]);
            }

            DnsResolver resolver = new DnsResolver(udp, verifying, clock, random, servers, log);
            IConnector smtp = tls == "required" ? verifying : anyCertificate;
            return new MxUpstream(new MxLookup(resolver, random), smtp, clock, log, SmtpClientSettings.ForMx(mxPort, tls, heloName, deviceName));
        }

        /// <summary>One line for the start-up banner.</summary>
        public static string Describe(int mxPort, string tls, string[] resolvers)
        {
            string list = string.Empty;
            for (int i = 0; i < resolvers.Length; i++)
            {
                list += (i > 0 ? ", " : string.Empty) + resolvers[i];
            }

            return "mx: direct to each domain's MX hosts on port " + mxPort.ToString() + " (tls " + tls + ", resolvers " + list + ")";
        }
    }
}

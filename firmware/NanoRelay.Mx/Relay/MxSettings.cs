using NanoRelay.Dns;
using NanoRelay.Ports;
using NanoRelay.Smtp;

namespace NanoRelay.Relay
{
    /// <summary>
    /// The config's upstream section in mode "mx", for host and device alike: the MX upstream built
    /// from it on the platform's ports (its rules are NanoRelay.Config.ConfigCheck's).
    /// </summary>
    public static class MxSettings
    {
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

using NanoRelay.Config;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp;

namespace NanoRelay.Device
{
    /// <summary>The config's "upstream" section as the core's client settings (the same mapping the host uses).</summary>
    public static class UpstreamSettings
    {
        public static SmtpClientSettings From(RelayConfig config)
        {
            UpstreamSection u = config.Upstream;
            return SmtpClientSettings.ForUpstream(u.Host, u.Port, u.Tls, u.User, u.Password, u.Auth, u.Token, u.HeloName, config.Device.Name);
        }

        /// <summary>
        /// The relay worker's upstream: null for none (local delivery into the mailbox, the embedded
        /// default; the core decides), the submission client, or direct delivery by MX over UDP sockets.
        /// </summary>
        public static IUpstream Create(RelayConfig config, IConnector verifying, IConnector anyCertificate, IClock clock, IRandom random, ILog log)
        {
            UpstreamSection u = config.Upstream;
            return u == null ? null : u.Mode != "mx" ? (IUpstream)new SmtpUpstream(verifying, clock, log, From(config))
                : MxSettings.Create(u.Resolvers, u.Tls, u.MxPort, u.HeloName, config.Device.Name, new Adapters.SocketDatagramSocket(), verifying, anyCertificate, clock, random, log);
        }

        /// <summary>One line for the start-up log: which delivery mode runs.</summary>
        public static string Describe(RelayConfig config)
        {
            UpstreamSection u = config.Upstream;
            return u == null ? "local delivery into the mailbox (no upstream configured)"
                : u.Mode == "mx" ? MxSettings.Describe(u.MxPort, u.Tls, u.Resolvers) : "submission: upstream " + u.Host + ":" + u.Port.ToString() + " (" + u.Tls + ")";
        }
    }
}

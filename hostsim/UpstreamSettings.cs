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
    }
}

using NanoRelay.Smtp;

namespace NanoRelay.Device
{
    /// <summary>The config's "upstream" section as the core's client settings (the same mapping the host uses).</summary>
    public static class UpstreamSettings
    {
        public static SmtpClientSettings From(DeviceConfig config)
        {
            DeviceConfig.UpstreamSection u = config.Upstream;
            return SmtpClientSettings.ForUpstream(u.Host, u.Port, u.Tls, u.User, u.Password, u.Auth, u.Token, u.HeloName, config.Device.Name);
        }

        /// <summary>Mode "mx": the template for each MX host's session (port, TLS policy, EHLO name; never credentials).</summary>
        public static SmtpClientSettings ForMx(DeviceConfig config)
        {
            DeviceConfig.UpstreamSection u = config.Upstream;
            return SmtpClientSettings.ForMx(u.MxPort, u.Tls, u.HeloName, config.Device.Name);
        }
    }
}

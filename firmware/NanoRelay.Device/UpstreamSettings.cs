using NanoRelay.Smtp;

namespace NanoRelay.Device
{
    /// <summary>The config's "upstream" section as the core's client settings (as hostsim/UpstreamSettings.cs does on the host).</summary>
    public static class UpstreamSettings
    {
        public static SmtpClientSettings From(DeviceConfig config)
        {
            DeviceConfig.UpstreamSection u = config.Upstream;
            SmtpClientSettings s = new SmtpClientSettings();
            s.Host = u.Host;
            s.Port = u.Port;
            s.Tls = u.Tls == "implicit" ? SmtpTlsMode.Implicit : u.Tls == "none" ? SmtpTlsMode.None : SmtpTlsMode.StartTls;
            s.User = u.User;
            s.Password = u.Password;
            s.Token = u.Token;
            s.Auth = AuthOf(u.Auth);
            s.HeloName = u.HeloName != null && u.HeloName.Length > 0 ? u.HeloName : SmtpClientSettings.HeloNameFrom(config.Device.Name);

            return s;
        }

        private static SmtpAuthChoice AuthOf(string auth)
        {
            switch (auth)
            {
                case "plain": return SmtpAuthChoice.Plain;
                case "login": return SmtpAuthChoice.Login;
                case "cram-md5": return SmtpAuthChoice.CramMd5;
                case "xoauth2": return SmtpAuthChoice.XOAuth2;
                default: return SmtpAuthChoice.Auto;
            }
        }
    }
}

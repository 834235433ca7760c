using NanoRelay.Smtp;

namespace NanoRelay.HostSim
{
    /// <summary>The config's "upstream" section as the core's client settings.</summary>
    public static class UpstreamSettings
    {
        public static SmtpClientSettings From(HostConfig config)
        {
            HostConfig.UpstreamSection u = config.Upstream;
            SmtpClientSettings s = new SmtpClientSettings
            {
                Host = u.Host,
                Port = u.Port,
                Tls = u.Tls == "implicit" ? SmtpTlsMode.Implicit : u.Tls == "none" ? SmtpTlsMode.None : SmtpTlsMode.StartTls,
                User = u.User,
                Password = u.Password,
                Token = u.Token,
                Auth = u.Auth switch
                {
                    "plain" => SmtpAuthChoice.Plain,
                    "login" => SmtpAuthChoice.Login,
                    "cram-md5" => SmtpAuthChoice.CramMd5,
                    "xoauth2" => SmtpAuthChoice.XOAuth2,
                    _ => SmtpAuthChoice.Auto,
                },
                HeloName = string.IsNullOrEmpty(u.HeloName) ? HeloFrom(config.Device?.Name) : u.HeloName,
            };
            return s;
        }

        // RFC 5321 §4.1.1.1: EHLO takes a domain; the device name is made into a valid label.
        private static string HeloFrom(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "nanorelay";
            }

            char[] c = name.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (!char.IsAsciiLetterOrDigit(c[i]) && c[i] != '-' && c[i] != '.')
                {
                    c[i] = '-';
                }
            }

            return new string(c);
        }
    }
}

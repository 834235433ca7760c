namespace NanoRelay.Smtp
{
    /// <summary>The upstream and how to talk to it (config "upstream"), with the RFC 5321 §4.5.3.2 timeouts.</summary>
    public sealed class SmtpClientSettings
    {
        public SmtpClientSettings()
        {
            Port = 587;
            HeloName = "nanorelay";
            ConnectTimeoutMilliseconds = Limits.SmtpConnectTimeoutMs;
            GreetingTimeoutMilliseconds = Limits.SmtpGreetingTimeoutMs;
            CommandTimeoutMilliseconds = Limits.SmtpCommandTimeoutMs;
            MailTimeoutMilliseconds = Limits.SmtpMailTimeoutMs;
            RcptTimeoutMilliseconds = Limits.SmtpRcptTimeoutMs;
            DataInitTimeoutMilliseconds = Limits.SmtpDataInitTimeoutMs;
            DataBlockTimeoutMilliseconds = Limits.SmtpDataBlockTimeoutMs;
            DataTermTimeoutMilliseconds = Limits.SmtpDataTermTimeoutMs;
        }

        public string Host { get; set; }

        /// <summary>
        /// The address to connect to when it is not <see cref="Host"/> (an MX host's address found by
        /// the core's resolver); Host stays the name STARTTLS verifies. Null: connect to Host.
        /// </summary>
        public string Address { get; set; }

        public int Port { get; set; }

        public SmtpTlsMode Tls { get; set; }

        /// <summary>The SASL user; null or empty: no AUTH.</summary>
        public string User { get; set; }

        public string Password { get; set; }

        /// <summary>The OAuth 2.0 bearer token for XOAUTH2.</summary>
        public string Token { get; set; }

        public SmtpAuthChoice Auth { get; set; }

        /// <summary>The name sent with EHLO/HELO (RFC 5321 §4.1.1.1: a domain or an address literal).</summary>
        public string HeloName { get; set; }

        public int ConnectTimeoutMilliseconds { get; set; }

        /// <summary>§4.5.3.2.1 initial 220: 5 minutes.</summary>
        public int GreetingTimeoutMilliseconds { get; set; }

        /// <summary>EHLO, STARTTLS, AUTH, RSET, QUIT (no RFC minimum; 5 minutes like MAIL).</summary>
        public int CommandTimeoutMilliseconds { get; set; }

        /// <summary>§4.5.3.2.2 MAIL: 5 minutes.</summary>
        public int MailTimeoutMilliseconds { get; set; }

        /// <summary>§4.5.3.2.3 RCPT: 5 minutes.</summary>
        public int RcptTimeoutMilliseconds { get; set; }

        /// <summary>§4.5.3.2.4 DATA initiation: 2 minutes.</summary>
        public int DataInitTimeoutMilliseconds { get; set; }

        /// <summary>§4.5.3.2.5 data block: 3 minutes. Enforced by the connection adapter's write timeout.</summary>
        public int DataBlockTimeoutMilliseconds { get; set; }

        /// <summary>§4.5.3.2.6 DATA termination: 10 minutes.</summary>
        public int DataTermTimeoutMilliseconds { get; set; }

        /// <summary>
        /// RFC 5321 §4.1.1.1: EHLO takes a domain. The device name made into one when the config
        /// gives no heloName: every character other than an ASCII letter, digit, '-' or '.' becomes '-'
        /// ("nanorelay" when there is no name), as the host does.
        /// </summary>
        public static string HeloNameFrom(string deviceName)
        {
            if (deviceName == null || deviceName.Length == 0)
            {
                return "nanorelay";
            }

            char[] c = deviceName.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                char x = c[i];
                bool keep = (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || x == '-' || x == '.';
                if (!keep)
                {
                    c[i] = '-';
                }
            }

            return new string(c);
        }

        /// <summary>
        /// The config's "upstream" section (the config key names, docs/architecture.md §7) as client settings, for host and device
        /// alike: tls "starttls" | "implicit" | "none", auth "auto" | "plain" | "login" | "cram-md5" |
        /// "xoauth2"; an empty heloName is derived from the device name.
        /// </summary>
        public static SmtpClientSettings ForUpstream(string host, int port, string tls, string user, string password, string auth, string token, string heloName, string deviceName)
        {
            SmtpClientSettings s = new SmtpClientSettings();
            s.Host = host;
            s.Port = port;
            s.Tls = tls == "implicit" ? SmtpTlsMode.Implicit : tls == "none" ? SmtpTlsMode.None : SmtpTlsMode.StartTls;
            s.User = user;
            s.Password = password;
            s.Token = token;
            s.Auth = AuthChoiceOf(auth);
            s.HeloName = heloName != null && heloName.Length > 0 ? heloName : HeloNameFrom(deviceName);
            return s;
        }

        /// <summary>
        /// The template for direct delivery (config upstream mode "mx"): the MX port (25), tls
        /// "required" (STARTTLS, certificate checked) or "opportunistic" (STARTTLS whenever offered),
        /// no credentials ever (RFC 5321 §4.5.4.2 port 25 is not a submission port), EHLO with the device's name.
        /// </summary>
        public static SmtpClientSettings ForMx(int port, string tls, string heloName, string deviceName)
        {
            SmtpClientSettings s = new SmtpClientSettings();
            s.Port = port;
            s.Tls = tls == "required" ? SmtpTlsMode.StartTls : SmtpTlsMode.Opportunistic;
            s.HeloName = heloName != null && heloName.Length > 0 ? heloName : HeloNameFrom(deviceName);
            return s;
        }

        /// <summary>The config's auth word as a choice; anything else is auto.</summary>
        public static SmtpAuthChoice AuthChoiceOf(string auth)
        {
            switch (auth)
            {
                case "plain":
                    return SmtpAuthChoice.Plain;
                case "login":
                    return SmtpAuthChoice.Login;
                case "cram-md5":
                    return SmtpAuthChoice.CramMd5;
                case "xoauth2":
                    return SmtpAuthChoice.XOAuth2;
                default:
                    return SmtpAuthChoice.Auto;
            }
        }

        /// <summary>Whether AUTH must happen (a user, or a token, is configured).</summary>
        public bool WantsAuth
        {
            get { return (User != null && User.Length > 0) || (Auth == SmtpAuthChoice.XOAuth2 && Token != null && Token.Length > 0); }
        }
    }
}

namespace NanoRelay.Smtp.Server
{
    /// <summary>The settings of the SMTP ingress (config section `smtpIngress`), with the defaults of Limits.</summary>
    public sealed class SmtpServerOptions
    {
        private byte[][] _users = new byte[0][];
        private byte[][] _passwords = new byte[0][];

        /// <summary>The name in the greeting, EHLO reply and Received header (config `device.name`).</summary>
        public string ServerName { get; set; } = "nanorelay";

        /// <summary>`smtpIngress.maxMessageBytes`: content over this gets 552 5.3.4 (RFC 1870 §6.1).</summary>
        public long MaxMessageBytes { get; set; } = 1048576;

        /// <summary>RCPTs buffered per transaction; number 101 gets 452 4.5.3 (RFC 5321 §4.5.3.1.10).</summary>
        public int MaxRecipients { get; set; } = Limits.SmtpRecipients;

        /// <summary>`smtpIngress.bareLineEnds`.</summary>
        public BareLineEnds BareLineEnds { get; set; } = BareLineEnds.Reject;

        /// <summary>True when a certificate is configured: STARTTLS is offered.</summary>
        public bool TlsAvailable { get; set; }

        /// <summary>Time for each complete command line, from the moment the server waits for it.</summary>
        public int CommandTimeoutMs { get; set; } = Limits.SmtpServerIdleTimeoutMs;

        /// <summary>
        /// The wait for a command before the client has authenticated or started a mail transaction; the
        /// listener shortens it to Limits.OneSessionPreLoginTimeoutMs when it serves one session at a time.
        /// </summary>
        public int PreLoginTimeoutMs { get; set; } = Limits.SmtpServerIdleTimeoutMs;

        /// <summary>Time for the mail data, plus one second per <see cref="MinDataBytesPerSecond"/> bytes received.</summary>
        public int DataTimeoutMs { get; set; } = Limits.SmtpDataBlockTimeoutMs;

        /// <summary>The slowest data rate accepted (Postfix smtpd_min_data_rate).</summary>
        public int MinDataBytesPerSecond { get; set; } = Limits.SmtpServerMinDataRate;

        /// <summary>Protocol errors (500-504, 555) before 421 and close.</summary>
        public int BadCommandLimit { get; set; } = Limits.SmtpBadCommands;

        /// <summary>Failed AUTH attempts before 421 and close.</summary>
        public int AuthFailureLimit { get; set; } = Limits.SmtpAuthFailures;

        /// <summary>Failed logins by client address across connections; share one with POP3 (null: per-session limits only).</summary>
        public NanoRelay.Auth.AuthPenalty AuthPenalty { get; set; } = new NanoRelay.Auth.AuthPenalty();

        /// <summary>The driver waits this long for early talkers before it sends the greeting; 0 skips the wait.</summary>
        public int GreetingPauseMs { get; set; } = Limits.SmtpServerGreetingPauseMs;

        /// <summary>Adds a user that may authenticate (AUTH PLAIN/LOGIN over TLS or from loopback).</summary>
        public void AddUser(string user, string password)
        {
            _users = Append(_users, NanoRelay.Framing.Utf8.GetBytes(user));
            _passwords = Append(_passwords, NanoRelay.Framing.Utf8.GetBytes(password));
        }

        /// <summary>Whether any user is configured.</summary>
        public bool HasUsers { get { return _users.Length > 0; } }

        /// <summary>
        /// Checks a user name and password against every configured user, always comparing every
        /// byte of every entry, so the time taken does not tell whether the user exists.
        /// </summary>
        public bool CheckCredentials(byte[] buffer, int userOffset, int userCount, int passwordOffset, int passwordCount)
        {
            bool found = false;
            for (int i = 0; i < _users.Length; i++)
            {
                bool u = FixedTimeEquals(_users[i], buffer, userOffset, userCount);
                bool p = FixedTimeEquals(_passwords[i], buffer, passwordOffset, passwordCount);
                found |= u & p;
            }

            return found;
        }

        private static bool FixedTimeEquals(byte[] expected, byte[] buffer, int offset, int count)
        {
            int diff = expected.Length ^ count;
            for (int i = 0; i < expected.Length; i++)
            {
                byte actual = i < count ? buffer[offset + i] : (byte)0;
                diff |= expected[i] ^ actual;
            }

            return diff == 0;
        }

        private static byte[][] Append(byte[][] array, byte[] item)
        {
            byte[][] grown = new byte[array.Length + 1][];
            for (int i = 0; i < array.Length; i++)
            {
                grown[i] = array[i];
            }

            grown[array.Length] = item;
            return grown;
        }
    }
}

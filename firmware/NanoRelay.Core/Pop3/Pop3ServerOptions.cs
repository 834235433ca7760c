namespace NanoRelay.Pop3
{
    /// <summary>How the POP3 server behaves: the one account, what it may offer, its limits.</summary>
    public sealed class Pop3ServerOptions
    {
        public Pop3ServerOptions()
        {
            User = "tech";
            Password = "secret";
            HostName = "localhost";
            ServerName = "nanoRelay";
            Implementation = "nanoRelay";
            PreAuthTimeoutMilliseconds = Limits.Pop3PreAuthTimeoutMs;
            IdleTimeoutMilliseconds = Limits.Pop3IdleTimeoutMs;
            BadCommandsBeforeLogin = Limits.Pop3BadCommandsBeforeLogin;
            BadCommandsAfterLogin = Limits.Pop3BadCommandsAfterLogin;
            AuthFailureDelayMilliseconds = Limits.Pop3AuthFailureDelayMs;
            AuthFailures = Limits.Pop3AuthFailures;
            AuthPenalty = new NanoRelay.Auth.AuthPenalty();
            MaxSessions = Limits.Pop3SessionsDefault;
        }

        /// <summary>The maildrop's one user name (config pop3.user).</summary>
        public string User { get; set; }

        /// <summary>Its password (config pop3.password); never logged.</summary>
        public string Password { get; set; }

        /// <summary>RFC 1939 §7 APOP: off by default, and then accepted only over TLS (MD5 is broken).</summary>
        public bool Apop { get; set; }

        /// <summary>Whether STLS can be offered (a server certificate exists).</summary>
        public bool TlsAvailable { get; set; }

        /// <summary>The domain part of the APOP greeting timestamp (RFC 1939 §7 "msg-id").</summary>
        public string HostName { get; set; }

        /// <summary>The name in human-readable replies (the sign-off line).</summary>
        public string ServerName { get; set; }

        /// <summary>RFC 2449 §6.9 IMPLEMENTATION argument.</summary>
        public string Implementation { get; set; }

        /// <summary>
        /// How long a client may take to log in, from the greeting on; with one session (MaxSessions 1) at most
        /// Limits.OneSessionPreLoginTimeoutMs, so a silent client cannot hold a one-session board's only slot.
        /// </summary>
        public int PreAuthTimeoutMilliseconds
        {
            get { return MaxSessions == 1 && _preAuthTimeout > Limits.OneSessionPreLoginTimeoutMs ? Limits.OneSessionPreLoginTimeoutMs : _preAuthTimeout; }
            set { _preAuthTimeout = value; }
        }

        private int _preAuthTimeout;

        /// <summary>The inactivity autologout after login (RFC 1939 §3: at least 10 minutes).</summary>
        public int IdleTimeoutMilliseconds { get; set; }

        public int BadCommandsBeforeLogin { get; set; }

        public int BadCommandsAfterLogin { get; set; }

        /// <summary>The pause before a failed login is answered (the same for unknown users).</summary>
        public int AuthFailureDelayMilliseconds { get; set; }

        /// <summary>Failed logins per connection before it is closed.</summary>
        public int AuthFailures { get; set; }

        /// <summary>Failed logins by client address across connections; share one with the SMTP ingress (null: per-session limits only).</summary>
        public NanoRelay.Auth.AuthPenalty AuthPenalty { get; set; }

        /// <summary>Concurrent sessions; the excess gets "-ERR [SYS/TEMP]" (board profile).</summary>
        public int MaxSessions { get; set; }
    }
}

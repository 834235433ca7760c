namespace NanoRelay.Storage
{
    /// <summary>
    /// What the mailbox servers (POP3, IMAP) share: the one account, whether TLS can be offered, the
    /// login limits and the session cap. Each protocol adds its own settings and defaults.
    /// </summary>
    public abstract class MailboxServerOptions
    {
        protected MailboxServerOptions()
        {
            User = "tech";
            Password = "secret";
            Implementation = "nanoRelay";
            AuthFailureDelayMilliseconds = Limits.Pop3AuthFailureDelayMs;
            AuthFailures = Limits.Pop3AuthFailures;
            AuthPenalty = new NanoRelay.Auth.AuthPenalty();
        }

        /// <summary>The mailbox's one user name (config pop3.user or imap.user).</summary>
        public string User { get; set; }

        /// <summary>Its password; never logged.</summary>
        public string Password { get; set; }

        /// <summary>Whether STLS/STARTTLS can be offered (a server certificate exists).</summary>
        public bool TlsAvailable { get; set; }

        /// <summary>The implementation's name (RFC 2449 §6.9 IMPLEMENTATION, RFC 2971 §3.3 "name").</summary>
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

        /// <summary>The inactivity autologout after login (RFC 1939 §3: at least 10 minutes; RFC 9051 §5.4: at least 30).</summary>
        public int IdleTimeoutMilliseconds { get; set; }

        public int BadCommandsBeforeLogin { get; set; }

        public int BadCommandsAfterLogin { get; set; }

        /// <summary>The pause before a failed login is answered (the same for unknown users).</summary>
        public int AuthFailureDelayMilliseconds { get; set; }

        /// <summary>Failed logins per connection before it is closed.</summary>
        public int AuthFailures { get; set; }

        /// <summary>Failed logins by client address across connections, shared with the SMTP ingress (null: per-session limits only).</summary>
        public NanoRelay.Auth.AuthPenalty AuthPenalty { get; set; }

        /// <summary>Concurrent sessions; the excess is refused politely (board profile).</summary>
        public int MaxSessions { get; set; }
    }
}

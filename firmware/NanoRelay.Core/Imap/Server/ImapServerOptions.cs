namespace NanoRelay.Imap.Server
{
    /// <summary>How the IMAP server behaves: the one account, TLS, its limits.</summary>
    public sealed class ImapServerOptions
    {
        public ImapServerOptions()
        {
            User = "tech";
            Password = "secret";
            Implementation = "nanoRelay";
            PreAuthTimeoutMilliseconds = Limits.ImapPreAuthTimeoutMs;
            IdleTimeoutMilliseconds = Limits.ImapIdleTimeoutMs;
            IdlePollMilliseconds = Limits.ImapIdlePollMs;
            BadCommandsBeforeLogin = Limits.ImapBadCommandsBeforeLogin;
            BadCommandsAfterLogin = Limits.ImapBadCommandsAfterLogin;
            AuthFailureDelayMilliseconds = Limits.Pop3AuthFailureDelayMs;
            AuthFailures = Limits.Pop3AuthFailures;
            AuthPenalty = new NanoRelay.Auth.AuthPenalty();
            MaxSessions = Limits.ImapSessionsDefault;
            MaxMessageBytes = Limits.ImapAppendDefaultMax;
        }

        /// <summary>The mailbox's one user name (config imap.user).</summary>
        public string User { get; set; }

        /// <summary>Its password (config imap.password); never logged.</summary>
        public string Password { get; set; }

        /// <summary>Whether STARTTLS can be offered (a server certificate exists).</summary>
        public bool TlsAvailable { get; set; }

        /// <summary>RFC 2971 §3.3 "name" in the ID response.</summary>
        public string Implementation { get; set; }

        public int PreAuthTimeoutMilliseconds { get; set; }

        /// <summary>RFC 9051 §5.4: the autologout timer after login (at least 30 minutes).</summary>
        public int IdleTimeoutMilliseconds { get; set; }

        /// <summary>How often an IDLE session looks at the mailbox (the one-second promise).</summary>
        public int IdlePollMilliseconds { get; set; }

        public int BadCommandsBeforeLogin { get; set; }

        public int BadCommandsAfterLogin { get; set; }

        public int AuthFailureDelayMilliseconds { get; set; }

        public int AuthFailures { get; set; }

        /// <summary>Failed logins by client address across connections (shared with SMTP and POP3; null: per session only).</summary>
        public NanoRelay.Auth.AuthPenalty AuthPenalty { get; set; }

        /// <summary>Concurrent sessions; the excess gets "* BYE [UNAVAILABLE]".</summary>
        public int MaxSessions { get; set; }

        /// <summary>APPEND's literal at most (RFC 7888 §4 / RFC 9051 §7.1 [TOOBIG]); the mailbox's maxMessageBytes.</summary>
        public long MaxMessageBytes { get; set; }
    }
}

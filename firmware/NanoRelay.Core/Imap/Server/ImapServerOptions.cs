namespace NanoRelay.Imap.Server
{
    /// <summary>How the IMAP server behaves: the shared mailbox settings, and IMAP's own (IDLE, APPEND).</summary>
    public sealed class ImapServerOptions : NanoRelay.Storage.MailboxServerOptions
    {
        public ImapServerOptions()
        {
            PreAuthTimeoutMilliseconds = Limits.ImapPreAuthTimeoutMs;
            IdleTimeoutMilliseconds = Limits.ImapIdleTimeoutMs;
            IdlePollMilliseconds = Limits.ImapIdlePollMs;
            BadCommandsBeforeLogin = Limits.ImapBadCommandsBeforeLogin;
            BadCommandsAfterLogin = Limits.ImapBadCommandsAfterLogin;
            MaxSessions = Limits.ImapSessionsDefault;
            MaxMessageBytes = Limits.ImapAppendDefaultMax;
        }

        /// <summary>How often an IDLE session looks at the mailbox (the one-second promise).</summary>
        public int IdlePollMilliseconds { get; set; }

        /// <summary>APPEND's literal at most (RFC 7888 §4 / RFC 9051 §7.1 [TOOBIG]); the mailbox's maxMessageBytes.</summary>
        public long MaxMessageBytes { get; set; }
    }
}

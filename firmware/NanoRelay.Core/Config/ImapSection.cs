namespace NanoRelay.Config
{
    /// <summary>"imap": IMAP4rev1 (RFC 3501) on POP3's mailbox; user and password default to pop3's.</summary>
    public sealed class ImapSection
    {
        /// <summary>Null until <see cref="ConfigDefaults.Apply"/> (a per-platform default).</summary>
        public string Listen { get; set; }

        public string TlsListen { get; set; }

        /// <summary>Left out: pop3.user (the same mailbox, the same account).</summary>
        public string User { get; set; }

        /// <summary>Left out: pop3.password.</summary>
        public string Password { get; set; }
    }
}

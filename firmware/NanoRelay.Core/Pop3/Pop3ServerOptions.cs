namespace NanoRelay.Pop3
{
    /// <summary>How the POP3 server behaves: the shared mailbox settings, and what POP3 alone may offer.</summary>
    public sealed class Pop3ServerOptions : NanoRelay.Storage.MailboxServerOptions
    {
        public Pop3ServerOptions()
        {
            HostName = "localhost";
            ServerName = "nanoRelay";
            PreAuthTimeoutMilliseconds = Limits.Pop3PreAuthTimeoutMs;
            IdleTimeoutMilliseconds = Limits.Pop3IdleTimeoutMs;
            BadCommandsBeforeLogin = Limits.Pop3BadCommandsBeforeLogin;
            BadCommandsAfterLogin = Limits.Pop3BadCommandsAfterLogin;
            MaxSessions = Limits.Pop3SessionsDefault;
        }

        /// <summary>RFC 1939 §7 APOP: off by default, and then accepted only over TLS (MD5 is broken).</summary>
        public bool Apop { get; set; }

        /// <summary>The domain part of the APOP greeting timestamp (RFC 1939 §7 "msg-id").</summary>
        public string HostName { get; set; }

        /// <summary>The name in human-readable replies (the sign-off line).</summary>
        public string ServerName { get; set; }
    }
}

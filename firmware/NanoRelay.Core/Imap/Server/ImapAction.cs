namespace NanoRelay.Imap.Server
{
    /// <summary>What the driver does once the session's output is written.</summary>
    public enum ImapAction
    {
        /// <summary>Read the next line.</summary>
        None = 0,

        /// <summary>RFC 9051 §6.2.1: run the TLS handshake, drop bytes buffered before it, call TlsStarted.</summary>
        StartTls = 1,

        /// <summary>Close the connection (LOGOUT answered, BYE sent).</summary>
        Close = 2,
    }
}

namespace NanoRelay.Pop3
{
    /// <summary>What the driver must do once the session's output is written.</summary>
    public enum Pop3Action
    {
        /// <summary>Read the next command.</summary>
        None = 0,

        /// <summary>RFC 2595 §4: run the TLS handshake, discard bytes buffered before it, then call TlsStarted.</summary>
        StartTls = 1,

        /// <summary>Close the connection (QUIT answered, or too many errors).</summary>
        Close = 2,
    }
}

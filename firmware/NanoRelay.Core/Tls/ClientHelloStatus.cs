namespace NanoRelay.Tls
{
    /// <summary>What <see cref="ClientHelloWait"/> found before a server-side handshake.</summary>
    public enum ClientHelloStatus
    {
        /// <summary>A whole first record (RFC 8446 §5.1, a handshake record) is readable: the handshake may start.</summary>
        Ready,

        /// <summary>The client sent nothing, or not a whole record, within the time allowed.</summary>
        TimedOut,

        /// <summary>The client closed the connection first.</summary>
        Closed,

        /// <summary>The first bytes are not a TLS handshake record (plaintext on a TLS port, say).</summary>
        NotTls
    }
}

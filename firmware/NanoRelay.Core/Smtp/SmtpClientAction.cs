namespace NanoRelay.Smtp
{
    /// <summary>What the driver must do next for a <see cref="SmtpClientSession"/>.</summary>
    public enum SmtpClientAction
    {
        /// <summary>Write the pending output, then read the next reply.</summary>
        AwaitReply = 0,

        /// <summary>The server said 220 to STARTTLS: check nothing is buffered, run the handshake, call OnTlsEstablished.</summary>
        StartTls = 1,

        /// <summary>The server said 354: stream the message through the dot-stuffer, then call OnBodySent.</summary>
        SendBody = 2,

        /// <summary>The session is idle and authenticated: a message may begin (or QUIT).</summary>
        Ready = 3,

        /// <summary>The session is over: close the connection.</summary>
        Close = 4,
    }
}

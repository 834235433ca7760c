namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// What a bare CR or LF inside message content does (config `smtpIngress.bareLineEnds`).
    /// Neither mode ever lets a bare CR or LF end a line or the data (RFC 5321 §2.3.8, §4.1.1.4).
    /// </summary>
    public enum BareLineEnds
    {
        /// <summary>"reject" (default): the message is read to its real end and refused with 550 5.5.2.</summary>
        Reject = 0,

        /// <summary>"normalize": each bare CR or LF is stored as CRLF (Postfix 3.9's default for LAN devices).</summary>
        Normalize = 1,
    }
}

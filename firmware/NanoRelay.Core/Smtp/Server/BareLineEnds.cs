namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// What a bare CR or LF inside message content does (config `smtpIngress.bareLineEnds`).
    /// In both modes only CRLF "." CRLF ends the data (RFC 5321 §2.3.8, §4.1.1.4), except in a
    /// message whose every line ended in a bare LF (a sloppy device): there LF "." LF ends it, it
    /// is answered at once, and the session then serves only QUIT.
    /// </summary>
    public enum BareLineEnds
    {
        /// <summary>"reject" (default): the message is read to its end and refused with 550 5.5.2.</summary>
        Reject = 0,

        /// <summary>"normalize": each bare CR or LF is stored as CRLF, and an LF-only message may end with LF "." LF.</summary>
        Normalize = 1,
    }
}

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// The first thing wrong with the mail data being received. Sticky: the data is still read
    /// to its real end (so the dialogue stays in step), then answered with the matching reply.
    /// </summary>
    internal enum SmtpDataError
    {
        None = 0,

        /// <summary>A bare CR or LF in reject mode: 550 5.5.2.</summary>
        BareLineEnd,

        /// <summary>A NUL octet (never valid mail content, RFC 5322 §2.3 / RFC 6152): 554 5.6.0.</summary>
        Nul,

        /// <summary>A text line over 1000 octets (RFC 5321 §4.5.3.1.6): 500 5.5.2.</summary>
        LineTooLong,

        /// <summary>Over maxMessageBytes (RFC 1870 §6.1): 552 5.3.4.</summary>
        TooBig,

        /// <summary>The sink is full (RFC 5321 §4.2.2): 452 4.3.1.</summary>
        StoreFull,

        /// <summary>The sink failed otherwise: 451 4.3.0.</summary>
        StoreFailed,
    }
}

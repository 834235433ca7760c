namespace NanoRelay.Smtp.Server
{
    /// <summary>Where an SMTP server session is in the RFC 5321 §4.1.4 command sequence.</summary>
    public enum SmtpServerState
    {
        /// <summary>Connected; the greeting is not sent yet (bytes arriving now are an early talker).</summary>
        Connecting = 0,

        /// <summary>
        /// §3.1: greeted with 554, or a message just ended by LF "." LF (bare LF line ends only);
        /// only QUIT is served, everything else gets 503.
        /// </summary>
        Refused = 1,

        /// <summary>Greeted with 220; waiting for EHLO or HELO.</summary>
        Greeted = 2,

        /// <summary>§4.1.1.1: EHLO/HELO done, no mail transaction open.</summary>
        Ready = 3,

        /// <summary>§4.1.1.2: MAIL accepted, no recipient yet.</summary>
        MailFrom = 4,

        /// <summary>§4.1.1.3: at least one RCPT accepted.</summary>
        RcptTo = 5,

        /// <summary>§4.1.1.4: 354 sent; mail data lines until CRLF.CRLF.</summary>
        Data = 6,

        /// <summary>RFC 4954 §4: AUTH PLAIN sent 334, waiting for the initial response.</summary>
        AuthPlain = 7,

        /// <summary>RFC 4954 §4: AUTH LOGIN waiting for the user name.</summary>
        AuthLoginUser = 8,

        /// <summary>RFC 4954 §4: AUTH LOGIN waiting for the password.</summary>
        AuthLoginPassword = 9,

        /// <summary>RFC 3207 §4: 220 sent to STARTTLS; the driver runs the handshake.</summary>
        StartTls = 10,

        /// <summary>The session is over (QUIT, 421, 554 protocol violation, timeout or a lost connection).</summary>
        Closed = 11,
    }
}

namespace NanoRelay.Smtp
{
    /// <summary>The client's states, in RFC 5321 §4.3.2 order; each waits for the reply to the command it sent on entry.</summary>
    public enum SmtpClientState
    {
        Connect = 0,
        Greeting = 1,
        Ehlo = 2,
        Helo = 3,
        StartTls = 4,
        TlsHandshake = 5,
        AuthPlain = 6,
        AuthLogin = 7,
        AuthLoginUser = 8,
        AuthLoginPassword = 9,
        AuthCramMd5 = 10,
        AuthCramMd5Response = 11,
        AuthXOAuth2 = 12,
        AuthXOAuth2Error = 13,
        AuthCancel = 14,
        Ready = 15,
        MailFrom = 16,
        RcptTo = 17,
        Data = 18,
        Body = 19,
        EndOfData = 20,
        Rset = 21,
        Quit = 22,
        Closed = 23,
    }
}

namespace NanoRelay.Smtp.Server
{
    /// <summary>The command verbs the ingress knows (RFC 5321 §4.1.1, RFC 3207, RFC 4954).</summary>
    internal enum SmtpCommand
    {
        Unknown = 0,
        Helo,
        Ehlo,
        Mail,
        Rcpt,
        Data,
        Rset,
        Noop,
        Quit,
        Help,
        Vrfy,
        Expn,

        /// <summary>§4.1.1 lists SEND, SOML, SAML and TURN as obsolete: 502.</summary>
        Send,
        Soml,
        Saml,
        Turn,
        StartTls,
        Auth,
    }
}

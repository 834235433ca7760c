namespace NanoRelay.Smtp
{
    /// <summary>Which SASL mechanism to use (config "upstream.auth").</summary>
    public enum SmtpAuthChoice
    {
        /// <summary>The strongest the server offers after TLS: XOAUTH2 (with a token), CRAM-MD5, PLAIN, LOGIN.</summary>
        Auto = 0,
        Plain = 1,
        Login = 2,
        CramMd5 = 3,
        XOAuth2 = 4,
    }
}

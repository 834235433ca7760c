using System;

namespace NanoRelay.Smtp
{
    /// <summary>SASL mechanisms named in an EHLO AUTH line (RFC 4954 §3) that the client can use.</summary>
    [Flags]
    public enum SaslMechanisms
    {
        None = 0,

        /// <summary>RFC 4616.</summary>
        Plain = 1,

        /// <summary>The de facto LOGIN mechanism (draft-murchison-sasl-login).</summary>
        Login = 2,

        /// <summary>RFC 2195.</summary>
        CramMd5 = 4,

        /// <summary>Google/Microsoft OAuth 2.0 bearer tokens.</summary>
        XOAuth2 = 8,
    }
}

using System;

namespace NanoRelay.Smtp
{
    /// <summary>The EHLO keywords the client acts on (OpenSMTPD's SMTP_EXT_* bits), RFC 5321 §4.1.1.1.</summary>
    [Flags]
    public enum SmtpExtensions
    {
        None = 0,

        /// <summary>RFC 3207.</summary>
        StartTls = 1,

        /// <summary>RFC 4954.</summary>
        Auth = 2,

        /// <summary>RFC 1870.</summary>
        Size = 4,

        /// <summary>RFC 6152.</summary>
        EightBitMime = 8,

        /// <summary>RFC 6531.</summary>
        SmtpUtf8 = 16,

        /// <summary>RFC 2920.</summary>
        Pipelining = 32,

        /// <summary>RFC 2034.</summary>
        EnhancedStatusCodes = 64,
    }
}

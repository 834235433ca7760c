namespace NanoRelay.Smtp.Server
{
    /// <summary>What <see cref="SmtpPath.Parse"/> found.</summary>
    public enum SmtpPathResult
    {
        Ok = 0,

        /// <summary>Not a Path per RFC 5321 §4.1.2 (501 Syntax).</summary>
        Syntax = 1,

        /// <summary>Over §4.5.3.1 limits: local-part 64, domain 255, path 256 (501 Path too long).</summary>
        TooLong = 2,
    }
}

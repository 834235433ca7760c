using System;

namespace NanoRelay.Smtp.Server
{
    /// <summary>Forms of a path that are legal RFC 5321 syntax but could route mail past the relay policy.</summary>
    [Flags]
    public enum SmtpPathFlags
    {
        None = 0,

        /// <summary>§4.1.1.3 / Appendix C: "@relay:user@domain" (an A-d-l source route).</summary>
        SourceRoute = 1,

        /// <summary>A quoted local part that holds an "@" ("victim@ext"@relay).</summary>
        QuotedAt = 2,

        /// <summary>"%" in the local part (the percent hack: victim%ext@relay).</summary>
        Percent = 4,

        /// <summary>"!" in the local part (a UUCP bang path: ext!victim).</summary>
        Bang = 8,

        /// <summary>No "@domain" at all.</summary>
        NoDomain = 16,

        /// <summary>Every flag above: none of them is relayed.</summary>
        Ambiguous = SourceRoute | QuotedAt | Percent | Bang | NoDomain,
    }
}

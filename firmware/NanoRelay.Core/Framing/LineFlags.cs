using System;

namespace NanoRelay.Framing
{
    /// <summary>Violations seen inside a framed line. None of them ends a line.</summary>
    [Flags]
    public enum LineFlags
    {
        None = 0,

        /// <summary>A CR not followed by LF (RFC 5321 §2.3.8: not a line end).</summary>
        BareCr = 1,

        /// <summary>An LF not preceded by CR, where only CRLF ends a line (SMTP).</summary>
        BareLf = 2,

        /// <summary>A NUL octet: never valid in a command, and a C-string truncation trap.</summary>
        Nul = 4,
    }
}

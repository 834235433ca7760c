using NanoRelay.Framing;

namespace NanoRelay.Alerts
{
    /// <summary>
    /// Text bodies for the digest parts: 7bit when the text allows it, else quoted-printable
    /// (RFC 2045 §6.7). Input is UTF-8 with "\n" or "\r\n" line ends; output lines end in CRLF.
    /// </summary>
    internal static class DigestBodyEncoder
    {
        private static readonly byte[] s_hex = Ascii.Bytes("0123456789ABCDEF");

        /// <summary>Whether the text can go as 7bit: ASCII, no NUL or bare CR, lines of at most 78 (RFC 5322 §2.1.1), no line that could read as a boundary.</summary>
        public static bool Is7Bit(byte[] text)
        {
            int column = 0;
            for (int i = 0; i < text.Length; i++)
            {
                byte b = text[i];
                if (b == (byte)'\n')
                {
                    column = 0;
                    continue;
                }

                if (b == (byte)'\r' && i + 1 < text.Length && text[i + 1] == (byte)'\n')
                {
                    continue;
                }

                if (b >= 0x80 || b == 0 || b == (byte)'\r')
                {
                    return false;
                }

                if (column == 0 && b == (byte)'-' && i + 1 < text.Length && text[i + 1] == (byte)'-')
                {
                    return false;
                }

                // RFC 5322 §2.1.1: 998 is the limit, 78 what a line SHOULD keep to; longer goes quoted-printable.
                if (++column > Limits.HeaderFoldAt)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Writes the text as 7bit lines with CRLF.</summary>
        public static void Write7Bit(DigestOutput o, byte[] text)
        {
            bool open = false;
            for (int i = 0; i < text.Length; i++)
            {
                byte b = text[i];
                if (b == (byte)'\r')
                {
                    continue;
                }

                if (b == (byte)'\n')
                {
                    o.Crlf();
                    open = false;
                    continue;
                }

                o.Byte(b);
                open = true;
            }

            if (open)
            {
                o.Crlf();
            }
        }

        /// <summary>Writes the text quoted-printable: RFC 2045 §6.7 rules 1-5, soft breaks before 76 columns.</summary>
        public static void WriteQuotedPrintable(DigestOutput o, byte[] text)
        {
            int i = 0;
            while (i < text.Length)
            {
                int end = i;
                while (end < text.Length && text[end] != (byte)'\n')
                {
                    end++;
                }

                int lineEnd = end > i && text[end - 1] == (byte)'\r' ? end - 1 : end;
                for (int k = i; k < lineEnd; k++)
                {
                    byte b = text[k];
                    bool last = k == lineEnd - 1;

                    // Rule 2: printable ASCII except "=" stands for itself. Rule 3: space and tab
                    // too, except at the end of a line, where transports may strip them.
                    bool literal = (b >= 33 && b <= 126 && b != (byte)'=') || ((b == (byte)' ' || b == (byte)'\t') && !last);
                    int width = literal ? 1 : 3;

                    // Rule 5: lines of at most 76 characters; "=" at the end is a soft break.
                    if (o.Column + width > Limits.QuotedPrintableLineChars - 1)
                    {
                        o.Byte((byte)'=');
                        o.Crlf();
                    }

                    if (literal)
                    {
                        o.Byte(b);
                    }
                    else
                    {
                        o.Byte((byte)'=');
                        o.Byte(s_hex[b >> 4]);
                        o.Byte(s_hex[b & 15]);
                    }
                }

                if (end < text.Length || lineEnd > i)
                {
                    o.Crlf();
                }

                i = end + 1;
            }
        }
    }
}

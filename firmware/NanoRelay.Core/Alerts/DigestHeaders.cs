using System;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Alerts
{
    /// <summary>
    /// The few header tools the digest needs (RFC 5322 dates and folding, RFC 2047 encoded-words).
    /// Kept apart on purpose: when the general MIME writer lands, these fold into it.
    /// </summary>
    internal static class DigestHeaders
    {
        private static readonly string[] s_days = new string[] { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
        private static readonly string[] s_months = new string[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
        private static readonly byte[] s_encodedWordStart = Ascii.Bytes("=?utf-8?B?");
        private static readonly byte[] s_encodedWordEnd = Ascii.Bytes("?=");

        // RFC 2047 §2: "An 'encoded-word' may not be more than 75 characters long" and "each
        // line of a header field that contains one or more 'encoded-word's is limited to 76
        // characters". The frame "=?utf-8?B?" + "?=" takes 12 of them.
        private const int EncodedWordFrame = 12;
        private const int EncodedLineMax = 76;
        private const int EncodedWordMax = 75;

        /// <summary>RFC 5322 §3.3 date-time in UTC: "Fri, 27 Nov 2026 09:30:00 +0000".</summary>
        public static string FormatDate(DateTime utc)
        {
            return s_days[(int)utc.DayOfWeek] + ", " + utc.Day.ToString() + " " + s_months[utc.Month - 1] + " " + utc.Year.ToString() + " "
                + Two(utc.Hour) + ":" + Two(utc.Minute) + ":" + Two(utc.Second) + " +0000";
        }

        /// <summary>
        /// An unstructured header (RFC 5322 §3.2.5, Subject). Printable ASCII is written as is,
        /// folded at spaces before 78 columns (§2.2.3); anything else as RFC 2047 §4.1 "B"
        /// encoded-words split on character boundaries, one per folded line.
        /// </summary>
        public static void WriteUnstructured(DigestOutput o, string name, string value)
        {
            o.Ascii(name);
            o.Ascii(":");
            if (IsPlain(value))
            {
                WriteFoldedAscii(o, value);
            }
            else
            {
                WriteEncodedWords(o, Utf8.GetBytes(value));
            }

            o.Crlf();
        }

        /// <summary>An address list header (RFC 5322 §3.4), folded between addresses.</summary>
        public static void WriteAddresses(DigestOutput o, string name, string[] addresses)
        {
            o.Ascii(name);
            o.Ascii(":");
            for (int i = 0; i < addresses.Length; i++)
            {
                if (i > 0)
                {
                    o.Ascii(",");
                }

                if (i > 0 && o.Column + 1 + addresses[i].Length > Limits.HeaderFoldAt)
                {
                    o.Crlf();
                }

                o.Ascii(" ");
                o.Ascii(addresses[i]);
            }

            o.Crlf();
        }

        /// <summary>A header whose value the caller guarantees is short printable ASCII.</summary>
        public static void WriteRaw(DigestOutput o, string name, string value)
        {
            o.Ascii(name);
            o.Ascii(": ");
            o.Ascii(value);
            o.Crlf();
        }

        /// <summary>The domain of an address, for Message-IDs ("localhost" when there is none).</summary>
        public static string DomainOf(string address)
        {
            int at = address == null ? -1 : address.LastIndexOf('@');
            return at < 0 || at == address.Length - 1 ? "localhost" : address.Substring(at + 1);
        }

        private static bool IsPlain(string value)
        {
            int run = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < 0x20 || c > 0x7E)
                {
                    return false;
                }

                // A word too long to fold at a space would break RFC 5322 §2.1.1's 78: encoded-words split anywhere.
                run = c == ' ' ? 0 : run + 1;
                if (run > Limits.HeaderFoldAt - 12)
                {
                    return false;
                }
            }

            // "=?" could be taken for an encoded-word by a reader (RFC 2047 §5): encode instead.
            return value.IndexOf("=?") < 0;
        }

        private static void WriteFoldedAscii(DigestOutput o, string value)
        {
            int i = 0;
            while (i < value.Length)
            {
                int space = value.IndexOf(' ', i + 1);
                int end = space < 0 ? value.Length : space;
                if (i > 0 && o.Column + (end - i) > Limits.HeaderFoldAt)
                {
                    o.Crlf();   // the word keeps its leading space: RFC 5322 §2.2.3 folding
                }

                if (i == 0)
                {
                    o.Ascii(" ");
                }

                for (int k = i; k < end; k++)
                {
                    o.Byte((byte)value[k]);
                }

                i = end;
            }
        }

        private static void WriteEncodedWords(DigestOutput o, byte[] utf8)
        {
            byte[] b64 = new byte[EncodedWordMax];
            int i = 0;
            while (i < utf8.Length)
            {
                if (i > 0)
                {
                    o.Crlf();
                }

                o.Ascii(" ");
                int room = EncodedLineMax - o.Column;
                if (room > EncodedWordMax)
                {
                    room = EncodedWordMax;
                }

                int n = utf8.Length - i;
                int most = ((room - EncodedWordFrame) / 4) * 3;
                if (n > most)
                {
                    n = most;
                    while (n > 1 && (utf8[i + n] & 0xC0) == 0x80)
                    {
                        n--;   // RFC 2047 §5: a word must hold whole characters
                    }
                }

                o.Bytes(s_encodedWordStart);
                int len = Base64.Encode(utf8, i, n, b64, 0);
                o.Bytes(b64, 0, len);
                o.Bytes(s_encodedWordEnd);
                i += n;
            }
        }

        private static string Two(int v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }
    }
}

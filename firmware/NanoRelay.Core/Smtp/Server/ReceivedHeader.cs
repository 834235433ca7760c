using System;
using NanoRelay.Framing;
using NanoRelay.Storage;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// The trace header the ingress prepends (RFC 5321 §4.4, protocol names per RFC 3848):
    /// <code>
    /// Received: from printer.lan ([192.168.1.20])
    ///         by greenhouse-1 (nanoRelay) with ESMTP id 3f2a9c1b7e40;
    ///         Fri, 27 Nov 2026 09:30:00 +0000
    /// </code>
    /// </summary>
    public static class ReceivedHeader
    {
        private static readonly byte[] s_from = Ascii.Bytes("Received: from ");
        private static readonly byte[] s_openV4 = Ascii.Bytes(" ([");
        private static readonly byte[] s_openV6 = Ascii.Bytes(" ([IPv6:");
        private static readonly byte[] s_by = Ascii.Bytes("])\r\n\tby ");
        private static readonly byte[] s_with = Ascii.Bytes(" (nanoRelay) with ");
        private static readonly byte[] s_id = Ascii.Bytes(" id ");
        private static readonly byte[] s_date = Ascii.Bytes(";\r\n\t");
        private static readonly byte[] s_days = Ascii.Bytes("SunMonTueWedThuFriSat");
        private static readonly byte[] s_months = Ascii.Bytes("JanFebMarAprMayJunJulAugSepOctNovDec");

        /// <summary>
        /// Writes the header through <paramref name="scratch"/> (at least 600 bytes) into the message.
        /// <paramref name="protocol"/> is "SMTP", "ESMTP", "ESMTPS", "ESMTPA" or "ESMTPSA".
        /// </summary>
        public static void Write(IIngressMessage message, byte[] scratch, string heloName, string remoteAddress, string serverName, string protocol, string id, DateTime utc)
        {
            int o = 0;
            o = Put(scratch, o, s_from);
            o = PutText(scratch, o, heloName, 300);
            string address = remoteAddress;
            if (address.IndexOf("::ffff:") == 0 && address.IndexOf('.') > 0)
            {
                address = address.Substring(7);   // an IPv4-mapped peer is shown as IPv4
            }

            o = Put(scratch, o, address.IndexOf(':') >= 0 ? s_openV6 : s_openV4);
            o = PutText(scratch, o, address, 50);
            o = Put(scratch, o, s_by);
            o = PutText(scratch, o, serverName, 100);
            o = Put(scratch, o, s_with);
            o = PutText(scratch, o, protocol, 10);
            o = Put(scratch, o, s_id);
            o = PutText(scratch, o, id, 32);
            o = Put(scratch, o, s_date);
            o += FormatDate(utc, scratch, o);
            o = Put(scratch, o, SmtpServerReplies.Crlf);
            message.Write(scratch, 0, o);
        }

        /// <summary>RFC 5322 §3.3 date-time in UTC, "Fri, 27 Nov 2026 09:30:00 +0000"; returns the 31 bytes written.</summary>
        public static int FormatDate(DateTime utc, byte[] d, int o)
        {
            int start = o;
            int day = (int)utc.DayOfWeek;
            d[o++] = s_days[3 * day];
            d[o++] = s_days[(3 * day) + 1];
            d[o++] = s_days[(3 * day) + 2];
            d[o++] = (byte)',';
            d[o++] = (byte)' ';
            o = Two(d, o, utc.Day);
            d[o++] = (byte)' ';
            int m = utc.Month - 1;
            d[o++] = s_months[3 * m];
            d[o++] = s_months[(3 * m) + 1];
            d[o++] = s_months[(3 * m) + 2];
            d[o++] = (byte)' ';
            o += Ascii.FormatDecimal(utc.Year, d, o);
            d[o++] = (byte)' ';
            o = Two(d, o, utc.Hour);
            d[o++] = (byte)':';
            o = Two(d, o, utc.Minute);
            d[o++] = (byte)':';
            o = Two(d, o, utc.Second);
            d[o++] = (byte)' ';
            d[o++] = (byte)'+';
            d[o++] = (byte)'0';
            d[o++] = (byte)'0';
            d[o++] = (byte)'0';
            d[o++] = (byte)'0';
            return o - start;
        }

        private static int Two(byte[] d, int o, int value)
        {
            d[o++] = (byte)('0' + (value / 10));
            d[o++] = (byte)('0' + (value % 10));
            return o;
        }

        private static int Put(byte[] d, int o, byte[] literal)
        {
            Array.Copy(literal, 0, d, o, literal.Length);
            return o + literal.Length;
        }

        // Header text from the client (its EHLO name): printable ASCII only, and nothing that would
        // end the comment or the clause early (RFC 5322 §3.2.2 ctext excludes "(", ")" and "\").
        private static int PutText(byte[] d, int o, string text, int max)
        {
            int n = text.Length < max ? text.Length : max;
            for (int i = 0; i < n; i++)
            {
                char c = text[i];
                bool ok = c > ' ' && c < (char)0x7F && c != '(' && c != ')' && c != '\\' && c != ';' && c != '"';
                d[o++] = ok ? (byte)c : (byte)'_';
            }

            return o;
        }
    }
}

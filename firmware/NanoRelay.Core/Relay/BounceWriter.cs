using System;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>
    /// Writes a delivery status notification (RFC 3464, in an RFC 3462 multipart/report) for the
    /// failed recipients of a spool entry: a human part, the machine-readable message/delivery-status
    /// with each recipient's Status and the server's reply, and the original headers
    /// (text/rfc822-headers). It goes into the device mailbox only, never upstream.
    /// </summary>
    public sealed class BounceWriter
    {
        private static readonly string[] s_days = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
        private static readonly string[] s_months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        private readonly string _host;
        private readonly IRandom _random;

        /// <summary>A writer reporting as <paramref name="host"/> (the Reporting-MTA and the MAILER-DAEMON domain).</summary>
        public BounceWriter(string host, IRandom random)
        {
            _host = host;
            _random = random;
        }

        /// <summary>Writes the whole report into <paramref name="to"/> (the caller commits it).</summary>
        public void Write(MailboxDelivery to, Spool spool, SpoolEntry entry, int[] failed, bool expired, DateTime utc)
        {
            byte[] nonce = new byte[8];
            _random.NextBytes(nonce, 0, 8);
            byte[] hex = new byte[16];
            NanoRelay.Crypto.Hex.Encode(nonce, 0, 8, hex, 0);
            string boundary = "=_nanorelay_" + Utf8.GetString(hex, 0, 16);
            string idLeft = "bounce." + Swap(entry.Key, ':', '.') + "." + Utf8.GetString(hex, 0, 8);

            Line(to, "From: Mail Delivery System <MAILER-DAEMON@" + _host + ">");
            Line(to, "To: " + (entry.Sender.Length > 0 ? "<" + entry.Sender + ">" : "undisclosed-recipients:;"));
            Line(to, "Subject: Undelivered Mail Returned to Sender");
            Line(to, "Date: " + FormatDate(utc));
            Line(to, "Message-ID: <" + idLeft + "@" + _host + ">");
            Line(to, "Auto-Submitted: auto-replied");   // RFC 3834 §5: never answer this automatically
            Line(to, "MIME-Version: 1.0");
            Line(to, "Content-Type: multipart/report; report-type=delivery-status;");
            Line(to, " boundary=\"" + boundary + "\"");
            Line(to, string.Empty);
            Line(to, "This is a delivery status notification in MIME format.");
            Line(to, string.Empty);

            Line(to, "--" + boundary);
            Line(to, "Content-Type: text/plain; charset=us-ascii");
            Line(to, string.Empty);
            Line(to, expired
                ? "The relay " + _host + " could not deliver your message in time to:"
                : "The relay " + _host + " could not deliver your message to:");
            for (int i = 0; i < failed.Length; i++)
            {
                int r = failed[i];
                Line(to, "  <" + entry.Recipients[r] + ">: " + OneLine(entry.RecipientReplies[r]));
            }

            if (entry.MessageId.Length > 0)
            {
                Line(to, "Message-ID of the message: " + OneLine(entry.MessageId));
            }

            Line(to, string.Empty);

            // RFC 3464 §2.2 per-message fields, then §2.3 per-recipient fields.
            Line(to, "--" + boundary);
            Line(to, "Content-Type: message/delivery-status");
            Line(to, string.Empty);
            Line(to, "Reporting-MTA: dns; " + _host);
            for (int i = 0; i < failed.Length; i++)
            {
                int r = failed[i];
                string reply = ServerReply(OneLine(entry.RecipientReplies[r]));
                Line(to, string.Empty);
                Line(to, "Final-Recipient: rfc822; " + entry.Recipients[r]);
                Line(to, "Action: failed");
                Line(to, "Status: " + StatusOf(reply, expired));
                if (reply.Length > 0)
                {
                    Line(to, "Diagnostic-Code: smtp; " + reply);
                }
            }

            Line(to, string.Empty);
            Line(to, "--" + boundary);
            Line(to, "Content-Type: text/rfc822-headers");
            Line(to, string.Empty);
            CopyHeaders(to, spool, entry);
            Line(to, "--" + boundary + "--");
        }

        /// <summary>An RFC 5322 §3.3 date-time in UTC: "Fri, 27 Nov 2026 09:30:00 +0000".</summary>
        public static string FormatDate(DateTime utc)
        {
            return s_days[(int)utc.DayOfWeek] + ", " + utc.Day.ToString() + " " + s_months[utc.Month - 1] + " "
                + utc.Year.ToString() + " " + Two(utc.Hour) + ":" + Two(utc.Minute) + ":" + Two(utc.Second) + " +0000";
        }

        // The server's own reply inside what the worker recorded: the whole text when it is a
        // reply ("550 5.1.1 ..."), the part after the step when described ("upstream refused end
        // of data: 550 5.1.1 ..."), "" when no server answered (a connection failure, our own check).
        // RFC 3464 §2.3.6: Diagnostic-Code carries the reply; §2.3.4 Status its enhanced code.
        internal static string ServerReply(string recorded)
        {
            for (int p = 0; p + 3 < recorded.Length; p++)
            {
                if ((p == 0 || recorded[p - 1] == ' ') && (recorded[p] == '4' || recorded[p] == '5')
                    && Ascii.IsDigit((byte)recorded[p + 1]) && Ascii.IsDigit((byte)recorded[p + 2])
                    && (recorded[p + 3] == ' ' || recorded[p + 3] == '-') && (p == 0 || (p >= 2 && recorded[p - 2] == ':')))
                {
                    return recorded.Substring(p);
                }
            }

            return string.Empty;
        }

        // RFC 3463 §3: the reply's enhanced code when it has one; else the class from its first
        // digit; 4.4.7 "delivery time expired" for a lifetime that ran out.
        internal static string StatusOf(string reply, bool expired)
        {
            if (expired)
            {
                return "4.4.7";
            }

            if (reply.Length >= 9 && reply[3] == ' ' && (reply[4] == '4' || reply[4] == '5') && reply[5] == '.')
            {
                int end = 6;
                int dots = 1;
                while (end < reply.Length && end < 14 && (Ascii.IsDigit((byte)reply[end]) || reply[end] == '.'))
                {
                    dots += reply[end] == '.' ? 1 : 0;
                    end++;
                }

                if (dots == 2 && Ascii.IsDigit((byte)reply[end - 1]))
                {
                    return reply.Substring(4, end - 4);
                }
            }

            return reply.Length > 0 && reply[0] == '4' ? "4.0.0" : "5.0.0";
        }

        private static void CopyHeaders(MailboxDelivery to, Spool spool, SpoolEntry entry)
        {
            IFileReader r = spool.OpenContent(entry);
            if (r == null)
            {
                return;
            }

            try
            {
                // RFC 3462 §2: the headers only, up to the blank line; bounded, cut at a line end.
                byte[] b = new byte[Limits.BounceHeaderBytes];
                int n = 0;
                while (n < b.Length)
                {
                    int got = r.Read(b, n, b.Length - n);
                    if (got <= 0)
                    {
                        break;
                    }

                    n += got;
                }

                int end = 0;
                int lineStart = 0;
                for (int i = 0; i < n; i++)
                {
                    if (b[i] == 10)
                    {
                        if (i - lineStart <= 1)
                        {
                            break;   // the blank line: the body starts here
                        }

                        lineStart = i + 1;
                        end = i + 1;
                    }
                }

                to.Write(b, 0, end);
            }
            finally
            {
                r.Close();
            }
        }

        private static string OneLine(string s)
        {
            if (s == null)
            {
                return string.Empty;
            }

            return Swap(Swap(s, '\r', ' '), '\n', ' ');
        }

        private static string Swap(string s, char from, char to)
        {
            char[] c = s.ToCharArray();
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] == from)
                {
                    c[i] = to;
                }
            }

            return new string(c);
        }

        private static string Two(int v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }

        private static void Line(MailboxDelivery to, string s)
        {
            byte[] b = Utf8.GetBytes(s + "\r\n");
            to.Write(b, 0, b.Length);
        }
    }
}

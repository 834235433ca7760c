using System;
using NanoRelay.Framing;
using NanoRelay.Mime;
using NanoRelay.Ports;

namespace NanoRelay.Alerts
{
    /// <summary>
    /// Writes a flapping rule's digest as one message: a multipart/digest (RFC 2046 §5.1.5)
    /// whose first part is a short text/plain summary and whose other parts are the collected
    /// alerts, each a small RFC 5322 message. In a digest a part's default type is
    /// message/rfc822, so those parts carry no part headers at all. Streams through the MIME
    /// writer's pieces (<see cref="MimeOutput"/>, <see cref="HeaderWriter"/>, <see cref="QuotedPrintableEncoder"/>)
    /// into an <see cref="IFileWriter"/>; reusable, not thread-safe.
    /// </summary>
    public sealed class AlertDigestWriter
    {
        private const int QuotedPrintableChunk = 16;   // its output buffer: 112 bytes (the encoder carries its state across chunks)

        private static readonly byte[] s_crlf = Ascii.Bytes("\r\n");
        private static readonly byte[] s_dashes = Ascii.Bytes("--");
        private static readonly byte[] s_preamble = Ascii.Bytes("This is a digest of alerts in MIME format (RFC 2046, multipart/digest).");

        private readonly MimeOutput _out = new MimeOutput(Limits.MimeOutputGather);
        private readonly HeaderWriter _headers;
        private readonly QuotedPrintableEncoder _qp = new QuotedPrintableEncoder();
        private readonly byte[] _encoded = new byte[QuotedPrintableEncoder.MaxOutput(QuotedPrintableChunk)];

        public AlertDigestWriter()
        {
            _headers = new HeaderWriter(_out, true);
        }

        /// <summary>The boundary of a digest: "=_" cannot occur in quoted-printable text, and 7bit parts never start a line with "--".</summary>
        public static string BoundaryOf(AlertMessage digest)
        {
            return "=_nanorelay-digest-" + digest.Sequence.ToString();
        }

        /// <summary>The Content-Type header value for the digest's top level.</summary>
        public static string ContentTypeOf(AlertMessage digest)
        {
            return "multipart/digest; boundary=\"" + BoundaryOf(digest) + "\"";
        }

        /// <summary>
        /// Writes the whole message: headers (From, To, Subject, Date, Message-ID, MIME-Version,
        /// Content-Type) and the multipart body. <paramref name="idLeft"/> is the left part of
        /// the Message-IDs (unique per message, e.g. the spool id); members get idLeft.N.
        /// <paramref name="dateUtc"/> dates the digest and any member that has no trusted UTC.
        /// </summary>
        public void WriteMessage(IFileWriter file, AlertMessage digest, string from, string[] to, DateTime dateUtc, string idLeft)
        {
            CheckDigest(digest);
            _out.Begin(file);
            WriteHeaders(digest.Subject, from, to, dateUtc, idLeft);
            _headers.Field("Content-Type", ContentTypeOf(digest));
            _out.Write(s_crlf);
            WriteMultipart(digest, from, to, dateUtc, idLeft);
            _out.Flush();
        }

        /// <summary>Writes only the multipart body, for a message writer that writes the top-level headers itself (with <see cref="ContentTypeOf"/>).</summary>
        public void WriteBody(IFileWriter file, AlertMessage digest, string from, string[] to, DateTime dateUtc, string idLeft)
        {
            CheckDigest(digest);
            _out.Begin(file);
            WriteMultipart(digest, from, to, dateUtc, idLeft);
            _out.Flush();
        }

        private void WriteMultipart(AlertMessage digest, string from, string[] to, DateTime dateUtc, string idLeft)
        {
            byte[] boundary = Ascii.Bytes(BoundaryOf(digest));

            // RFC 2046 §5.1.1: the preamble is for readers without MIME; MIME readers ignore it.
            _out.Write(s_preamble);
            _out.Write(s_crlf);

            // The summary: explicit text/plain, since the default here is message/rfc822.
            Delimiter(boundary, false);
            _headers.Field("Content-Type", "text/plain; charset=utf-8");
            WriteText(digest.Body);

            for (int i = 0; i < digest.Members.Length; i++)
            {
                AlertMessage m = digest.Members[i];
                Delimiter(boundary, false);

                // RFC 2046 §5.1.5: no part headers: the part is message/rfc822 by default.
                _out.Write(s_crlf);
                WriteHeaders(m.Subject, from, to, m.HasUtc ? m.Utc : dateUtc, idLeft + "." + (i + 1).ToString());
                _headers.Field("Content-Type", "text/plain; charset=utf-8");
                WriteText(m.Body);
            }

            Delimiter(boundary, true);
        }

        private void WriteHeaders(string subject, string from, string[] to, DateTime dateUtc, string idLeft)
        {
            string domain = MessageId.DomainOf(from);
            _headers.Begin("From");
            _headers.Addresses(new string[] { from });
            _headers.End();
            _headers.Begin("To");
            _headers.Addresses(to);
            _headers.End();
            _headers.Begin("Subject");
            _headers.Text(subject, true);
            _headers.End();
            _headers.Field("Date", Rfc5322Date.Format(dateUtc));
            _headers.Field("Message-ID", "<" + idLeft + "@" + (domain == null || domain.Length == 0 ? "localhost" : domain) + ">");
            _headers.Field("MIME-Version", "1.0");
        }

        // Content-Type is written by the caller; this adds the transfer encoding, the blank line and the text.
        private void WriteText(string body)
        {
            byte[] text = Utf8.GetBytes(body);
            bool plain = Is7Bit(text);
            _headers.Field("Content-Transfer-Encoding", plain ? "7bit" : "quoted-printable");
            _out.Write(s_crlf);
            if (plain)
            {
                Write7Bit(text);
                return;
            }

            // RFC 2045 §6.7, through the MIME writer's encoder in small chunks; the text ends in a line break.
            for (int i = 0; i < text.Length; i += QuotedPrintableChunk)
            {
                int n = text.Length - i < QuotedPrintableChunk ? text.Length - i : QuotedPrintableChunk;
                _out.Write(_encoded, 0, _qp.Encode(text, i, n, _encoded, 0));
            }

            _out.Write(_encoded, 0, _qp.Finish(_encoded, 0));
            if (text.Length > 0 && text[text.Length - 1] != (byte)'\n' && text[text.Length - 1] != (byte)'\r')
            {
                _out.Write(s_crlf);
            }
        }

        // Whether the text can go as 7bit: ASCII, no NUL or bare CR, lines of at most 78 (RFC 5322
        // §2.1.1), no line that could read as a boundary (the boundary is fixed, so no line may start "--").
        private static bool Is7Bit(byte[] text)
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

        // 7bit text as it is, "\n" or "\r\n" line ends as CRLF, the last line ended too.
        private void Write7Bit(byte[] text)
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
                    _out.Write(s_crlf);
                    open = false;
                    continue;
                }

                _out.Write(b);
                open = true;
            }

            if (open)
            {
                _out.Write(s_crlf);
            }
        }

        // RFC 2046 §5.1.1: the CRLF before "--boundary" belongs to the delimiter; every text above
        // ends in CRLF already, so one more keeps the part's last line intact.
        private void Delimiter(byte[] boundary, bool close)
        {
            _out.Write(s_crlf);
            _out.Write(s_dashes);
            _out.Write(boundary);
            if (close)
            {
                _out.Write(s_dashes);
            }

            _out.Write(s_crlf);
        }

        private static void CheckDigest(AlertMessage digest)
        {
            if (digest == null || digest.Kind != AlertEventKind.Digest || digest.Members == null || digest.Members.Length == 0)
            {
                throw new ArgumentException("not a digest", "digest");
            }
        }
    }
}

using System;
using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Alerts
{
    /// <summary>
    /// Writes a flapping rule's digest as one message: a multipart/digest (RFC 2046 §5.1.5)
    /// whose first part is a short text/plain summary and whose other parts are the collected
    /// alerts, each a small RFC 5322 message. In a digest a part's default type is
    /// message/rfc822, so those parts carry no part headers at all. Streams through one fixed
    /// buffer into an <see cref="IFileWriter"/>; reusable, not thread-safe.
    /// </summary>
    public sealed class AlertDigestWriter
    {
        private const int BufferBytes = 512;

        private static readonly byte[] s_dashes = Ascii.Bytes("--");
        private static readonly byte[] s_preamble = Ascii.Bytes("This is a digest of alerts in MIME format (RFC 2046, multipart/digest).");

        private readonly DigestOutput _out = new DigestOutput(BufferBytes);

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
            DigestHeaders.WriteRaw(_out, "Content-Type", ContentTypeOf(digest));
            _out.Crlf();
            WriteMultipart(digest, from, to, dateUtc, idLeft);
            _out.Drain();
        }

        /// <summary>Writes only the multipart body, for a message writer that writes the top-level headers itself (with <see cref="ContentTypeOf"/>).</summary>
        public void WriteBody(IFileWriter file, AlertMessage digest, string from, string[] to, DateTime dateUtc, string idLeft)
        {
            CheckDigest(digest);
            _out.Begin(file);
            WriteMultipart(digest, from, to, dateUtc, idLeft);
            _out.Drain();
        }

        private void WriteMultipart(AlertMessage digest, string from, string[] to, DateTime dateUtc, string idLeft)
        {
            byte[] boundary = Ascii.Bytes(BoundaryOf(digest));

            // RFC 2046 §5.1.1: the preamble is for readers without MIME; MIME readers ignore it.
            _out.Bytes(s_preamble);
            _out.Crlf();

            // The summary: explicit text/plain, since the default here is message/rfc822.
            Delimiter(boundary, false);
            DigestHeaders.WriteRaw(_out, "Content-Type", "text/plain; charset=utf-8");
            WriteText(digest.Body);

            for (int i = 0; i < digest.Members.Length; i++)
            {
                AlertMessage m = digest.Members[i];
                Delimiter(boundary, false);

                // RFC 2046 §5.1.5: no part headers: the part is message/rfc822 by default.
                _out.Crlf();
                WriteHeaders(m.Subject, from, to, m.HasUtc ? m.Utc : dateUtc, idLeft + "." + (i + 1).ToString());
                DigestHeaders.WriteRaw(_out, "Content-Type", "text/plain; charset=utf-8");
                WriteText(m.Body);
            }

            Delimiter(boundary, true);
        }

        private void WriteHeaders(string subject, string from, string[] to, DateTime dateUtc, string idLeft)
        {
            DigestHeaders.WriteRaw(_out, "From", from);
            DigestHeaders.WriteAddresses(_out, "To", to);
            DigestHeaders.WriteUnstructured(_out, "Subject", subject);
            DigestHeaders.WriteRaw(_out, "Date", DigestHeaders.FormatDate(dateUtc));
            DigestHeaders.WriteRaw(_out, "Message-ID", "<" + idLeft + "@" + DigestHeaders.DomainOf(from) + ">");
            DigestHeaders.WriteRaw(_out, "MIME-Version", "1.0");
        }

        // Content-Type is written by the caller; this adds the transfer encoding, the blank line and the text.
        private void WriteText(string body)
        {
            byte[] text = Utf8.GetBytes(body);
            bool plain = DigestBodyEncoder.Is7Bit(text);
            if (!plain)
            {
                DigestHeaders.WriteRaw(_out, "Content-Transfer-Encoding", "quoted-printable");
            }
            else
            {
                DigestHeaders.WriteRaw(_out, "Content-Transfer-Encoding", "7bit");
            }

            _out.Crlf();
            if (plain)
            {
                DigestBodyEncoder.Write7Bit(_out, text);
            }
            else
            {
                DigestBodyEncoder.WriteQuotedPrintable(_out, text);
            }
        }

        // RFC 2046 §5.1.1: the CRLF before "--boundary" belongs to the delimiter; every text above
        // ends in CRLF already, so one more keeps the part's last line intact.
        private void Delimiter(byte[] boundary, bool close)
        {
            _out.Crlf();
            _out.Bytes(s_dashes);
            _out.Bytes(boundary);
            if (close)
            {
                _out.Bytes(s_dashes);
            }

            _out.Crlf();
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

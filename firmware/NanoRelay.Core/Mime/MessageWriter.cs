using NanoRelay.Crypto;
using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Mime
{
    /// <summary>
    /// Streams one message into a spool file (RFC 5322, RFC 2045-2049): folded headers with RFC 2047
    /// encoded-words, a text/plain UTF-8 body, attachments as base64 parts of multipart/mixed. Bodies
    /// and attachments pass through fixed buffers in 114-octet chunks (two 76-character base64
    /// lines; the encoders carry their state across chunks), so memory does not grow with the
    /// message. The output is always 7-bit: the transfer
    /// encoding is chosen by content (7bit, quoted-printable, base64), so it needs no 8BITMIME
    /// anywhere and the spooled file never has to be re-encoded for a server that lacks it.
    /// </summary>
    public sealed class MessageWriter
    {
        // Small: the quoted-printable output buffer is six times a chunk (3,436 bytes at 570), and an
        // alert is written while the relay and both servers run (bench/nanoclr/RESULTS-memory.md).
        private const int Chunk = 114;
        private static readonly byte[] s_crlf = Ascii.Bytes("\r\n");
        private static readonly byte[] s_dashes = Ascii.Bytes("--");
        private static readonly byte[] s_preamble = Ascii.Bytes("This is a multipart message in MIME format.\r\n");

        private readonly IClock _clock;
        private readonly IRandom _random;
        private readonly MimeOutput _out = new MimeOutput(Limits.MimeOutputGather);
        private readonly HeaderWriter _headers;
        private readonly byte[] _in = new byte[Chunk];
        private readonly byte[] _encoded = new byte[QuotedPrintableEncoder.MaxOutput(Chunk)];
        private readonly Base64Encoder _base64 = new Base64Encoder();
        private readonly QuotedPrintableEncoder _qp = new QuotedPrintableEncoder();
        private byte[] _boundary;

        public MessageWriter(IClock clock, IRandom random)
        {
            _clock = clock;
            _random = random;
            _headers = new HeaderWriter(_out);
        }

        /// <summary>Why the last Write returned Invalid.</summary>
        public string Error { get; private set; }

        /// <summary>The transfer encoding the last body got.</summary>
        public ContentTransferEncoding BodyEncoding { get; private set; }

        /// <summary>Octets the last message took (for RFC 1870 SIZE=).</summary>
        public long Length { get { return _out.Length; } }

        /// <summary>Whether the last message holds an octet above 127 (never, by design; checked as written).</summary>
        public bool Is8Bit { get { return _out.Saw8Bit; } }

        /// <summary>
        /// Writes the message into <paramref name="file"/> (the caller flushes and closes it). Refuses,
        /// writing nothing, while the clock is untrusted (docs/catalogue.md #40: no 1970 Date header).
        /// </summary>
        public MimeWriteResult Write(OutgoingMessage message, IFileWriter file)
        {
            Error = null;
            if (!_clock.IsUtcTrusted)
            {
                Error = "the clock is not set yet (no SNTP); the message is held until it is";
                return MimeWriteResult.ClockUntrusted;
            }

            Error = Check(message);
            if (Error != null)
            {
                return MimeWriteResult.Invalid;
            }

            IFileReader body = message.BodyText != null ? new MemoryReader(Utf8.GetBytes(message.BodyText)) : message.BodyFile;
            BodyEncoding = body == null ? ContentTransferEncoding.SevenBit : Choose(body);
            bool multipart = message.Attachments != null && message.Attachments.Length > 0;
            _out.Begin(file);
            WriteHeaders(message);
            if (!multipart)
            {
                WriteBodyHeaders();
                _out.Write(s_crlf);
                WriteBody(body);
            }
            else
            {
                _boundary = NewBoundary();
                _headers.Begin("Content-Type");
                _headers.Raw("multipart/mixed", false);
                _headers.Separator((byte)';');
                _headers.Raw("boundary=\"" + Utf8.GetString(_boundary, 0, _boundary.Length) + "\"", true);
                _headers.End();
                _out.Write(s_crlf);
                _out.Write(s_preamble);
                Delimiter(false);
                WriteBodyHeaders();
                _out.Write(s_crlf);
                WriteBody(body);
                for (int i = 0; i < message.Attachments.Length; i++)
                {
                    Delimiter(false);
                    WriteAttachment(message.Attachments[i]);
                }

                Delimiter(true);
            }

            _out.Flush();
            return MimeWriteResult.Written;
        }

        private void WriteHeaders(OutgoingMessage m)
        {
            // RFC 5322 §3.6: origination date and originator are required; Bcc is left out (§3.6.3 allows it).
            _headers.Begin("From");
            _headers.Addresses(new string[] { m.From });
            _headers.End();
            if (m.To != null && m.To.Length > 0)
            {
                _headers.Begin("To");
                _headers.Addresses(m.To);
                _headers.End();
            }

            if (m.Cc != null && m.Cc.Length > 0)
            {
                _headers.Begin("Cc");
                _headers.Addresses(m.Cc);
                _headers.End();
            }

            if (m.ReplyTo != null && m.ReplyTo.Length > 0)
            {
                _headers.Begin("Reply-To");
                _headers.Addresses(new string[] { m.ReplyTo });
                _headers.End();
            }

            _headers.Begin("Subject");
            _headers.Text(m.Subject == null ? "" : m.Subject, true);
            _headers.End();
            _headers.Field("Date", Rfc5322Date.Format(_clock.UtcNow));
            _headers.Field("Message-ID", m.MessageId);
            if (m.InReplyTo != null && m.InReplyTo.Length > 0)
            {
                _headers.Field("In-Reply-To", m.InReplyTo);
            }

            if (m.References != null && m.References.Length > 0)
            {
                _headers.Field("References", m.References);
            }

            if (m.Keywords != null && m.Keywords.Length > 0)
            {
                // RFC 5322 §3.6.5: keywords = "Keywords:" phrase *("," phrase)
                _headers.Begin("Keywords");
                for (int i = 0; i < m.Keywords.Length; i++)
                {
                    _headers.Text(m.Keywords[i], i == 0);
                    if (i < m.Keywords.Length - 1)
                    {
                        _headers.Separator((byte)',');
                    }
                }

                _headers.End();
            }

            _headers.Field("MIME-Version", "1.0");
        }

        private void WriteBodyHeaders()
        {
            _headers.Begin("Content-Type");
            _headers.Raw("text/plain", false);
            _headers.Separator((byte)';');
            _headers.Raw("charset=utf-8", true);
            _headers.End();
            _headers.Field("Content-Transfer-Encoding", BodyEncoding == ContentTransferEncoding.SevenBit ? "7bit" : BodyEncoding == ContentTransferEncoding.QuotedPrintable ? "quoted-printable" : "base64");
        }

        private void WriteAttachment(MimeAttachment a)
        {
            _headers.Begin("Content-Type");
            _headers.Raw(a.ContentType, false);
            _headers.Parameter("name", a.FileName);
            _headers.End();
            _headers.Begin("Content-Disposition");
            _headers.Raw("attachment", false);
            _headers.Parameter("filename", a.FileName);
            _headers.End();
            _headers.Field("Content-Transfer-Encoding", "base64");
            _out.Write(s_crlf);
            a.Content.Seek(0);
            while (true)
            {
                int n = a.Content.Read(_in, 0, Chunk);
                if (n <= 0)
                {
                    break;
                }

                _out.Write(_encoded, 0, _base64.Encode(_in, 0, n, _encoded, 0));
            }

            _out.Write(_encoded, 0, _base64.Finish(_encoded, 0));
        }

        private void WriteBody(IFileReader body)
        {
            if (body == null)
            {
                return;
            }

            body.Seek(0);
            bool pendingCr = false;
            byte last = 10;
            while (true)
            {
                int n = body.Read(_in, 0, Chunk);
                if (n <= 0)
                {
                    break;
                }

                last = _in[n - 1];
                switch (BodyEncoding)
                {
                    case ContentTransferEncoding.SevenBit:
                        _out.Write(_encoded, 0, Normalize(_in, n, ref pendingCr));
                        break;
                    case ContentTransferEncoding.QuotedPrintable:
                        _out.Write(_encoded, 0, _qp.Encode(_in, 0, n, _encoded, 0));
                        break;
                    default:
                        _out.Write(_encoded, 0, _base64.Encode(_in, 0, n, _encoded, 0));
                        break;
                }
            }

            switch (BodyEncoding)
            {
                case ContentTransferEncoding.SevenBit:
                    if (pendingCr)
                    {
                        _out.Write((byte)10);
                    }
                    else if (last != 10)
                    {
                        _out.Write(s_crlf);
                    }

                    break;
                case ContentTransferEncoding.QuotedPrintable:
                    _out.Write(_encoded, 0, _qp.Finish(_encoded, 0));
                    if (last != 10 && last != 13)
                    {
                        _out.Write(s_crlf);
                    }

                    break;
                default:
                    _out.Write(_encoded, 0, _base64.Finish(_encoded, 0));
                    break;
            }
        }

        // 7bit text keeps its bytes; only line ends become CRLF (RFC 5322 §2.3: no bare CR or LF).
        private int Normalize(byte[] source, int count, ref bool pendingCr)
        {
            int o = 0;
            for (int i = 0; i < count; i++)
            {
                byte b = source[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    _encoded[o++] = 10;
                    if (b == 10)
                    {
                        continue;
                    }
                }

                if (b == 13)
                {
                    _encoded[o++] = 13;
                    pendingCr = true;
                }
                else if (b == 10)
                {
                    _encoded[o++] = 13;
                    _encoded[o++] = 10;
                }
                else
                {
                    _encoded[o++] = b;
                }
            }

            return o;
        }

        // RFC 2045 §6.2-6.8: 7bit for short ASCII lines; quoted-printable for mostly-ASCII text with
        // 8-bit octets or long lines; base64 when more than a third of the octets are 8-bit.
        private ContentTransferEncoding Choose(IFileReader body)
        {
            body.Seek(0);
            long total = 0;
            long high = 0;
            int line = 0;
            bool longLine = false;
            bool control = false;
            while (true)
            {
                int n = body.Read(_in, 0, Chunk);
                if (n <= 0)
                {
                    break;
                }

                total += n;
                for (int i = 0; i < n; i++)
                {
                    byte b = _in[i];
                    if (b == 10 || b == 13)
                    {
                        line = 0;
                        continue;
                    }

                    if (b > 127)
                    {
                        high++;
                    }
                    else if ((b < 32 && b != 9) || b == 127)
                    {
                        control = true;
                    }

                    if (++line > Limits.HeaderLineMax)
                    {
                        longLine = true;
                    }
                }
            }

            if (high == 0 && !longLine && !control)
            {
                return ContentTransferEncoding.SevenBit;
            }

            return high * 3 > total ? ContentTransferEncoding.Base64 : ContentTransferEncoding.QuotedPrintable;
        }

        private void Delimiter(bool close)
        {
            // RFC 2046 §5.1.1: the CRLF before "--boundary" belongs to the delimiter; each part ended with CRLF.
            _out.Write(s_dashes);
            _out.Write(_boundary);
            if (close)
            {
                _out.Write(s_dashes);
            }

            _out.Write(s_crlf);
        }

        private byte[] NewBoundary()
        {
            // "=_" cannot occur in base64 or quoted-printable output (RFC 2045 §6.7 note).
            byte[] nonce = new byte[12];
            _random.NextBytes(nonce, 0, nonce.Length);
            byte[] prefix = Ascii.Bytes("=_nanoRelay_");
            byte[] b = new byte[prefix.Length + 24];
            System.Array.Copy(prefix, b, prefix.Length);
            Hex.Encode(nonce, 0, nonce.Length, b, prefix.Length);
            return b;
        }

        private static string Check(OutgoingMessage m)
        {
            if (m.From == null || m.From.Length == 0)
            {
                return "From is required (RFC 5322 §3.6.2)";
            }

            if (m.MessageId == null || m.MessageId.Length < 5 || m.MessageId[0] != '<' || m.MessageId[m.MessageId.Length - 1] != '>')
            {
                return "Message-ID must be <id-left@id-right> (RFC 5322 §3.6.4)";
            }

            string problem = CheckField("From", m.From);
            problem = problem != null ? problem : CheckList("To", m.To);
            problem = problem != null ? problem : CheckList("Cc", m.Cc);
            problem = problem != null ? problem : CheckField("Reply-To", m.ReplyTo);
            problem = problem != null ? problem : CheckField("Subject", m.Subject);
            problem = problem != null ? problem : CheckField("In-Reply-To", m.InReplyTo);
            problem = problem != null ? problem : CheckField("References", m.References);
            problem = problem != null ? problem : CheckField("Message-ID", m.MessageId);
            problem = problem != null ? problem : CheckList("Keywords", m.Keywords);
            if (problem == null && m.Attachments != null)
            {
                for (int i = 0; i < m.Attachments.Length && problem == null; i++)
                {
                    problem = CheckField("attachment name", m.Attachments[i].FileName);
                    problem = problem != null ? problem : CheckField("attachment type", m.Attachments[i].ContentType);
                }
            }

            return problem;
        }

        private static string CheckList(string name, string[] values)
        {
            if (values == null)
            {
                return null;
            }

            for (int i = 0; i < values.Length; i++)
            {
                string p = CheckField(name, values[i]);
                if (p != null)
                {
                    return p;
                }
            }

            return null;
        }

        // Header injection: no CR or LF may reach a field; addresses and ids stay short enough to fold.
        private static string CheckField(string name, string value)
        {
            if (value == null)
            {
                return null;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] == '\r' || value[i] == '\n' || value[i] == '\0')
                {
                    return name + " holds a line break";
                }
            }

            if (name != "Subject" && Utf8.ByteCount(value) > Limits.HeaderLineMax / 2)
            {
                return name + " is too long";
            }

            return null;
        }
    }
}

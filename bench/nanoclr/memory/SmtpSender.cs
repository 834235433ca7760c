using NanoRelay.Framing;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// A LAN device sending one message to the SMTP ingress (RFC 5321 §3.3), one command at a time:
    /// EHLO, MAIL, RCPT, DATA, then a header block marked for <see cref="GeneratedFileStore"/> and
    /// <see cref="BodyBytes"/> of <see cref="GeneratedBody"/> made straight into the server's read
    /// buffer, ".", QUIT. Every reply must have the expected class. Steps: 0 greeting, 1 EHLO,
    /// 2 MAIL, 3 RCPT, 4 DATA, 5 content, 6 QUIT, 7 done. With BodyBytes 0 it sends EHLO, then QUIT.
    /// </summary>
    public sealed class SmtpSender : ScriptedPeer
    {
        private static readonly byte[] s_ehlo = Ascii.Bytes("EHLO sensor.lan.test\r\n");
        private static readonly byte[] s_mail = Ascii.Bytes("MAIL FROM:<camera@lan.test>\r\n");
        private static readonly byte[] s_rcpt = Ascii.Bytes("RCPT TO:<tech@example.org>\r\n");
        private static readonly byte[] s_data = Ascii.Bytes("DATA\r\n");
        private static readonly byte[] s_end = Ascii.Bytes(".\r\n");
        private static readonly byte[] s_quit = Ascii.Bytes("QUIT\r\n");

        private static readonly int[] s_expect = { 2, 2, 2, 2, 3, 2, 2 };   // reply class per step

        private readonly byte[] _header;
        private readonly byte[] _line = new byte[8];
        private int _lineLength;
        private bool _answered;
        private long _sent;        // content octets sent (header, body, ".")

        public SmtpSender(string address, long bodyBytes) : base(address)
        {
            BodyBytes = bodyBytes;
            _header = Ascii.Bytes("From: camera@lan.test\r\nTo: tech@example.org\r\nSubject: snapshot\r\n" + GeneratedBody.MarkerHeader + "\r\n\r\n");
        }

        public long BodyBytes { get; private set; }

        /// <summary>True once the message got its 250 after the final ".".</summary>
        public bool Accepted { get; private set; }

        protected override int Next(byte[] buffer, int offset, int count)
        {
            if (Step == 5 && _sent < _header.Length + BodyBytes + s_end.Length)
            {
                return Content(buffer, offset, count);
            }

            if (!_answered)
            {
                Fail("smtp: the server read before it answered step " + Step);
                return 0;
            }

            _answered = false;
            Step = Step == 1 && BodyBytes == 0 ? 6 : Step + 1;
            switch (Step)
            {
                case 1: return Put(s_ehlo, buffer, offset, count);
                case 2: return Put(s_mail, buffer, offset, count);
                case 3: return Put(s_rcpt, buffer, offset, count);
                case 4: return Put(s_data, buffer, offset, count);
                case 5: _sent = 0; return Content(buffer, offset, count);
                case 6: return Put(s_quit, buffer, offset, count);
                default: return 0;
            }
        }

        private int Content(byte[] buffer, int offset, int count)
        {
            long bodyEnd = _header.Length + BodyBytes;
            int n;
            if (_sent < _header.Length)
            {
                n = _header.Length - (int)_sent < count ? _header.Length - (int)_sent : count;
                System.Array.Copy(_header, (int)_sent, buffer, offset, n);
            }
            else if (_sent < bodyEnd)
            {
                n = bodyEnd - _sent < count ? (int)(bodyEnd - _sent) : count;
                GeneratedBody.Fill(_sent - _header.Length, buffer, offset, n);
            }
            else
            {
                int at = (int)(_sent - bodyEnd);
                n = s_end.Length - at < count ? s_end.Length - at : count;
                System.Array.Copy(s_end, at, buffer, offset, n);
            }

            _sent += n;
            return n;
        }

        protected override void Received(byte[] buffer, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                byte b = buffer[i];
                if (_lineLength < _line.Length)
                {
                    _line[_lineLength++] = b;
                }

                if (b != 10)
                {
                    continue;
                }

                // RFC 5321 §4.2.1: "250-" continues a reply, "250 " ends it.
                bool last = _lineLength < 4 || _line[3] != '-';
                int cls = _line[0] - '0';
                _lineLength = 0;
                if (!last)
                {
                    continue;
                }

                if (cls != s_expect[Step < s_expect.Length ? Step : 0])
                {
                    Fail("smtp: step " + Step + " got a " + cls + "xx reply");
                }

                if (Step == 5)
                {
                    Accepted = true;
                }

                _answered = true;
            }
        }
    }
}

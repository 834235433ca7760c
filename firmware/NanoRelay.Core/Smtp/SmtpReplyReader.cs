using NanoRelay.Framing;

namespace NanoRelay.Smtp
{
    /// <summary>
    /// Validates reply lines before the state machine sees them (OpenSMTPD's smtp_client_readline
    /// checklist) and assembles them into one <see cref="SmtpReply"/>: RFC 5321 §4.2 reply-line =
    /// *( Reply-code "-" [ textstring ] CRLF ) Reply-code [ SP textstring ] CRLF, with
    /// Reply-code = %x32-35 %x30-39 %x30-39. Framed lines come in without their CRLF.
    /// </summary>
    public sealed class SmtpReplyReader
    {
        private readonly SmtpReply _reply = new SmtpReply();
        private SmtpCapabilities _capabilities;
        private bool _inReply;

        /// <summary>The reply being assembled, complete after Accept returned Complete.</summary>
        public SmtpReply Reply { get { return _reply; } }

        /// <summary>Why the last line was Invalid.</summary>
        public string Error { get; private set; }

        /// <summary>Starts a reply; with <paramref name="capabilities"/> the lines after the first are read as EHLO keywords.</summary>
        public void Begin(SmtpCapabilities capabilities)
        {
            _capabilities = capabilities;
            _inReply = false;
            Error = null;
        }

        /// <summary>Validates one framed line (flags from the framer) and adds it to the reply.</summary>
        public SmtpReplyStatus Accept(byte[] line, int offset, int count, LineFlags flags)
        {
            if (flags != LineFlags.None)
            {
                // RFC 5321 §2.3.8: a bare CR or LF is not part of a valid reply; a NUL never is.
                return Invalid("reply line holds a bare CR, bare LF or NUL");
            }

            if (count < 3 || line[offset] < (byte)'2' || line[offset] > (byte)'5' || !Ascii.IsDigit(line[offset + 1]) || !Ascii.IsDigit(line[offset + 2]))
            {
                return Invalid("reply code is not three digits 2xx-5xx");
            }

            int code = ((line[offset] - '0') * 100) + ((line[offset + 1] - '0') * 10) + (line[offset + 2] - '0');
            bool last;
            if (count == 3)
            {
                // RFC 5321 §4.2: clients "MUST be prepared" for a bare code without the SP.
                last = true;
            }
            else if (line[offset + 3] == (byte)' ')
            {
                last = true;
            }
            else if (line[offset + 3] == (byte)'-')
            {
                last = false;
            }
            else
            {
                return Invalid("reply code is not followed by SP or '-'");
            }

            for (int i = offset + 4; i < offset + count; i++)
            {
                byte b = line[i];
                if ((b < 0x20 && b != 9) || b == 0x7F)
                {
                    return Invalid("reply text holds a control character");
                }
            }

            if (!_inReply)
            {
                _reply.Begin(code);
                _inReply = true;
            }
            else if (code != _reply.Code)
            {
                // RFC 5321 §4.2.1: every line of a multiline reply carries the same code.
                return Invalid("multiline reply changes its code");
            }
            else if (_reply.LineCount >= Limits.SmtpReplyLines)
            {
                return Invalid("reply has too many lines");
            }

            int textOffset = count > 3 ? offset + 4 : offset + 3;
            int textCount = offset + count - textOffset;
            if (_capabilities != null && _reply.LineCount > 0)
            {
                _capabilities.ParseLine(line, textOffset, textCount);
            }

            _reply.AddLine(line, textOffset, textCount);
            if (last)
            {
                _inReply = false;
                return SmtpReplyStatus.Complete;
            }

            return SmtpReplyStatus.Partial;
        }

        private SmtpReplyStatus Invalid(string error)
        {
            Error = error;
            _inReply = false;
            return SmtpReplyStatus.Invalid;
        }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.Framing
{
    /// <summary>
    /// The --trace view of one session's dialogue: each line as "C: ..." or "S: ..." into an
    /// <see cref="ILog"/> at <see cref="LogLevel.Trace"/>. Secrets never reach the log: AUTH
    /// initial responses, PASS, the APOP digest, and every client line answered to a SASL
    /// challenge (SMTP 334, RFC 4954 §4; POP3 "+", RFC 5034 §4) become "[redacted]". Message
    /// bodies (after SMTP 354, or a POP3 RETR/TOP "+OK") show their first lines, then one
    /// "[... N more body lines elided]" before the final ".". It watches both directions to
    /// know where it is, pairing replies with commands in order so pipelined commands
    /// (RFC 2920) are followed too; one instance serves one session, client or server side. Works on
    /// the line as framed (CRLF optional), one char buffer per instance; bytes outside
    /// printable ASCII are shown as \xNN so a peer cannot write control codes to a terminal.
    /// </summary>
    public sealed class TraceFormatter
    {
        private static readonly byte[] s_auth = Ascii.Bytes("AUTH");
        private static readonly byte[] s_pass = Ascii.Bytes("PASS");
        private static readonly byte[] s_apop = Ascii.Bytes("APOP");
        private static readonly byte[] s_login = Ascii.Bytes("LOGIN");
        private static readonly byte[] s_authenticate = Ascii.Bytes("AUTHENTICATE");
        private static readonly byte[] s_data = Ascii.Bytes("DATA");
        private static readonly byte[] s_retr = Ascii.Bytes("RETR");
        private static readonly byte[] s_top = Ascii.Bytes("TOP");
        private static readonly byte[] s_ok = Ascii.Bytes("+OK");
        private static readonly byte[] s_hex = Ascii.Bytes("0123456789abcdef");
        private const string Redacted = "[redacted]";

        private readonly ILog _log;
        private readonly string _source;
        private readonly int _bodyLines;
        private char[] _chars;   // made on the first traced line: a session without --trace pays nothing

        private bool _secretNext;      // the server's last reply was a SASL challenge
        private int _outstanding;      // client commands not yet answered (RFC 2920 pipelining)
        private int _dataReply;        // which coming reply answers DATA (1 = the next), 0 = none
        private int _retrReply;        // the same for RETR/TOP
        private int _authReply;        // the same for AUTH: a line sent before its reply is a SASL response
        private int _protocol;         // 0 unknown, 1 SMTP (3-digit replies), 2 POP3 (+OK/-ERR), 3 IMAP ("* OK" greeting)
        private bool _imapSecret;      // IMAP LOGIN/AUTHENTICATE sent, its tagged reply not yet seen
        private bool _clientBody;
        private bool _serverBody;
        private int _bodyShown;
        private int _bodyElided;

        /// <summary>A formatter that shows <see cref="Limits.TraceBodyLines"/> body lines.</summary>
        public TraceFormatter(ILog log, string source)
            : this(log, source, Limits.TraceBodyLines)
        {
        }

        public TraceFormatter(ILog log, string source, int bodyLines)
        {
            _log = log;
            _source = source;
            _bodyLines = bodyLines;
        }

        /// <summary>Body lines elided so far in this session.</summary>
        public long TotalElided { get; private set; }

        /// <summary>A line the client sent (or the relay sent, as the client).</summary>
        public void Client(byte[] line, int offset, int count)
        {
            if (!_log.IsTraceEnabled)
            {
                return;
            }

            count = Trim(line, offset, count);
            if (_clientBody)
            {
                _clientBody = Body('C', line, offset, count);
                return;
            }

            _outstanding++;
            if (_authReply > 0)
            {
                // A line sent ahead of the answer to AUTH (pipelined against RFC 4954 §4 and
                // RFC 2920 §3.1) can only be a SASL response: when in doubt, redact.
                Emit('C', line, offset, count, 0, true);
                return;
            }

            if (_secretNext)
            {
                // RFC 4954 §4: "*" cancels the exchange and is no secret; anything else is.
                bool cancel = count == 1 && line[offset] == (byte)'*';
                Emit('C', line, offset, count, cancel ? count : 0, !cancel);
                return;
            }

            int verb = Ascii.IndexOf(line, offset, count, (byte)' ');
            int verbLength = verb < 0 ? count : verb - offset;
            if (_protocol == 3)
            {
                ImapClient(line, offset, count, verb);
                return;
            }

            if (Ascii.EqualsIgnoreCase(line, offset, verbLength, s_auth))
            {
                // AUTH mechanism [initial-response]: RFC 4954 §4, RFC 5034 §4.
                int mech = verb < 0 ? -1 : Ascii.IndexOf(line, verb + 1, offset + count - verb - 1, (byte)' ');
                _authReply = _outstanding;
                Emit('C', line, offset, count, mech < 0 ? count : mech - offset, mech >= 0);
            }
            else if (Ascii.EqualsIgnoreCase(line, offset, verbLength, s_pass))
            {
                Emit('C', line, offset, count, verbLength, verb >= 0);   // RFC 1939 §7 PASS string
            }
            else if (Ascii.EqualsIgnoreCase(line, offset, verbLength, s_apop))
            {
                // RFC 1939 §7 APOP name digest: the name stays, the digest goes.
                int digest = verb < 0 ? -1 : Ascii.IndexOf(line, verb + 1, offset + count - verb - 1, (byte)' ');
                Emit('C', line, offset, count, digest < 0 ? count : digest - offset, digest >= 0);
            }
            else
            {
                if (Ascii.EqualsIgnoreCase(line, offset, count, s_data))
                {
                    _dataReply = _outstanding;
                }
                else if (Ascii.EqualsIgnoreCase(line, offset, verbLength, s_retr) || Ascii.EqualsIgnoreCase(line, offset, verbLength, s_top))
                {
                    _retrReply = _outstanding;
                }

                Emit('C', line, offset, count, count, false);
            }
        }

        /// <summary>A line the server sent (or the relay sent, as the server).</summary>
        public void Server(byte[] line, int offset, int count)
        {
            if (!_log.IsTraceEnabled)
            {
                return;
            }

            count = Trim(line, offset, count);
            if (_serverBody)
            {
                _serverBody = Body('S', line, offset, count);
                return;
            }

            bool smtpReply = count >= 3 && Ascii.IsDigit(line[offset]) && Ascii.IsDigit(line[offset + 1]) && Ascii.IsDigit(line[offset + 2])
                && (count == 3 || line[offset + 3] == (byte)' ');
            bool popReply = count >= 1 && (line[offset] == (byte)'+' || line[offset] == (byte)'-');
            if (_protocol == 0 && count >= 2 && line[offset] == (byte)'*' && line[offset + 1] == (byte)' ')
            {
                _protocol = 3;   // RFC 9051 §7.1: an IMAP greeting is untagged
            }

            // RFC 9051 §2.2.2: only "+" continues a command; any other line ends LOGIN's or AUTHENTICATE's secrets.
            _imapSecret = _imapSecret && popReply && line[offset] == (byte)'+';
            if (_protocol == 0 && (smtpReply || popReply))
            {
                _protocol = smtpReply ? 1 : 2;   // the greeting tells which protocol this is
            }

            // RFC 4954 §4: "334" SP challenge; RFC 5034 §4: "+" SP challenge (or a bare "+").
            // Recognised whatever the protocol seems to be: when in doubt, redact.
            bool challenge = (smtpReply && line[offset] == (byte)'3' && line[offset + 1] == (byte)'3' && line[offset + 2] == (byte)'4')
                || (popReply && line[offset] == (byte)'+' && (count == 1 || line[offset + 1] == (byte)' '));

            // Only a final reply line answers a command: not "250-" continuation lines (RFC 5321
            // §4.2.1), not the lines of a POP3 multi-line response such as LIST's "12 3456".
            if ((_protocol == 1 && !smtpReply) || (_protocol == 2 && !popReply))
            {
                _secretNext = _secretNext || challenge;
                Emit('S', line, offset, count, count, false);
                return;
            }

            _secretNext = challenge;

            // Replies come in the order of the commands, pipelined or not (RFC 2920 §3.1).
            // RFC 5321 §4.1.1.4: DATA's 354 starts the mail data. RFC 1939 §7: RETR/TOP's +OK starts a multi-line body.
            bool answersData = _dataReply == 1;
            bool answersRetr = _retrReply == 1;
            _outstanding = _outstanding > 0 ? _outstanding - 1 : 0;
            _dataReply = _dataReply > 0 ? _dataReply - 1 : 0;
            _retrReply = _retrReply > 0 ? _retrReply - 1 : 0;
            _authReply = _authReply > 0 ? _authReply - 1 : 0;
            _clientBody = answersData && smtpReply && line[offset] == (byte)'3' && line[offset + 1] == (byte)'5' && line[offset + 2] == (byte)'4';
            _serverBody = answersRetr && Ascii.StartsWithIgnoreCase(line, offset, count, s_ok);
            _bodyShown = 0;
            _bodyElided = 0;
            Emit('S', line, offset, count, count, false);
        }

        // RFC 9051 "tag SP command": LOGIN's user and password (§6.2.3) and AUTHENTICATE's initial
        // response (§6.2.2, RFC 4959) are secret, and so is every client line up to the tagged reply
        // (SASL responses, the octets of literals). When in doubt, redact.
        private void ImapClient(byte[] line, int offset, int count, int tagEnd)
        {
            if (_imapSecret)
            {
                Emit('C', line, offset, count, 0, true);
                return;
            }

            int command = tagEnd < 0 ? -1 : tagEnd + 1;
            int commandEnd = command < 0 ? -1 : Ascii.IndexOf(line, command, offset + count - command, (byte)' ');
            int commandLength = command < 0 ? 0 : (commandEnd < 0 ? offset + count : commandEnd) - command;
            if (command >= 0 && Ascii.EqualsIgnoreCase(line, command, commandLength, s_login))
            {
                _imapSecret = true;
                Emit('C', line, offset, count, command + commandLength - offset, commandEnd >= 0);
            }
            else if (command >= 0 && Ascii.EqualsIgnoreCase(line, command, commandLength, s_authenticate))
            {
                _imapSecret = true;
                int mechanism = commandEnd < 0 ? -1 : Ascii.IndexOf(line, commandEnd + 1, offset + count - commandEnd - 1, (byte)' ');
                Emit('C', line, offset, count, mechanism < 0 ? count : mechanism - offset, mechanism >= 0);
            }
            else
            {
                Emit('C', line, offset, count, count, false);
            }
        }

        // One body line; returns whether the body goes on. Only a lone "." ends it
        // (RFC 5321 §4.1.1.4, RFC 1939 §3): a stuffed ".." is a body line.
        private bool Body(char who, byte[] line, int offset, int count)
        {
            if (count == 1 && line[offset] == (byte)'.')
            {
                if (_bodyElided > 0)
                {
                    _log.Write(LogLevel.Trace, _source, who.ToString() + ": [... " + _bodyElided.ToString() + " more body lines elided]");
                }

                Emit(who, line, offset, count, count, false);
                return false;
            }

            if (_bodyShown < _bodyLines)
            {
                _bodyShown++;
                Emit(who, line, offset, count, count, false);
            }
            else
            {
                _bodyElided++;
                TotalElided++;
            }

            return true;
        }

        // Writes "W: " + the first `shown` bytes (+ " [redacted]" when `redact`), escaped and capped.
        private void Emit(char who, byte[] line, int offset, int count, int shown, bool redact)
        {
            if (_chars == null)
            {
                _chars = new char[3 + (Limits.TraceLineChars * 4)];
            }

            int n = 0;
            _chars[n++] = who;
            _chars[n++] = ':';
            _chars[n++] = ' ';
            int limit = shown < Limits.TraceLineChars ? shown : Limits.TraceLineChars;
            for (int i = 0; i < limit; i++)
            {
                byte b = line[offset + i];
                if (Ascii.IsPrintable(b))
                {
                    _chars[n++] = (char)b;
                }
                else
                {
                    _chars[n++] = '\\';
                    _chars[n++] = 'x';
                    _chars[n++] = (char)s_hex[b >> 4];
                    _chars[n++] = (char)s_hex[b & 15];
                }
            }

            string text = new string(_chars, 0, n);
            if (redact)
            {
                text = limit > 0 ? text + " " + Redacted : text + Redacted;
            }
            else if (shown > limit)
            {
                text = text + " [... " + (shown - limit).ToString() + " more bytes]";
            }

            _log.Write(LogLevel.Trace, _source, text);
        }

        private static int Trim(byte[] line, int offset, int count)
        {
            while (count > 0 && (line[offset + count - 1] == (byte)'\n' || line[offset + count - 1] == (byte)'\r'))
            {
                count--;
            }

            return count;
        }
    }
}

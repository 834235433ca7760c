using System;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// One IMAP4rev2 server session (RFC 9051) as a state machine: fed one line at a time (and
    /// the octets of literals), it writes responses into <see cref="Output"/> and tells the
    /// driver what to do next (<see cref="Action"/>, more work, a message body to stream). It
    /// never touches a socket. Tables in <see cref="ImapCommands"/>; handlers in the other parts.
    /// </summary>
    public sealed partial class ImapServerSession : IMailboxSession
    {
        /// <summary>Room the driver keeps free in <see cref="Output"/> before each Feed.</summary>
        public const int ReplyRoom = 1024;

        private const int WorkNone = 0;
        private const int WorkReport = 1;    // untagged updates, then the tagged completion
        private const int WorkTagged = 2;
        private const int WorkFetch = 3;
        private const int WorkSearch = 4;
        private const int WorkStore = 5;
        private const int WorkIdleReport = 6; // updates during IDLE, no completion
        private const int WorkIdleStart = 7;  // updates before "+ idling"

        private const int LineRoom = 160;    // one short untagged line

        private static readonly byte[] s_crlf = Ascii.Bytes("\r\n");
        private static readonly byte[] s_ok = Ascii.Bytes("OK");
        private static readonly byte[] s_no = Ascii.Bytes("NO");
        private static readonly byte[] s_bad = Ascii.Bytes("BAD");
        private static readonly byte[] s_star = Ascii.Bytes("* ");
        private static readonly byte[] s_nil = Ascii.Bytes("NIL");
        private static readonly byte[] s_greeting = Ascii.Bytes("* OK IMAP4rev2 Service Ready\r\n");
        private static readonly byte[] s_continueLiteral = Ascii.Bytes("+ Ready for literal data\r\n");
        private static readonly byte[] s_badNoTag = Ascii.Bytes("* BAD Missing or invalid tag.\r\n");
        private static readonly byte[] s_badUnknown = Ascii.Bytes("Unknown command.");
        private static readonly byte[] s_badState = Ascii.Bytes("Command not valid in this state.");
        private static readonly byte[] s_badSyntax = Ascii.Bytes("Syntax error in arguments.");
        private static readonly byte[] s_badNul = Ascii.Bytes("NUL or control octet in command.");
        private static readonly byte[] s_badTooLong = Ascii.Bytes("* BAD [TOOBIG] Command line too long.\r\n");
        private static readonly byte[] s_badTooBig = Ascii.Bytes("[TOOBIG] Literal too big for a command.");
        private static readonly byte[] s_byeTooManyBad = Ascii.Bytes("* BYE Too many bad commands.\r\n");
        private static readonly byte[] s_byeIdle = Ascii.Bytes("* BYE Autologout; idle for too long.\r\n");
        private static readonly byte[] s_byeLiteral = Ascii.Bytes("* BYE [TOOBIG] Non-synchronizing literal too big.\r\n");

        private readonly ImapServer _server;
        private readonly ImapParser _parser = new ImapParser();
        private readonly byte[] _cmd = new byte[Limits.ImapCommandLine];
        private readonly byte[] _out = new byte[Limits.ImapResponseBuffer];
        private readonly byte[] _tag = new byte[64];
        private readonly byte[] _code = new byte[128];
        private readonly string _remoteAddress;
        private int _cmdLength;
        private bool _cmdDone;
        private int _outLength;
        private int _tagLength;
        private ImapState _state;
        private ImapAction _action;
        private bool _secure;
        private bool _loopback;
        private long _deadline;
        private int _badCommands;
        private int _authFailures;

        // The completion of the command in progress: status, optional code, text.
        private byte[] _doneStatus;
        private int _codeLength;
        private byte[] _doneText;
        private int _work;
        private bool _noExpunge;       // RFC 9051 §7.5.1: FETCH/STORE/SEARCH without UID

        // Literals (RFC 9051 §4.3, RFC 7888): octets still to come for the command in progress.
        private long _literalRemaining;
        private bool _literalToCommand;
        private bool _discardCommand;  // a refused literal: drop the rest of this command

        // SASL (AUTHENTICATE PLAIN without an initial response) and IDLE.
        private bool _saslPending;
        private bool _idling;
        private bool _rev2;

        /// <summary>A session on a connection that is secure (implicit TLS) or not, from loopback or not, from <paramref name="remoteAddress"/> (null: no per-address penalty).</summary>
        public ImapServerSession(ImapServer server, bool secure, bool loopback, string remoteAddress)
        {
            _server = server;
            _secure = secure;
            _loopback = loopback;
            _remoteAddress = remoteAddress;
            _state = ImapState.NotAuthenticated;
        }

        public ImapState State { get { return _state; } }

        public byte[] Output { get { return _out; } }

        public int OutputLength { get { return _outLength; } }

        public int OutputFree { get { return _out.Length - _outLength; } }

        public ImapAction Action { get { return _action; } }

        /// <summary>Responses are not finished: write the output, stream <see cref="Body"/> if set, call <see cref="Continue"/>.</summary>
        public bool HasWork { get { return _work != WorkNone || _body != null; } }

        /// <summary>Octets of a literal the driver must pass to <see cref="FeedLiteral"/> before the next line.</summary>
        public long LiteralRemaining { get { return _literalRemaining; } }

        /// <summary>RFC 2177: the session is in IDLE; the driver calls <see cref="Poll"/> between reads.</summary>
        public bool IsIdling { get { return _idling; } }

        public long Deadline { get { return _deadline; } }

        public bool IsSecure { get { return _secure; } }

        public void ClearOutput()
        {
            _outLength = 0;
        }

        /// <summary>RFC 9051 §7.1.1: the greeting.</summary>
        public void Start()
        {
            _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.PreAuthTimeoutMilliseconds;
            Put(s_greeting);
        }

        /// <summary>Handles one line (without CRLF): a command, the rest of one after a literal, a SASL response, or DONE.</summary>
        public void Feed(byte[] buffer, int offset, int count, LineFlags flags)
        {
            _action = ImapAction.None;
            if (_state != ImapState.NotAuthenticated)
            {
                _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.IdleTimeoutMilliseconds;
            }

            if (_cmdDone)
            {
                _cmdDone = false;
                _cmdLength = 0;
            }

            if (_idling)
            {
                IdleLine(buffer, offset, count);
                return;
            }

            if (_saslPending)
            {
                _saslPending = false;
                FinishSaslPlain(buffer, offset, count, flags);
                return;
            }

            long literal;
            bool nonSync;
            bool hasLiteral = LiteralAtEnd(buffer, offset, count, out literal, out nonSync);
            if (_append != null)
            {
                AppendLine(count, hasLiteral);
                return;
            }

            if (_discardCommand)
            {
                // The rest of a command whose literal was refused: dropped, literals included.
                _discardCommand = hasLiteral;
                if (hasLiteral)
                {
                    DiscardLiteral(literal, nonSync);
                }

                return;
            }

            bool bad = (flags & LineFlags.Nul) != 0 || Ascii.IndexOfControl(buffer, offset, count) >= 0;
            if (bad || _cmdLength + count + 2 > _cmd.Length)
            {
                _cmdDone = true;
                CopyTag(_cmdLength > 0 ? _cmd : buffer, _cmdLength > 0 ? 0 : offset, _cmdLength > 0 ? _cmdLength : count);
                if (hasLiteral)
                {
                    _discardCommand = true;
                    DiscardLiteral(literal, nonSync);
                }

                if (bad)
                {
                    Tagged(s_bad, bad ? s_badNul : s_badTooBig);
                }
                else
                {
                    Tagged(s_bad, s_badTooBig);
                }

                CountBad();
                return;
            }

            Array.Copy(buffer, offset, _cmd, _cmdLength, count);
            _cmdLength += count;
            if (!hasLiteral)
            {
                Execute();
                return;
            }

            if (IsAppendLiteral())
            {
                StartAppend(literal, nonSync);
                return;
            }

            if (_cmdLength + 2 + literal > _cmd.Length)
            {
                _cmdDone = true;
                CopyTag(_cmd, 0, _cmdLength);
                _discardCommand = true;
                DiscardLiteral(literal, nonSync);
                if (_action != ImapAction.Close)
                {
                    Tagged(s_bad, s_badTooBig);
                    CountBad();
                }

                return;
            }

            _cmd[_cmdLength++] = 13;
            _cmd[_cmdLength++] = 10;
            _literalRemaining = literal;
            _literalToCommand = true;
            if (!nonSync)
            {
                Put(s_continueLiteral);
            }
        }

        /// <summary>Octets of the literal announced by the last line; <paramref name="count"/> is at most <see cref="LiteralRemaining"/>.</summary>
        public void FeedLiteral(byte[] buffer, int offset, int count)
        {
            if (_append != null)
            {
                AppendData(buffer, offset, count);
            }
            else if (_literalToCommand)
            {
                Array.Copy(buffer, offset, _cmd, _cmdLength, count);
                _cmdLength += count;
            }

            _literalRemaining -= count;
            if (_literalRemaining == 0)
            {
                _literalToCommand = false;
            }
        }

        /// <summary>A line went over the command line limit; it was discarded whole.</summary>
        public void FeedTooLong()
        {
            _action = ImapAction.None;
            _saslPending = false;
            _cmdLength = 0;
            Put(s_badTooLong);
            CountBad();
        }

        /// <summary>The deadline passed (RFC 9051 §5.4 autologout).</summary>
        public void TimedOut()
        {
            Put(s_byeIdle);
            _action = ImapAction.Close;
        }

        /// <summary>RFC 2177: between reads in IDLE, reports what changed in the mailbox.</summary>
        public void Poll()
        {
            if (_idling && _work == WorkNone && _state == ImapState.Selected && _viewVersion != _server.Mailbox.Version)
            {
                _work = WorkIdleReport;
                Continue();
            }
        }

        /// <summary>The TLS handshake after STARTTLS completed (RFC 9051 §6.2.1).</summary>
        public void TlsStarted()
        {
            _secure = true;
            _action = ImapAction.None;
        }

        /// <summary>The session is over (LOGOUT, a failure, the peer left): readers closed, an APPEND in progress dropped.</summary>
        public void End()
        {
            CloseBody();
            if (_append != null)
            {
                _append.Abort();
                _append = null;
            }

            _work = WorkNone;
            _scanner = null;
            _state = ImapState.Logout;
        }

        /// <summary>Writes as much of the pending responses as fits; call while <see cref="HasWork"/> after writing the output.</summary>
        public void Continue()
        {
            while (_body == null && _work != WorkNone)
            {
                bool finished;
                switch (_work)
                {
                    case WorkFetch:
                        finished = FetchStep();
                        break;
                    case WorkSearch:
                        finished = SearchStep();
                        break;
                    case WorkStore:
                        finished = StoreStep();
                        break;
                    case WorkReport:
                    case WorkIdleReport:
                    case WorkIdleStart:
                        finished = ReportStep(!_noExpunge);
                        break;
                    default:
                        if (OutputFree < LineRoom + _codeLength + 200)
                        {
                            return;
                        }

                        WriteCompletion();
                        _work = WorkNone;
                        return;
                }

                if (!finished)
                {
                    return;
                }

                if (_work == WorkIdleStart)
                {
                    if (OutputFree < LineRoom)
                    {
                        return;
                    }

                    Put(s_idling);
                    _idling = true;
                    _work = WorkNone;
                }
                else if (_work == WorkIdleReport)
                {
                    _work = WorkNone;
                }
                else if (_work == WorkReport)
                {
                    _work = WorkTagged;
                }
                else
                {
                    // The command's own responses are out: its updates, then its completion.
                    _work = WorkReport;
                }
            }
        }

        // ---- the dispatcher --------------------------------------------------------------

        private void Execute()
        {
            _cmdDone = true;
            _noExpunge = false;
            _uid = false;
            _codeLength = 0;
            _parser.Reset(_cmd, 0, _cmdLength);
            int tagOffset;
            int tagLength;
            if (!_parser.Tag(out tagOffset, out tagLength) || tagLength > _tag.Length || !_parser.Space())
            {
                _tagLength = 0;
                Put(s_badNoTag);
                CountBad();
                return;
            }

            Array.Copy(_cmd, tagOffset, _tag, 0, tagLength);
            _tagLength = tagLength;
            int nameOffset;
            int nameLength;
            _parser.Atom(false, out nameOffset, out nameLength);
            ImapCommand command = Find(ImapCommands.AnyState, nameOffset, nameLength);
            if (command == null)
            {
                if (_state == ImapState.NotAuthenticated)
                {
                    command = Find(ImapCommands.NotAuthenticated, nameOffset, nameLength);
                }
                else if (_state == ImapState.Authenticated || _state == ImapState.Selected)
                {
                    command = Find(ImapCommands.Authenticated, nameOffset, nameLength);
                    if (command == null && _state == ImapState.Selected)
                    {
                        command = Find(ImapCommands.Selected, nameOffset, nameLength);
                    }
                }
            }

            if (command == null)
            {
                bool known = Find(ImapCommands.NotAuthenticated, nameOffset, nameLength) != null
                    || Find(ImapCommands.Authenticated, nameOffset, nameLength) != null
                    || Find(ImapCommands.Selected, nameOffset, nameLength) != null;
                Tagged(s_bad, known ? s_badState : s_badUnknown);
                CountBad();
                return;
            }

            _doneText = s_badSyntax;
            ImapResult result = command.Handler(this, _parser);
            switch (result)
            {
                case ImapResult.Done:
                    _work = WorkReport;
                    Continue();
                    break;
                case ImapResult.Bad:
                    _codeLength = 0;
                    Tagged(s_bad, _doneText);
                    CountBad();
                    break;
                case ImapResult.Working:
                    Continue();
                    break;
            }
        }

        private ImapCommand Find(ImapCommand[] table, int offset, int length)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(_cmd, offset, length, table[i].Name))
                {
                    return table[i];
                }
            }

            return null;
        }

        /// <summary>Sets the completion "OK text" (written after the updates).</summary>
        internal ImapResult Ok(byte[] text)
        {
            _doneStatus = s_ok;
            _doneText = text;
            return ImapResult.Done;
        }

        /// <summary>Sets the completion "NO text".</summary>
        internal ImapResult No(byte[] text)
        {
            _doneStatus = s_no;
            _doneText = text;
            return ImapResult.Done;
        }

        /// <summary>A BAD with its text.</summary>
        internal ImapResult Bad(byte[] text)
        {
            _doneText = text;
            return ImapResult.Bad;
        }

        /// <summary>Starts a response code for the completion: "[" + text; numbers follow with <see cref="CodeNumber"/>.</summary>
        internal void Code(byte[] text)
        {
            Array.Copy(text, 0, _code, _codeLength, text.Length);
            _codeLength += text.Length;
        }

        internal void CodeNumber(long n)
        {
            _codeLength += Ascii.FormatDecimal(n, _code, _codeLength);
        }

        internal void CodeByte(byte b)
        {
            _code[_codeLength++] = b;
        }

        private void WriteCompletion()
        {
            Put(_tag, 0, _tagLength);
            Put((byte)' ');
            Put(_doneStatus);
            Put((byte)' ');
            if (_codeLength > 0)
            {
                Put(_code, 0, _codeLength);
                Put((byte)' ');
            }

            Put(_doneText);
            Put(s_crlf);
            _codeLength = 0;
            _scanner = null;   // the command is over: its structure is not needed again
        }

        /// <summary>Writes a tagged line at once (BAD, and answers that need no updates).</summary>
        private void Tagged(byte[] status, byte[] text)
        {
            Put(_tag, 0, _tagLength == 0 ? 0 : _tagLength);
            if (_tagLength == 0)
            {
                Put((byte)'*');
            }

            Put((byte)' ');
            Put(status);
            Put((byte)' ');
            Put(text);
            Put(s_crlf);
        }

        private void CopyTag(byte[] buffer, int offset, int count)
        {
            _parser.Reset(buffer, offset, count);
            int o;
            int l;
            if (_parser.Tag(out o, out l) && l <= _tag.Length)
            {
                Array.Copy(buffer, o, _tag, 0, l);
                _tagLength = l;
            }
            else
            {
                _tagLength = 0;
            }
        }

        // Dovecot: 3 bad commands before login, 20 after, then BYE and close.
        private void CountBad()
        {
            _badCommands++;
            int limit = _state == ImapState.NotAuthenticated ? _server.Options.BadCommandsBeforeLogin : _server.Options.BadCommandsAfterLogin;
            if (_badCommands >= limit)
            {
                Put(s_byeTooManyBad);
                _action = ImapAction.Close;
            }
        }

        /// <summary>"{n}" or "{n+}" at the end of a line (RFC 9051 §4.3, RFC 7888 §3).</summary>
        private static bool LiteralAtEnd(byte[] b, int offset, int count, out long n, out bool nonSync)
        {
            n = 0;
            nonSync = false;
            int end = offset + count - 1;
            if (count < 3 || b[end] != (byte)'}')
            {
                return false;
            }

            int p = end - 1;
            if (b[p] == (byte)'+')
            {
                nonSync = true;
                p--;
            }

            int digitsEnd = p;
            while (p >= offset && b[p] >= (byte)'0' && b[p] <= (byte)'9')
            {
                p--;
            }

            if (p < offset || b[p] != (byte)'{' || p == digitsEnd || digitsEnd - p > 10)
            {
                return false;
            }

            return Ascii.TryParseDecimal(b, p + 1, digitsEnd - p, 0xFFFFFFFFL, out n);
        }

        /// <summary>A refused literal: a synchronizing one is never sent; a non-synchronizing one is read and dropped, or BYE when too big.</summary>
        private void DiscardLiteral(long n, bool nonSync)
        {
            if (!nonSync)
            {
                _discardCommand = false;
                return;
            }

            if (n > Limits.ImapLiteralDiscardMax)
            {
                Put(s_byeLiteral);
                _action = ImapAction.Close;
                return;
            }

            _literalRemaining = n;
            _literalToCommand = false;
        }

        // ---- output ----------------------------------------------------------------------

        internal void Put(byte[] bytes)
        {
            Array.Copy(bytes, 0, _out, _outLength, bytes.Length);
            _outLength += bytes.Length;
        }

        internal void Put(byte[] bytes, int offset, int count)
        {
            Array.Copy(bytes, offset, _out, _outLength, count);
            _outLength += count;
        }

        internal void Put(byte b)
        {
            _out[_outLength++] = b;
        }

        internal void PutNumber(long value)
        {
            _outLength += Ascii.FormatDecimal(value, _out, _outLength);
        }

        internal void PutStar()
        {
            Put(s_star);
        }

        internal void PutCrlf()
        {
            Put(s_crlf);
        }

        internal void PutNil()
        {
            Put(s_nil);
        }

        /// <summary>
        /// A string as RFC 9051 §4.3 quoted (when it has no CR, LF, NUL, '"' or '\' trouble and is
        /// 7-bit) or else as a literal; at most <paramref name="max"/> octets of it.
        /// </summary>
        internal void PutString(byte[] b, int offset, int count, int max)
        {
            if (count > max)
            {
                count = max;
            }

            bool quotable = true;
            for (int i = 0; i < count; i++)
            {
                byte c = b[offset + i];
                if (c == 0 || c == 13 || c == 10 || c >= 128)
                {
                    quotable = false;
                    break;
                }
            }

            if (!quotable)
            {
                Put((byte)'{');
                PutNumber(count);
                Put((byte)'}');
                Put(s_crlf);
                Put(b, offset, count);
                return;
            }

            Put((byte)'"');
            for (int i = 0; i < count; i++)
            {
                byte c = b[offset + i];
                if (c == (byte)'"' || c == (byte)'\\')
                {
                    Put((byte)'\\');
                }

                Put(c);
            }

            Put((byte)'"');
        }

        internal void PutString(string s)
        {
            byte[] b = Utf8.GetBytes(s);
            PutString(b, 0, b.Length, b.Length);
        }
    }
}

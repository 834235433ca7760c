using System;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Pop3
{
    /// <summary>
    /// One POP3 server session as a state machine (RFC 1939): fed one command line at a time, it
    /// writes its replies into <see cref="Output"/> and tells the driver what to do next
    /// (<see cref="Action"/>, a listing to continue, a message to stream). It never touches a
    /// socket. The command tables are in <see cref="Pop3Commands"/>, the handlers in the
    /// Authorization and Transaction parts of this class.
    /// </summary>
    public sealed partial class Pop3ServerSession : IMailboxSession
    {
        /// <summary>Room the driver must leave free in <see cref="Output"/> before each Feed (one reply line).</summary>
        public const int ReplyRoom = Limits.Pop3ResponseLine;

        private const int ListingLineMax = 96;   // "n uid\r\n": 10 + 1 + 70 + 2 octets

        private static readonly byte[] s_ok = Ascii.Bytes("+OK");
        private static readonly byte[] s_okSpace = Ascii.Bytes("+OK ");
        private static readonly byte[] s_crlf = Ascii.Bytes("\r\n");
        private static readonly byte[] s_dotCrlf = Ascii.Bytes(".\r\n");
        private static readonly byte[] s_errInvalid = Ascii.Bytes("-ERR Invalid arguments.");
        private static readonly byte[] s_errUnknown = Ascii.Bytes("-ERR Unknown command.");
        private static readonly byte[] s_errNul = Ascii.Bytes("-ERR NUL octet in command.");
        private static readonly byte[] s_errControl = Ascii.Bytes("-ERR Control character in command.");
        private static readonly byte[] s_errTooLong = Ascii.Bytes("-ERR Command line too long.");
        private static readonly byte[] s_errTooManyBad = Ascii.Bytes("-ERR Too many bad commands.");
        private static readonly byte[] s_errIdle = Ascii.Bytes("-ERR Disconnected for inactivity.");
        private static readonly byte[] s_greeting = Ascii.Bytes("+OK POP3 server ready");

        private readonly Pop3Server _server;
        private readonly Pop3Arguments _arguments = new Pop3Arguments();
        private readonly byte[] _out = new byte[ReplyRoom];   // one reply line: the driver writes out before the next line is fed
        private readonly byte[] _user = new byte[Limits.Pop3Argument];
        private int _outLength;
        private int _traceStart;
        private Pop3State _state;
        private Pop3Action _action;
        private bool _secure;
        private bool _loopback;
        private int _badCommands;
        private int _authFailures;
        private readonly string _remoteAddress;
        private long _deadline;
        private byte[] _timestamp;

        // AUTHORIZATION: the name from USER (-1: none), a SASL exchange waiting for its response.
        private int _userLength = -1;
        private bool _saslPending;

        // TRANSACTION: the snapshot's deletion marks, a listing or a message being sent.
        private bool[] _deleted;
        private int _listing;          // ListingNone, ListingList, ListingUidl
        private int _listingNext;
        private IFileReader _message;
        private int _topLines;

        private const int ListingNone = 0;
        private const int ListingList = 1;
        private const int ListingUidl = 2;

        /// <summary>A session on a connection that is already secure (implicit TLS) or not, and from loopback or not.</summary>
        public Pop3ServerSession(Pop3Server server, bool secure, bool loopback)
            : this(server, secure, loopback, null)
        {
        }

        /// <summary>As above, from <paramref name="remoteAddress"/> (for the failed-login penalty by address; null: none).</summary>
        public Pop3ServerSession(Pop3Server server, bool secure, bool loopback, string remoteAddress)
        {
            _remoteAddress = remoteAddress;
            _server = server;
            _secure = secure;
            _loopback = loopback;
            _state = Pop3State.Authorization;
        }

        public Pop3State State { get { return _state; } }

        /// <summary>Reply bytes waiting to be written: Output[0..OutputLength).</summary>
        public byte[] Output { get { return _out; } }

        public int OutputLength { get { return _outLength; } }

        /// <summary>Free room in <see cref="Output"/>.</summary>
        public int OutputFree { get { return _out.Length - _outLength; } }

        /// <summary>What the driver does after writing the output of the last Feed.</summary>
        public Pop3Action Action { get { return _action; } }

        /// <summary>A multi-line listing (LIST, UIDL) is not finished: call <see cref="Continue"/>.</summary>
        public bool HasListing { get { return _listing != ListingNone; } }

        /// <summary>The message RETR or TOP asked for, after its "+OK" line; stream it, then call <see cref="MessageSent"/>.</summary>
        public IFileReader Message { get { return _message; } }

        /// <summary>TOP's body line count, or -1 for the whole message (RETR).</summary>
        public int TopLines { get { return _topLines; } }

        /// <summary>The monotonic millisecond at which the session times out.</summary>
        public long Deadline { get { return _deadline; } }

        /// <summary>Whether the connection is under TLS (implicit, or after STLS).</summary>
        public bool IsSecure { get { return _secure; } }

        /// <summary>Marks the output as written.</summary>
        public void ClearOutput()
        {
            _outLength = 0;
            _traceStart = 0;
        }

        /// <summary>Writes the greeting (RFC 1939 §4), with an APOP timestamp when APOP is on (§7).</summary>
        public void Start()
        {
            _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.PreAuthTimeoutMilliseconds;
            Put(s_greeting);
            if (_server.Options.Apop)
            {
                _timestamp = MakeTimestamp();
                Put((byte)' ');
                Put(_timestamp);
            }

            EndLine();
        }

        /// <summary>Handles one command line (without its line end) and its framing flags.</summary>
        public void Feed(byte[] buffer, int offset, int count, LineFlags flags)
        {
            _action = Pop3Action.None;
            if (_state == Pop3State.Transaction)
            {
                _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.IdleTimeoutMilliseconds;
            }

            if (_saslPending)
            {
                _saslPending = false;
                FinishSaslPlain(buffer, offset, count, flags);
                return;
            }

            _arguments.Parse(buffer, offset, count);
            if ((flags & LineFlags.Nul) != 0 || Ascii.IndexOfControl(buffer, offset, count) >= 0)
            {
                // popa3d: never ignore past a NUL; the whole line is refused and nothing runs. RFC
                // 1939 §3: keywords and arguments are printable, so no other control octet either:
                // a name or password is refused whole here, before it is kept or compared.
                BadCommand((flags & LineFlags.Nul) != 0 ? s_errNul : s_errControl);
                return;
            }

            Pop3Command command = Find(_state == Pop3State.Transaction ? Pop3Commands.Transaction : Pop3Commands.Authorization);
            if (command == null)
            {
                BadCommand(s_errUnknown);
                return;
            }

            if (!command.Accepts(_arguments))
            {
                BadCommand(s_errInvalid);
                return;
            }

            switch (command.Handler(this, _arguments))
            {
                case Pop3Result.Ok:
                    Put(s_ok);
                    EndLine();
                    break;
                case Pop3Result.Err:
                    BadCommand(s_errInvalid);
                    break;
                case Pop3Result.Failed:
                    CountBadCommand();
                    break;
            }
        }

        /// <summary>A command line went over 255 octets (RFC 2449 §4); it was discarded whole.</summary>
        public void FeedTooLong()
        {
            _action = Pop3Action.None;
            _saslPending = false;
            BadCommand(s_errTooLong);
        }

        /// <summary>The deadline passed without a command (RFC 1939 §3 autologout): no UPDATE.</summary>
        public void TimedOut()
        {
            Put(s_errIdle);
            EndLine();
            _action = Pop3Action.Close;
        }

        /// <summary>The TLS handshake that STLS announced has completed (RFC 2595 §4).</summary>
        public void TlsStarted()
        {
            _secure = true;
            _userLength = -1;   // nothing learnt before TLS counts after it
            _action = Pop3Action.None;
        }

        /// <summary>
        /// The connection is gone (closed, reset, timed out, TLS failure) or the session ended: the
        /// lock is released and nothing is removed (RFC 1939 §6). Safe to call more than once.
        /// </summary>
        public void End()
        {
            CloseMessage();
            _listing = ListingNone;
            if (_state == Pop3State.Transaction || _state == Pop3State.Update)
            {
                // Update here means UPDATE was cut short by an unexpected failure: RFC 1939 §6
                // releases the lock "whether the removal was successful or not".
                _server.Maildrop.Unlock();
            }

            _state = Pop3State.Closed;
        }

        /// <summary>Writes the next lines of a LIST or UIDL listing, as many as fit; the last call adds ".".</summary>
        public void Continue()
        {
            IMaildrop maildrop = _server.Maildrop;
            while (_listing != ListingNone && OutputFree >= ListingLineMax)
            {
                if (_listingNext >= _deleted.Length)
                {
                    Put(s_dotCrlf);
                    _listing = ListingNone;
                    break;
                }

                int i = _listingNext++;
                if (_deleted[i])
                {
                    continue;
                }

                _traceStart = _outLength;   // each listing line gets a whole line's room (PutAscii)
                PutNumber(i + 1);
                Put((byte)' ');
                if (_listing == ListingList)
                {
                    PutNumber(maildrop.SizeOf(i));
                }
                else
                {
                    PutAscii(maildrop.UidOf(i));
                }

                Put(s_crlf);
            }

            _traceStart = _outLength;
        }

        /// <summary>The message is streamed (or failed): closes its reader.</summary>
        public void MessageSent()
        {
            CloseMessage();
            if (_state == Pop3State.Transaction)
            {
                // A long transfer is activity: the idle timer starts again after it.
                _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.IdleTimeoutMilliseconds;
            }
        }

        private Pop3Command Find(Pop3Command[] table)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (_arguments.KeywordIs(table[i].Keyword))
                {
                    return table[i];
                }
            }

            return null;
        }

        private void BadCommand(byte[] reply)
        {
            // RFC 1939 §7: PASS only "immediately after a successful USER"; a refused line in
            // between (say "USER admin" with a NUL) must not leave the earlier name to log in with.
            _userLength = -1;
            Put(reply);
            EndLine();
            CountBadCommand();
        }

        // Dovecot: 3 bad commands before login, 20 after, then "-ERR Too many bad commands." and close.
        private void CountBadCommand()
        {
            _badCommands++;
            int limit = _state == Pop3State.Transaction ? _server.Options.BadCommandsAfterLogin : _server.Options.BadCommandsBeforeLogin;
            if (_badCommands >= limit)
            {
                Put(s_errTooManyBad);
                EndLine();
                _action = Pop3Action.Close;
            }
        }

        private void CloseMessage()
        {
            if (_message != null)
            {
                _message.Close();
                _message = null;
            }
        }

        private byte[] MakeTimestamp()
        {
            // RFC 1939 §7: "<process-ID.clock@hostname>" must differ for every greeting. The
            // device's clock may be unset after a reboot, so the uniqueness comes from a random
            // nonce (new after every boot) and a counter (new for every greeting).
            byte[] nonce = new byte[4];
            _server.Random.NextBytes(nonce, 0, 4);
            long n = ((long)nonce[0] << 24) | ((long)nonce[1] << 16) | ((long)nonce[2] << 8) | nonce[3];
            string text = "<" + n.ToString() + "." + _server.NextGreetingNumber().ToString() + "@" + _server.Options.HostName + ">";
            return Ascii.Bytes(text);
        }

        // ---- output ------------------------------------------------------------------------

        internal void Put(byte[] bytes)
        {
            Array.Copy(bytes, 0, _out, _outLength, bytes.Length);
            _outLength += bytes.Length;
        }

        internal void Put(byte b)
        {
            _out[_outLength++] = b;
        }

        internal void PutNumber(long value)
        {
            _outLength += Ascii.FormatDecimal(value, _out, _outLength);
        }

        /// <summary>Writes printable ASCII from a string; anything else becomes '?', and it stops before the line would overflow.</summary>
        internal void PutAscii(string text)
        {
            int room = ReplyRoom - 2 - (_outLength - _traceStart);
            for (int i = 0; i < text.Length && i < room; i++)
            {
                char c = text[i];
                _out[_outLength++] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
            }
        }

        /// <summary>"+OK " followed by text.</summary>
        internal void PutOk()
        {
            Put(s_okSpace);
        }

        /// <summary>Ends a status line with CRLF.</summary>
        internal void EndLine()
        {
            Put(s_crlf);
            _traceStart = _outLength;
        }

        /// <summary>A whole status line from bytes.</summary>
        internal Pop3Result Reply(byte[] line)
        {
            Put(line);
            EndLine();
            return Pop3Result.Replied;
        }

        /// <summary>A whole "-ERR" line that counts as a bad command.</summary>
        internal Pop3Result Fail(byte[] line)
        {
            Put(line);
            EndLine();
            return Pop3Result.Failed;
        }
    }
}

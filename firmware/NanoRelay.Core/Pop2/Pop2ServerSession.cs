using System;
using NanoRelay.Framing;
using NanoRelay.Pop3;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Pop2
{
    /// <summary>
    /// One POP2 server session (RFC 937) over the POP3 server's maildrop, account and session
    /// cap: fed one command line at a time, it writes its replies into <see cref="Output"/> and
    /// says when a message is to be sent (<see cref="Message"/>) or the connection closed
    /// (<see cref="Closing"/>). It never touches a socket. RFC 937: "One basic rule of this
    /// protocol is "if anything goes wrong close the connection"": every refused command is
    /// answered by one "-" line and the end of the session. HELO takes the maildrop's exclusive
    /// lock, the same one a POP3 session holds (RFC 1939 §8), until the session ends.
    /// </summary>
    public sealed partial class Pop2ServerSession : IMailboxSession
    {
        /// <summary>Room the driver must leave free in <see cref="Output"/> before each Feed (one reply line).</summary>
        public const int ReplyRoom = Limits.Pop2ReplyLine;

        private static readonly byte[] s_crlf = Ascii.Bytes("\r\n");
        private static readonly byte[] s_greeting = Ascii.Bytes("+ POP2 ");
        private static readonly byte[] s_server = Ascii.Bytes(" Server");
        private static readonly byte[] s_errUnknown = Ascii.Bytes("- Unknown command, or not allowed in this state");
        private static readonly byte[] s_errSyntax = Ascii.Bytes("- Syntax error in arguments");
        private static readonly byte[] s_errControl = Ascii.Bytes("- Control character or NUL in command");
        private static readonly byte[] s_errTooLong = Ascii.Bytes("- Command line too long");
        private static readonly byte[] s_errIdle = Ascii.Bytes("- Autologout; idle for too long");

        private readonly Pop3Server _server;
        private readonly bool _loopback;
        private readonly bool _cleartextFromLan;
        private readonly string _remoteAddress;
        private readonly byte[] _out = new byte[2 * ReplyRoom];
        private readonly byte[] _argument = new byte[Limits.Pop2CommandLine];
        private int _outLength;
        private Pop2State _state;
        private bool _closing;
        private long _deadline;

        // MBOX and after: the lock, the selected mailbox's snapshot and ACKD marks, the current message (1-based).
        private bool _locked;
        private bool[] _deleted;
        private int _current;
        private IFileReader _message;

        /// <summary>
        /// A session from loopback or not; <paramref name="cleartextFromLan"/> lets HELO's password
        /// come over the LAN (POP2 has no TLS); <paramref name="remoteAddress"/> keys the failed-login penalty (null: none).
        /// </summary>
        public Pop2ServerSession(Pop3Server server, bool loopback, bool cleartextFromLan, string remoteAddress)
        {
            _server = server;
            _loopback = loopback;
            _cleartextFromLan = cleartextFromLan;
            _remoteAddress = remoteAddress;
            _state = Pop2State.Auth;
        }

        public Pop2State State { get { return _state; } }

        /// <summary>Reply bytes waiting to be written: Output[0..OutputLength).</summary>
        public byte[] Output { get { return _out; } }

        public int OutputLength { get { return _outLength; } }

        /// <summary>Free room in <see cref="Output"/>.</summary>
        public int OutputFree { get { return _out.Length - _outLength; } }

        /// <summary>The output is the session's last: write it, then close the connection.</summary>
        public bool Closing { get { return _closing; } }

        /// <summary>The message RETR asked for; send it as stored, then call <see cref="MessageSent"/>.</summary>
        public IFileReader Message { get { return _message; } }

        /// <summary>The monotonic millisecond at which the session times out (RFC 937 "Timeouts": T2).</summary>
        public long Deadline { get { return _deadline; } }

        /// <summary>Marks the output as written.</summary>
        public void ClearOutput()
        {
            _outLength = 0;
        }

        /// <summary>RFC 937 "Greeting": "a plus sign, followed by the protocol name ("POP2"), followed by the server host name, optionally followed by text".</summary>
        public void Start()
        {
            _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.PreAuthTimeoutMilliseconds;
            Put(s_greeting);
            PutAscii(_server.Options.HostName);
            Put(s_server);
            EndLine();
        }

        /// <summary>Handles one command line (without its line end) and its framing flags.</summary>
        public void Feed(byte[] buffer, int offset, int count, LineFlags flags)
        {
            if (_closing)
            {
                return;   // bytes pipelined behind the last reply are not commands any more
            }

            if (_state != Pop2State.Auth)
            {
                _deadline = _server.Clock.MonotonicMilliseconds + Limits.Pop2IdleTimeoutMs;
            }

            if ((flags & LineFlags.Nul) != 0 || Ascii.IndexOfControl(buffer, offset, count) >= 0)
            {
                Error(s_errControl);
                return;
            }

            // RFC 937 "Formal Syntax": a four-letter keyword, then nothing or SP and the argument.
            int keywordEnd = Ascii.IndexOf(buffer, offset, count, (byte)' ');
            int keywordLength = keywordEnd < 0 ? count : keywordEnd - offset;
            Pop2Command command = Find(buffer, offset, keywordLength);
            if (command == null)
            {
                Error(s_errUnknown);
                return;
            }

            int argumentOffset = offset + keywordLength + 1;
            int argumentCount = keywordEnd < 0 ? -1 : count - keywordLength - 1;
            if (!command.Accepts(argumentCount))
            {
                Error(s_errSyntax);
                return;
            }

            command.Handler(this, buffer, argumentOffset, argumentCount);
        }

        /// <summary>A command line went over RFC 937's 512 characters; it was discarded whole.</summary>
        public void FeedTooLong()
        {
            if (!_closing)
            {
                Error(s_errTooLong);
            }
        }

        /// <summary>The deadline passed without a command: the session ends, nothing is deleted.</summary>
        public void TimedOut()
        {
            Error(s_errIdle);
        }

        /// <summary>
        /// The connection is gone or the session ended: the lock is released. Marks from ACKD
        /// are applied only by QUIT and FOLD (a session cut short deletes nothing, as RFC 1939 §6
        /// does for POP3). Safe to call more than once.
        /// </summary>
        public void End()
        {
            MessageSent();
            if (_locked)
            {
                _locked = false;
                _server.Maildrop.Unlock();
            }

            _state = Pop2State.Done;
        }

        /// <summary>The message is sent (or failed): closes its reader; the idle timer starts again.</summary>
        public void MessageSent()
        {
            if (_message != null)
            {
                _message.Close();
                _message = null;
                _deadline = _server.Clock.MonotonicMilliseconds + Limits.Pop2IdleTimeoutMs;
            }
        }

        private Pop2Command Find(byte[] buffer, int offset, int count)
        {
            Pop2Command[] table = _state == Pop2State.Auth ? Pop2Commands.Auth
                : _state == Pop2State.Mbox ? Pop2Commands.Mbox
                : _state == Pop2State.Item ? Pop2Commands.Item
                : _state == Pop2State.Next ? Pop2Commands.Next : null;
            for (int i = 0; table != null && i < table.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(buffer, offset, count, table[i].Keyword))
                {
                    return table[i];
                }
            }

            return null;
        }

        // ---- output ------------------------------------------------------------------------

        /// <summary>RFC 937 server action 1: "Send "- error", and Close the connection." Nothing is deleted.</summary>
        internal void Error(byte[] line)
        {
            Put(line);
            EndLine();
            _closing = true;
            _state = Pop2State.Done;
        }

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

        /// <summary>Printable ASCII from a string (anything else becomes '?'), at most 64 characters.</summary>
        internal void PutAscii(string text)
        {
            for (int i = 0; i < text.Length && i < 64; i++)
            {
                char c = text[i];
                _out[_outLength++] = c > ' ' && c <= '~' ? (byte)c : (byte)'?';
            }
        }

        internal void EndLine()
        {
            Put(s_crlf);
        }
    }
}

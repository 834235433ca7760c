using System;
using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// One SMTP ingress session (RFC 5321 §4.2, §4.3) as a pure state machine: bytes go in by
    /// <see cref="Received"/> (or <see cref="Receive"/>), replies come out through
    /// <see cref="ISmtpServerOutput"/>, accepted mail goes to an <see cref="IIngressSink"/>. It
    /// never reads a socket; <see cref="SmtpServerDriver"/> pumps it, tests replay transcripts.
    /// <para>Synchronization (RFC 5321 §4.3.1, RFC 2920 §3.1): a client may send a command ahead of
    /// the previous reply only after this phase's EHLO reply advertised PIPELINING (not before
    /// EHLO, not after HELO, not after STARTTLS until the new EHLO), and never after a command that
    /// must end a group: EHLO, HELO, DATA (nothing before 354), AUTH and its responses. Bytes
    /// received before the greeting, or buffered behind such a command when it is answered, get
    /// 554 5.5.0 and the session is closed. After STARTTLS they are discarded (CVE-2011-0411).</para>
    /// </summary>
    public sealed partial class SmtpServerSession
    {
        private const string Source = "smtp-in";
        private const int OutputCapacity = Limits.SmtpReplyLine;   // one reply line; a pipelined group's replies go out as it fills
        private const int InitialRecipientSlots = 4;
        private const int ScratchBytes = 800;                       // AUTH's decoded response (LOGIN's user at 400), the Received header (600)

        private readonly SmtpServerOptions _options;
        private readonly RelayPolicy _policy;
        private readonly IIngressSink _sink;
        private readonly ISmtpServerOutput _output;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly IRandom _random;
        private readonly LineFramer _framer = LineFramer.ForSmtpServer();
        private readonly byte[] _out = new byte[OutputCapacity];
        private byte[] _scratch;   // only during an AUTH exchange and while the Received header is written
        private readonly byte[] _serverName;
        private readonly SmtpPath _path = new SmtpPath();
        private readonly string _remoteAddress;
        private readonly bool _isLoopback;
        private readonly bool _clientAllowed;
        private int _outCount;
        private SmtpServerState _state = SmtpServerState.Connecting;
        private bool _isSecure;
        private bool _extended;        // this phase's greeting was EHLO (RFC 1869), not HELO
        private bool _pipelining;      // this phase's EHLO reply advertised PIPELINING
        private bool _lastInGroup;     // the command just answered must end a pipelined group
        private bool _authenticated;
        private bool _begun;   // logged in or opened a transaction once: the full command deadline applies
        private string _heloName;
        private string _reversePath;
        private string[] _recipients;
        private int _recipientCount;
        private int _badCommands;
        private int _authFailures;
        private int _discarded;
        private long _commandDeadline;
        private long _lastInput;

        /// <summary>
        /// A session for one connection from <paramref name="remoteAddress"/>. Nothing is sent until
        /// <see cref="Start"/>; bytes received before it count as early talking.
        /// </summary>
        public SmtpServerSession(SmtpServerOptions options, RelayPolicy policy, IIngressSink sink, ISmtpServerOutput output, IClock clock, ILog log, IRandom random, string remoteAddress, bool isLoopback, bool isSecure)
        {
            _options = options;
            _policy = policy;
            _sink = sink;
            _output = output;
            _clock = clock;
            _log = log;
            _random = random;
            _remoteAddress = remoteAddress;
            _isLoopback = isLoopback;
            _isSecure = isSecure;
            _serverName = Ascii.Bytes(options.ServerName);
            _clientAllowed = policy.IsAllowedClient(remoteAddress);
        }

        public SmtpServerState State { get { return _state; } }

        public bool IsClosed { get { return _state == SmtpServerState.Closed; } }

        /// <summary>220 was sent to STARTTLS: the driver must run the handshake, then call <see cref="TlsStarted"/>.</summary>
        public bool WantsTls { get { return _state == SmtpServerState.StartTls; } }

        public bool IsSecure { get { return _isSecure; } }

        public bool IsAuthenticated { get { return _authenticated; } }

        /// <summary>Bytes thrown away after STARTTLS's 220 (injected plaintext).</summary>
        public int DiscardedBytes { get { return _discarded; } }

        /// <summary>Where the driver reads fresh bytes: (InputBuffer, InputOffset, InputCount), then <see cref="Received"/>.</summary>
        public byte[] InputBuffer { get { return _framer.Buffer; } }

        public int InputOffset { get { return _framer.FreeOffset; } }

        public int InputCount { get { return _framer.FreeCount; } }

        /// <summary>
        /// How long the driver may wait for the next bytes (at least 1 ms): what is left of the
        /// current deadline, and during DATA at most DataTimeoutMs since the last bytes arrived.
        /// </summary>
        public int ReadTimeoutMilliseconds
        {
            get
            {
                long now = _clock.MonotonicMilliseconds;
                long left = Deadline - now;
                if (_state == SmtpServerState.Data && _lastInput + _options.DataTimeoutMs - now < left)
                {
                    left = _lastInput + _options.DataTimeoutMs - now;
                }

                return left < 1 ? 1 : left > int.MaxValue ? int.MaxValue : (int)left;
            }
        }

        // Past the deadline, or (during DATA) silent for a whole DataTimeoutMs.
        private bool Expired
        {
            get
            {
                long now = _clock.MonotonicMilliseconds;
                return now >= Deadline || (_state == SmtpServerState.Data && now >= _lastInput + _options.DataTimeoutMs);
            }
        }

        // A command line must be complete within CommandTimeoutMs of the server waiting for it (a
        // deadline per line, not per read: Postfix smtpd_per_request_deadline); mail data within
        // DataTimeoutMs plus one second per MinDataBytesPerSecond received (smtpd_min_data_rate).
        private long Deadline
        {
            get
            {
                if (_state != SmtpServerState.Data)
                {
                    return _commandDeadline;
                }

                return _dataStart + _options.DataTimeoutMs + (_dataReceived * 1000 / _options.MinDataBytesPerSecond);
            }
        }

        /// <summary>Sends the greeting (RFC 5321 §3.1, §4.3.1), or refuses an early talker or a client not allowed.</summary>
        public void Start()
        {
            if (_state != SmtpServerState.Connecting)
            {
                throw new InvalidOperationException("started twice");
            }

            if (_framer.Buffered > 0)
            {
                Warn("early talker: " + _framer.Buffered + " bytes before the greeting");
                Violation();
            }
            else if (!_clientAllowed && !CanAuthenticateSomeday)
            {
                // §3.1: "554 ... the server MUST wait for the client to send a QUIT"; 503 meanwhile.
                Info("refused: " + _remoteAddress + " is not in allowFrom");
                _state = SmtpServerState.Refused;
                Reply(SmtpServerReplies.RefusedPrefix, _serverName, SmtpServerReplies.RefusedSuffix);
            }
            else
            {
                _state = SmtpServerState.Greeted;
                Reply(SmtpServerReplies.GreetingPrefix, _serverName, SmtpServerReplies.GreetingSuffix);
            }

            WaitForCommand();
            Flush();
        }

        /// <summary>Takes <paramref name="count"/> bytes the driver read into InputBuffer at InputOffset, and answers every complete line.</summary>
        public void Received(int count)
        {
            _framer.Commit(count);
            _lastInput = _clock.MonotonicMilliseconds;
            if (_state == SmtpServerState.Connecting)
            {
                return;   // judged by Start
            }

            Process();
        }

        /// <summary>Copies and processes bytes (tests, or a driver with its own buffer); returns how many were taken.</summary>
        public int Receive(byte[] source, int offset, int count)
        {
            int taken = 0;
            while (taken < count && !IsClosed && !WantsTls)
            {
                int n = count - taken < InputCount ? count - taken : InputCount;
                if (n == 0)
                {
                    break;   // not started yet and the buffer is full: Start will refuse the early talker
                }

                Array.Copy(source, offset + taken, InputBuffer, InputOffset, n);
                taken += n;
                Received(n);
            }

            return taken;
        }

        /// <summary>
        /// The driver's read waited out <see cref="ReadTimeoutMilliseconds"/>: 421 and close once the
        /// deadline has passed (an adapter that wakes early just reads again).
        /// </summary>
        public void TimedOut()
        {
            if (IsClosed || !Expired)
            {
                return;
            }

            Warn("timeout in state " + StateName(_state));
            Reply(SmtpServerReplies.TimeoutPrefix, _serverName, SmtpServerReplies.TimeoutSuffix);
            Close();
            Flush();
        }

        /// <summary>The TLS handshake after STARTTLS succeeded: RFC 3207 §4.2, the server "MUST discard any knowledge obtained from the client".</summary>
        public void TlsStarted()
        {
            if (_state != SmtpServerState.StartTls)
            {
                throw new InvalidOperationException("no STARTTLS pending");
            }

            _isSecure = true;
            _heloName = null;
            _extended = false;
            _pipelining = false;
            _authenticated = false;
            ResetTransaction();
            _state = SmtpServerState.Greeted;
            WaitForCommand();
        }

        /// <summary>The connection broke or the peer closed it: drop any message being received.</summary>
        public void ConnectionLost()
        {
            if (_state == SmtpServerState.Data)
            {
                Warn("connection lost during DATA; nothing queued");
            }

            Close();
        }

        private void Process()
        {
            if (Expired)
            {
                TimedOut();
                return;
            }

            while (!IsClosed && !WantsTls)
            {
                FrameResult r = _framer.TryTakeLine();
                if (r == FrameResult.NeedMore)
                {
                    break;
                }

                if (_state == SmtpServerState.Data)
                {
                    OnDataLine(r);
                    continue;
                }

                _lastInGroup = false;
                if (r == FrameResult.TooLong)
                {
                    // Answered at once; the rest of the line is still arriving (and is discarded),
                    // so what is buffered now is not a command sent ahead.
                    OnTooLong();
                }
                else
                {
                    if (IsAuthenticating)
                    {
                        OnAuthResponse(_framer.Buffer, _framer.LineOffset, _framer.LineLength, true);
                    }
                    else
                    {
                        OnCommand(_framer.Buffer, _framer.LineOffset, _framer.LineLength);
                    }

                    CheckSynchronization();
                }

                if (_state != SmtpServerState.Data)
                {
                    WaitForCommand();
                }
            }

            Flush();
        }

        // RFC 2920 §3.1 and §4.3.1 (see the class summary): what is buffered behind a command that
        // must be answered first was sent before its reply.
        private void CheckSynchronization()
        {
            if (IsClosed || WantsTls || _framer.Buffered == 0)
            {
                return;
            }

            if (!_pipelining || _lastInGroup)
            {
                Warn("client sent " + _framer.Buffered + " bytes ahead of a reply");
                AbortMessage();
                Violation();
            }
        }

        private void Violation()
        {
            Reply(SmtpServerReplies.ProtocolSynchronization);
            Close();
        }

        private void OnTooLong()
        {
            if (IsAuthenticating)
            {
                _state = SmtpServerState.Ready;
                Bad(SmtpServerReplies.AuthLineTooLong);
                return;
            }

            Bad(SmtpServerReplies.LineTooLong);
        }

        private bool IsAuthenticating
        {
            get
            {
                return _state == SmtpServerState.AuthPlain || _state == SmtpServerState.AuthLoginUser || _state == SmtpServerState.AuthLoginPassword;
            }
        }

        // A refused client could still authenticate later only where AUTH can be offered.
        private bool CanAuthenticateSomeday
        {
            get { return _options.HasUsers && (_isLoopback || _isSecure || _options.TlsAvailable); }
        }

        private void WaitForCommand()
        {
            // Until the client logs in or opens a transaction it gets the pre-login deadline (shorter on a
            // one-session board); from then on RFC 5321 §4.5.3.2.7's 5 minutes.
            if (_authenticated || _state == SmtpServerState.MailFrom || _state == SmtpServerState.RcptTo || _state == SmtpServerState.Data)
            {
                _begun = true;
            }

            _commandDeadline = _clock.MonotonicMilliseconds + (_begun ? _options.CommandTimeoutMs : _options.PreLoginTimeoutMs);
        }

        private void ResetTransaction()
        {
            AbortMessage();
            _reversePath = null;
            for (int i = 0; i < _recipientCount; i++)
            {
                _recipients[i] = null;
            }

            _recipientCount = 0;
        }

        private void Close()
        {
            AbortMessage();
            _state = SmtpServerState.Closed;
        }

        // A protocol error (500-504, 555): after BadCommandLimit of them, 421 and close (Dovecot: ten 500s, then 421).
        private void Bad(byte[] reply)
        {
            Reply(reply);
            _badCommands++;
            if (_badCommands >= _options.BadCommandLimit)
            {
                Warn("too many errors");
                Reply(SmtpServerReplies.Unavailable, _serverName, SmtpServerReplies.TooManyErrors);
                Close();
            }
        }

        private void Reply(byte[] reply)
        {
            Append(reply, 0, reply.Length);
        }

        private void Reply(byte[] prefix, byte[] middle, byte[] suffix)
        {
            Append(prefix, 0, prefix.Length);
            Append(middle, 0, middle.Length);
            Append(suffix, 0, suffix.Length);
        }

        private void Append(byte[] bytes, int offset, int count)
        {
            if (_outCount + count > _out.Length)
            {
                Flush();
            }

            if (count > _out.Length)
            {
                _output.Write(bytes, offset, count);
                return;
            }

            Array.Copy(bytes, offset, _out, _outCount, count);
            _outCount += count;
        }

        // A decimal number and CRLF, formatted in place in the output.
        private void AppendDecimal(long value)
        {
            if (_outCount + 22 > _out.Length)
            {
                Flush();
            }

            _outCount += Ascii.FormatDecimal(value, _out, _outCount);
            Append(SmtpServerReplies.Crlf, 0, SmtpServerReplies.Crlf.Length);
        }

        private void Flush()
        {
            if (_outCount == 0)
            {
                return;
            }

            int n = _outCount;
            _outCount = 0;
            _output.Write(_out, 0, n);
        }

        private void Info(string message)
        {
            _log.Write(LogLevel.Info, Source, _remoteAddress + " " + message);
        }

        private void Warn(string message)
        {
            _log.Write(LogLevel.Warning, Source, _remoteAddress + " " + message);
        }

        // Client bytes for a log line: printable ASCII kept, anything else as '?' (no control
        // characters reach a terminal or a log file).
        private static string Text(byte[] b, int offset, int count)
        {
            char[] c = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte x = b[offset + i];
                c[i] = Ascii.IsPrintable(x) ? (char)x : '?';
            }

            return new string(c);
        }

        private static string StateName(SmtpServerState state)
        {
            switch (state)
            {
                case SmtpServerState.Data:
                    return "DATA";
                case SmtpServerState.MailFrom:
                case SmtpServerState.RcptTo:
                    return "transaction";
                case SmtpServerState.AuthPlain:
                case SmtpServerState.AuthLoginUser:
                case SmtpServerState.AuthLoginPassword:
                    return "AUTH";
                default:
                    return "command";
            }
        }
    }
}

using System;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Smtp
{
    /// <summary>
    /// The pump for <see cref="SmtpClientSession"/>: owns the connection, a reply framer and
    /// reader, the per-command timeouts (RFC 5321 §4.5.3.2, on the clock port), the STARTTLS
    /// handshake and the streaming of a message from the spool through the dot-stuffer.
    /// Blocking, straight-line (dma's style), so it runs as it is on a nanoFramework thread.
    /// Buffers are allocated once per driver; sending a message allocates no more for a bigger one.
    /// </summary>
    public sealed class SmtpClientDriver
    {
        private const string Source = "smtp-client";

        private readonly IConnector _connector;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly SmtpClientSettings _settings;
        private readonly LineFramer _framer = LineFramer.ForSmtpReplies();
        private readonly SmtpReplyReader _reader = new SmtpReplyReader();
        private readonly MessageTransfer _transfer = new MessageTransfer(Limits.SmtpBodyChunk, Limits.SmtpSendBuffer);
        private IConnection _connection;
        private SmtpClientSession _session;

        public SmtpClientDriver(IConnector connector, IClock clock, ILog log, SmtpClientSettings settings)
        {
            _connector = connector;
            _clock = clock;
            _log = log;
            _settings = settings;
        }

        /// <summary>The session (for tests and traces); null before <see cref="Open"/>.</summary>
        public SmtpClientSession Session { get { return _session; } }

        /// <summary>
        /// Connects and runs greeting, EHLO, STARTTLS and AUTH. Returns null when the session is
        /// ready for messages, or the failure (the connection is closed then).
        /// </summary>
        public SmtpOutcome Open()
        {
            bool implicitTls = _settings.Tls == SmtpTlsMode.Implicit;
            _framer.DiscardBuffered();
            try
            {
                _connection = _connector.Connect(_settings.Address != null ? _settings.Address : _settings.Host, _settings.Port, implicitTls, _settings.ConnectTimeoutMilliseconds);
            }
            catch (ConnectionException e)
            {
                SmtpOutcome failed = new SmtpOutcome();
                failed.Failure = e.IsTls ? SmtpFailure.TlsRequired : SmtpFailure.Connection;
                failed.Step = e.IsTls ? SmtpClientState.TlsHandshake : SmtpClientState.Connect;
                failed.Reply = e.Message;
                return failed;
            }

            return Open(_connection);
        }

        /// <summary>Runs the session on a connection already open (tests, or an adapter that connects itself).</summary>
        public SmtpOutcome Open(IConnection connection)
        {
            // --trace: one formatter per session sees the whole dialogue (secrets redacted, bodies elided).
            _connection = _log.IsTraceEnabled ? new TracedConnection(connection, _log, Source, false) : connection;
            _framer.DiscardBuffered();
            _session = new SmtpClientSession(_settings, connection.IsSecure);
            _session.Log = _log;
            _session.Start();
            Pump();
            return _session.Action == SmtpClientAction.Ready ? null : _session.SessionFailure;
        }

        /// <summary>
        /// Sends one message: the envelope, then <paramref name="content"/> (the spooled message, read
        /// from its start in fixed chunks). Call after a successful <see cref="Open"/>; may be called
        /// again for the next message of the same session.
        /// </summary>
        public SmtpOutcome Send(SmtpEnvelope envelope, IFileReader content)
        {
            if (_session == null)
            {
                throw new InvalidOperationException("Open first");
            }

            _session.BeginMessage(envelope);
            while (true)
            {
                Pump();
                if (_session.Action != SmtpClientAction.SendBody)
                {
                    return _session.Outcome;
                }

                SendBody(content);
            }
        }

        /// <summary>QUIT (when the session is still usable) and close. Safe to call twice.</summary>
        public void Close()
        {
            if (_session != null && _connection != null)
            {
                _session.Quit();
                Pump();
            }

            CloseConnection();
        }

        // Runs the session until it needs the caller (Ready, SendBody) or is over (Close).
        private void Pump()
        {
            while (true)
            {
                if (_session.OutputCount > 0 && !Flush())
                {
                    continue;
                }

                switch (_session.Action)
                {
                    case SmtpClientAction.AwaitReply:
                        ReadReply();
                        break;

                    case SmtpClientAction.StartTls:
                        StartTls();
                        break;

                    case SmtpClientAction.Close:
                        CloseConnection();
                        return;

                    default:
                        return;
                }
            }
        }

        private bool Flush()
        {
            try
            {
                _connection.Write(_session.Output, 0, _session.OutputCount);
                _session.ClearOutput();
                return true;
            }
            catch (ConnectionException e)
            {
                _session.ClearOutput();
                _session.Abort(SmtpFailure.Connection, 0, e.Message);
                return false;
            }
        }

        private void ReadReply()
        {
            _reader.Begin(_session.AwaitsEhloReply ? _session.Capabilities : null);
            int timeout = _session.ReplyTimeoutMilliseconds;
            long deadline = _clock.MonotonicMilliseconds + timeout;
            while (true)
            {
                FrameResult r = _framer.TryTakeLine();
                if (r == FrameResult.Line)
                {
                    SmtpReplyStatus status = _reader.Accept(_framer.Buffer, _framer.LineOffset, _framer.LineLength, _framer.Flags);
                    if (status == SmtpReplyStatus.Invalid)
                    {
                        // docs/catalogue.md #29: a malformed reply is a protocol error, handled like 451.
                        _session.Abort(SmtpFailure.Protocol, 0, _reader.Error);
                        return;
                    }

                    if (status == SmtpReplyStatus.Complete)
                    {
                        OnCompleteReply();
                        return;
                    }

                    continue;
                }

                if (r == FrameResult.TooLong)
                {
                    _session.Abort(SmtpFailure.Protocol, 0, "reply line longer than " + Limits.SmtpReplyLine.ToString() + " octets");
                    return;
                }

                long remaining = deadline - _clock.MonotonicMilliseconds;
                if (remaining <= 0)
                {
                    // docs/catalogue.md #35: a per-command timeout is a temporary failure.
                    _session.Abort(SmtpFailure.Connection, 0, "no reply within " + (timeout / 1000).ToString() + " s");
                    return;
                }

                int n;
                try
                {
                    n = _framer.ReadFrom(_connection, remaining);
                }
                catch (ConnectionException e)
                {
                    _session.Abort(SmtpFailure.Connection, 0, e.Message);
                    return;
                }

                if (n == ConnectionRead.Closed)
                {
                    // RFC 5321 §3.8: a lost connection counts as if 451 had been received.
                    _session.Abort(SmtpFailure.Connection, 0, "the server closed the connection");
                    return;
                }
            }
        }

        private void OnCompleteReply()
        {
            SmtpReply reply = _reader.Reply;
            SmtpClientState before = _session.State;
            _session.OnReply(reply);
            if (_framer.Buffered > 0 && !_session.ExpectsPipelinedReplies && _session.Action != SmtpClientAction.Close)
            {
                if (_session.Action == SmtpClientAction.StartTls)
                {
                    // docs/catalogue.md #37, CVE-2011-0411 class: bytes after the 220 to STARTTLS would be read
                    // as if they came through TLS. Never; abort before the handshake.
                    _session.Abort(SmtpFailure.Protocol, 0, "data after the 220 to STARTTLS (response injection); aborted before TLS");
                    return;
                }

                // docs/catalogue.md #43: data the server sent before it saw our next command. A client that is
                // not pipelining never pairs it with a later command.
                _session.Abort(SmtpFailure.Protocol, 0, "unexpected data after the reply to " + SmtpOutcome.StepName_(before));
            }
        }

        private void StartTls()
        {
            if (_framer.Buffered != 0)
            {
                _session.Abort(SmtpFailure.Protocol, 0, "data after the 220 to STARTTLS (response injection); aborted before TLS");
                return;
            }

            try
            {
                _connection.StartTlsAsClient(_settings.Host);
            }
            catch (ConnectionException e)
            {
                // docs/catalogue.md #39: the handshake failed; no credentials, no plaintext retry.
                _session.Abort(SmtpFailure.TlsRequired, 0, e.Message);
                return;
            }

            _framer.DiscardBuffered();
            _session.OnTlsEstablished();
        }

        private void SendBody(IFileReader content)
        {
            try
            {
                // RFC 5321 §4.5.2 and §4.1.1.4: dot-stuffed, then CRLF "." CRLF; the one copy loop (Storage/MessageTransfer).
                content.Seek(0);
                _transfer.Send(_connection, null, 0, content, -1, true);
            }
            catch (ConnectionException e)
            {
                _session.Abort(SmtpFailure.Connection, 0, e.Message);
                return;
            }
            catch (StoreException e)
            {
                // The spooled message cannot be read: end the connection without the final dot, so the
                // server discards the half message.
                _session.Abort(SmtpFailure.Transient, 0, "cannot read the spooled message: " + e.Message);
                return;
            }

            _session.OnBodySent();
        }

        private void CloseConnection()
        {
            if (_connection != null)
            {
                _connection.Close();
            }
        }
    }
}

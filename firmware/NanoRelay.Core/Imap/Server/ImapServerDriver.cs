using System;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// The pump of one IMAP connection: frames lines (CRLF only), passes literals through in
    /// fixed chunks, writes the session's responses, streams FETCH bodies through the copy loop
    /// of POP3's RETR (<see cref="MessageTransfer"/>, without dot-stuffing: IMAP literals are
    /// counted), runs STARTTLS, polls the mailbox during IDLE, enforces the deadlines, and
    /// always ends the session and closes the connection.
    /// </summary>
    public sealed class ImapServerDriver
    {
        private readonly ImapServer _server;
        private readonly IConnection _connection;
        private readonly LineFramer _framer = new LineFramer(Limits.ImapLineMax, Limits.ImapLineMax, false);
        private readonly MessageTransfer _transfer;
        private ImapServerSession _session;

        /// <summary>A driver whose FETCH bodies are read <paramref name="chunk"/> octets at a time (Limits.ImapTransferChunk on the device).</summary>
        public ImapServerDriver(ImapServer server, IConnection connection, int chunk)
        {
            _server = server;
            _connection = server.Log.IsTraceEnabled ? new TracedConnection(connection, server.Log, "imap", true) : connection;
            _transfer = new MessageTransfer(chunk);
        }

        /// <summary>The session's place under the cap (may be null), released when the session ends.</summary>
        public ISessionSlot Slot { get; set; }

        public ImapServerSession Session { get { return _session; } }

        /// <summary>Serves the connection until LOGOUT, BYE, a timeout or the peer leaves. Never throws for connection or store failures.</summary>
        public void Run()
        {
            _session = new ImapServerSession(_server, _connection.IsSecure, _connection.IsLoopback, _connection.RemoteAddress);
            ImapServerSession session = _session;
            try
            {
                session.Start();
                while (Step(session))
                {
                }
            }
            catch (ConnectionException e)
            {
                Log(LogLevel.Info, "connection from " + _connection.RemoteAddress + " lost: " + e.Message);
            }
            catch (StoreException e)
            {
                Log(LogLevel.Warning, "mailbox failed during a transfer: " + e.Message);
            }
            finally
            {
                session.End();
                ReleaseSlot();
                _connection.Close();
            }
        }

        private bool Step(ImapServerSession session)
        {
            if (session.LiteralRemaining > 0)
            {
                return Literal(session);
            }

            FrameResult r = _framer.TryTakeLine();
            if (r == FrameResult.NeedMore)
            {
                return Read(session);
            }

            if (session.OutputFree < ImapServerSession.ReplyRoom)
            {
                Flush(session);
            }

            if (r == FrameResult.Line)
            {
                session.Feed(_framer.Buffer, _framer.LineOffset, _framer.LineLength, _framer.Flags);
            }
            else
            {
                session.FeedTooLong();
            }

            Drain(session);
            switch (session.Action)
            {
                case ImapAction.StartTls:
                    // RFC 9051 §6.2.1 / CVE-2011-0411: octets that came with or after STARTTLS,
                    // before the handshake, are dropped, never read as commands.
                    Flush(session);
                    _connection.StartTlsAsServer();
                    _framer.DiscardBuffered();
                    session.TlsStarted();
                    return true;
                case ImapAction.Close:
                    session.End();
                    ReleaseSlot();
                    Flush(session);
                    return false;
            }

            return true;
        }

        // Writes responses and streams bodies until the session has nothing more to say.
        private void Drain(ImapServerSession session)
        {
            while (session.HasWork)
            {
                if (session.Body != null)
                {
                    Transfer(session);
                }
                else
                {
                    Flush(session);
                }

                session.Continue();
            }
        }

        /// <summary>The octets of a literal: from the framer's buffer first, then from the connection.</summary>
        private bool Literal(ImapServerSession session)
        {
            int offset;
            long want = session.LiteralRemaining;
            int n = _framer.TakeRaw(want < int.MaxValue ? (int)want : int.MaxValue, out offset);
            if (n > 0)
            {
                session.FeedLiteral(_framer.Buffer, offset, n);
                Drain(session);
                return true;
            }

            Flush(session);
            long wait = session.Deadline - _server.Clock.MonotonicMilliseconds;
            if (wait <= 0)
            {
                session.TimedOut();
                Flush(session);
                return false;
            }

            return _framer.ReadFrom(_connection, wait) != ConnectionRead.Closed;
        }

        /// <summary>Writes pending responses, then waits for bytes until the deadline (in IDLE: a poll interval at a time).</summary>
        private bool Read(ImapServerSession session)
        {
            Flush(session);
            long wait = session.Deadline - _server.Clock.MonotonicMilliseconds;
            if (wait <= 0)
            {
                // RFC 9051 §5.4: the autologout timer.
                session.TimedOut();
                session.End();
                ReleaseSlot();
                Flush(session);
                return false;
            }

            if (session.IsIdling && wait > _server.Options.IdlePollMilliseconds)
            {
                wait = _server.Options.IdlePollMilliseconds;
            }

            int n = _framer.ReadFrom(_connection, wait);
            if (n == ConnectionRead.Closed)
            {
                return false;
            }

            if (n < 0 && session.IsIdling)
            {
                // RFC 2177: what changed is sent while the client waits.
                session.Poll();
                Drain(session);
            }

            return true;
        }

        /// <summary>A FETCH literal: the response so far and the section's octets, gathered into chunk-sized writes.</summary>
        private void Transfer(ImapServerSession session)
        {
            try
            {
                _transfer.SendOctets(_connection, session.Output, session.OutputLength, session.Body, session.BodySkip, session.BodyLength);
                session.ClearOutput();
            }
            finally
            {
                session.BodySent();
            }
        }

        private void Flush(ImapServerSession session)
        {
            if (session.OutputLength > 0)
            {
                _connection.Write(session.Output, 0, session.OutputLength);
                session.ClearOutput();
            }
        }

        private void ReleaseSlot()
        {
            if (Slot != null)
            {
                Slot.Release();
            }
        }

        private void Log(LogLevel level, string message)
        {
            _server.Log.Write(level, "imap", message);
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Pop3
{
    /// <summary>
    /// The pump of one POP3 connection: reads it, frames command lines (LineFramer.ForPop3Server),
    /// feeds the session, writes its replies, streams RETR/TOP through the one copy loop
    /// (MessageTransfer), runs STLS, enforces the deadlines with the clock, and always ends the session
    /// (lock released, no UPDATE unless QUIT) and closes the connection.
    /// </summary>
    public sealed class Pop3ServerDriver
    {
        private readonly Pop3Server _server;
        private readonly IConnection _connection;
        private readonly LineFramer _framer = LineFramer.ForPop3Server();
        private readonly MessageTransfer _transfer;
        private Pop3ServerSession _session;

        /// <summary>A driver whose RETR/TOP reads <paramref name="chunk"/> bytes at a time (Limits.Pop3TransferChunk on the device).</summary>
        public Pop3ServerDriver(Pop3Server server, IConnection connection, int chunk)
        {
            _server = server;

            // --trace: one formatter per session sees the whole dialogue (secrets redacted, bodies elided).
            _connection = server.Log.IsTraceEnabled ? new TracedConnection(connection, server.Log, "pop3", true) : connection;
            _transfer = new MessageTransfer(chunk);
        }

        /// <summary>
        /// The session's place under the server's cap (may be null): released before the last
        /// reply (+OK to QUIT, -ERR on a timeout) goes out, so the client can reconnect as soon as
        /// it has read it; otherwise when the session ends.
        /// </summary>
        public ISessionSlot Slot { get; set; }

        /// <summary>The session, once <see cref="Run"/> has started.</summary>
        public Pop3ServerSession Session { get { return _session; } }

        /// <summary>Serves the connection until QUIT, an error limit, a timeout or the peer leaves. Never throws for connection or store failures.</summary>
        public void Run()
        {
            _session = new Pop3ServerSession(_server, _connection.IsSecure, _connection.IsLoopback, _connection.RemoteAddress);
            Pop3ServerSession session = _session;
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
                Log(LogLevel.Warning, "maildrop failed during a transfer: " + e.Message);
            }
            finally
            {
                session.End();
                ReleaseSlot();
                _connection.Close();
            }
        }

        /// <summary>One line read and handled; false when the session is over.</summary>
        private bool Step(Pop3ServerSession session)
        {
            FrameResult r = _framer.TryTakeLine();
            if (r == FrameResult.NeedMore)
            {
                return Read(session);
            }

            if (session.OutputFree < Pop3ServerSession.ReplyRoom)
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

            while (session.HasListing)
            {
                session.Continue();
                if (session.HasListing)
                {
                    Flush(session);
                }
            }

            if (session.Message != null)
            {
                Transfer(session);
            }

            switch (session.Action)
            {
                case Pop3Action.StartTls:
                    // RFC 2595 §4 / CVE-2011-0411: bytes that came with or after STLS, before the
                    // handshake, are an injection: they are dropped, never read as commands.
                    Flush(session);
                    _connection.StartTlsAsServer();
                    _framer.DiscardBuffered();
                    session.TlsStarted();
                    return true;
                case Pop3Action.Close:
                    // The last reply: QUIT's UPDATE is done and the maildrop unlocked, so the
                    // place under the cap is free before the client can read the +OK (issue 14).
                    session.End();
                    ReleaseSlot();
                    Flush(session);
                    return false;
            }

            return true;
        }

        /// <summary>Writes pending replies, then waits for bytes until the session's deadline.</summary>
        private bool Read(Pop3ServerSession session)
        {
            Flush(session);
            long wait = session.Deadline - _server.Clock.MonotonicMilliseconds;
            if (wait <= 0)
            {
                // RFC 1939 §3: the autologout timer; the session ends without UPDATE.
                session.TimedOut();
                session.End();
                ReleaseSlot();
                Flush(session);
                return false;
            }

            return _framer.ReadFrom(_connection, wait) != ConnectionRead.Closed;
        }

        /// <summary>RETR/TOP: the status line, then the message through the one copy loop (<see cref="MessageTransfer"/>).</summary>
        private void Transfer(Pop3ServerSession session)
        {
            try
            {
                _transfer.Send(_connection, session.Output, session.OutputLength, session.Message, session.TopLines, true);
            }
            finally
            {
                session.ClearOutput();
                session.MessageSent();
            }
        }

        private void Flush(Pop3ServerSession session)
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
            _server.Log.Write(level, "pop3", message);
        }
    }
}

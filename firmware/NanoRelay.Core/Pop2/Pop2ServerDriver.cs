using NanoRelay.Framing;
using NanoRelay.Pop3;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Pop2
{
    /// <summary>
    /// The pump of one POP2 connection: reads it, frames command lines of at most 512 octets
    /// (RFC 937 "Sizes"), feeds the session, writes its replies, sends RETR's message through
    /// POP3's copy loop (<see cref="MessageTransfer"/>, unstuffed), enforces the deadlines, and
    /// always ends the session (lock released) and closes the connection. No --trace here: the
    /// trace's redaction knows POP3's PASS, not POP2's HELO password.
    /// </summary>
    public sealed class Pop2ServerDriver
    {
        private static readonly byte[] s_tooManySessions = Ascii.Bytes("- Too many sessions, try again later\r\n");

        private readonly Pop3Server _server;
        private readonly IConnection _connection;
        private readonly bool _cleartextFromLan;
        private readonly LineFramer _framer = new LineFramer(Limits.Pop2CommandLine, Limits.Pop2CommandLine, true);
        private readonly MessageTransfer _transfer;
        private Pop2ServerSession _session;

        /// <summary>A driver on the POP3 server's maildrop and account; RETR reads <paramref name="chunk"/> octets at a time.</summary>
        public Pop2ServerDriver(Pop3Server server, IConnection connection, int chunk, bool cleartextFromLan)
        {
            _server = server;
            _connection = connection;
            _cleartextFromLan = cleartextFromLan;
            _transfer = new MessageTransfer(chunk);
        }

        /// <summary>The session's place under the POP3 server's cap (may be null), released before the last reply.</summary>
        public ISessionSlot Slot { get; set; }

        /// <summary>The session, once <see cref="Run"/> has started.</summary>
        public Pop2ServerSession Session { get { return _session; } }

        /// <summary>Answers a connection over the session cap ("- error", RFC 937) and closes it.</summary>
        public static void RefuseBusy(IConnection connection)
        {
            try
            {
                connection.Write(s_tooManySessions, 0, s_tooManySessions.Length);
            }
            catch (ConnectionException)
            {
                // the client is gone already
            }

            connection.Close();
        }

        /// <summary>Serves the connection until QUIT, an error, a timeout or the peer leaves. Never throws for connection or store failures.</summary>
        public void Run()
        {
            _session = new Pop2ServerSession(_server, _connection.IsLoopback, _cleartextFromLan, _connection.RemoteAddress);
            Pop2ServerSession session = _session;
            try
            {
                session.Start();
                while (Step(session))
                {
                }
            }
            catch (ConnectionException e)
            {
                _server.Log.Write(LogLevel.Info, "pop2", "connection from " + _connection.RemoteAddress + " lost: " + e.Message);
            }
            catch (StoreException e)
            {
                _server.Log.Write(LogLevel.Warning, "pop2", "maildrop failed during a transfer: " + e.Message);
            }
            finally
            {
                session.End();
                ReleaseSlot();
                _connection.Close();
            }
        }

        private bool Step(Pop2ServerSession session)
        {
            FrameResult r = _framer.TryTakeLine();
            if (r == FrameResult.NeedMore)
            {
                return Read(session);
            }

            if (session.OutputFree < Pop2ServerSession.ReplyRoom)
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

            if (session.Message != null)
            {
                try
                {
                    _transfer.Send(_connection, session.Output, session.OutputLength, session.Message, -1, false);
                }
                finally
                {
                    session.ClearOutput();
                    session.MessageSent();
                }
            }

            if (session.Closing)
            {
                // The last reply: the lock and the place under the cap are free before the client reads it.
                session.End();
                ReleaseSlot();
                Flush(session);
                return false;
            }

            return true;
        }

        private bool Read(Pop2ServerSession session)
        {
            Flush(session);
            long wait = session.Deadline - _server.Clock.MonotonicMilliseconds;
            if (wait <= 0)
            {
                session.TimedOut();
                session.End();
                ReleaseSlot();
                Flush(session);
                return false;
            }

            return _framer.ReadFrom(_connection, wait) != ConnectionRead.Closed;
        }

        private void Flush(Pop2ServerSession session)
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
    }
}

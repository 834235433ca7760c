using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Pop3
{
    /// <summary>
    /// The pump of one POP3 connection (<see cref="MailboxDriver"/>): frames command lines
    /// (LineFramer.ForPop3Server), streams RETR/TOP through the one copy loop dot-stuffed, writes
    /// long listings as they fill the output, runs STLS, and ends without UPDATE unless QUIT.
    /// </summary>
    public sealed class Pop3ServerDriver : MailboxDriver
    {
        private readonly Pop3Server _server;
        private Pop3ServerSession _session;

        /// <summary>A driver whose RETR/TOP reads <paramref name="chunk"/> bytes at a time (Limits.Pop3TransferChunk on the device).</summary>
        public Pop3ServerDriver(Pop3Server server, IConnection connection, int chunk)
            : base("pop3", TracedConnection.IfTracing(connection, server.Log, "pop3"), LineFramer.ForPop3Server(), chunk, Pop3ServerSession.ReplyRoom, server.Log, server.Clock)
        {
            _server = server;
        }

        /// <summary>The session, once <see cref="MailboxDriver.Run"/> has started.</summary>
        public Pop3ServerSession Session { get { return _session; } }

        protected override IMailboxSession Begin()
        {
            _session = new Pop3ServerSession(_server, Connection.IsSecure, Connection.IsLoopback, Connection.RemoteAddress);
            return _session;
        }

        protected override bool Step()
        {
            Pop3ServerSession session = _session;
            if (!FeedLine(session))
            {
                return ReadUntilDeadline(session, long.MaxValue) != ConnectionRead.Closed;   // RFC 1939 §3: the autologout timer
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
                // RETR/TOP: the status line, then the message dot-stuffed.
                try
                {
                    Transfer.Send(Connection, session.Output, session.OutputLength, session.Message, session.TopLines, true);
                }
                finally
                {
                    TransferDone();
                    session.ClearOutput();
                    session.MessageSent();
                }
            }

            switch (session.Action)
            {
                case Pop3Action.StartTls:
                    // RFC 2595 §4 / CVE-2011-0411: bytes that came with or after STLS, before the
                    // handshake, are an injection: they are dropped, never read as commands.
                    Flush(session);
                    Connection.StartTlsAsServer();
                    Framer.DiscardBuffered();
                    session.TlsStarted();
                    return true;
                case Pop3Action.Close:
                    // The last reply: QUIT's UPDATE is done and the maildrop unlocked (issue 14).
                    return Finish(session);
            }

            return true;
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// The pump of one IMAP connection (<see cref="MailboxDriver"/>): frames lines (CRLF only),
    /// passes literals through in fixed chunks, streams FETCH bodies through the copy loop of
    /// POP3's RETR without dot-stuffing (IMAP literals are counted), runs STARTTLS, and polls the
    /// mailbox during IDLE.
    /// </summary>
    public sealed class ImapServerDriver : MailboxDriver
    {
        private readonly ImapServer _server;
        private ImapServerSession _session;

        /// <summary>A driver whose FETCH bodies are read <paramref name="chunk"/> octets at a time (Limits.ImapTransferChunk on the device).</summary>
        public ImapServerDriver(ImapServer server, IConnection connection, int chunk)
            : base("imap", TracedConnection.IfTracing(connection, server.Log, "imap"), new LineFramer(Limits.ImapLineMax, Limits.ImapLineMax, false), chunk, ImapServerSession.ReplyRoom, server.Log, server.Clock)
        {
            _server = server;
        }

        /// <summary>The session, once <see cref="MailboxDriver.Run"/> has started.</summary>
        public ImapServerSession Session { get { return _session; } }

        protected override IMailboxSession Begin()
        {
            _session = new ImapServerSession(_server, Connection.IsSecure, Connection.IsLoopback, Connection.RemoteAddress);
            return _session;
        }

        protected override bool Step()
        {
            ImapServerSession session = _session;
            if (session.LiteralRemaining > 0)
            {
                return Literal(session);
            }

            if (!FeedLine(session))
            {
                return Read(session);
            }

            Drain(session);
            switch (session.Action)
            {
                case ImapAction.StartTls:
                    // RFC 9051 §6.2.1 / CVE-2011-0411: octets that came with or after STARTTLS,
                    // before the handshake, are dropped, never read as commands.
                    Flush(session);
                    Connection.StartTlsAsServer();
                    Framer.DiscardBuffered();
                    session.TlsStarted();
                    return true;
                case ImapAction.Close:
                    return Finish(session);
            }

            return true;
        }

        // Writes responses and streams bodies until the session has nothing more to say.
        private void Drain(ImapServerSession session)
        {
            try
            {
                DrainWork(session);
            }
            finally
            {
                TransferDone();   // the copy buffers live for one command's literals
            }
        }

        private void DrainWork(ImapServerSession session)
        {
            while (session.HasWork)
            {
                if (session.Body != null)
                {
                    // A FETCH literal: the response so far and the section's octets, gathered into chunk-sized writes.
                    try
                    {
                        Transfer.SendOctets(Connection, session.Output, session.OutputLength, session.Body, session.BodySkip, session.BodyLength);
                        session.ClearOutput();
                    }
                    finally
                    {
                        session.BodySent();
                    }
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
            int n = Framer.TakeRaw(want < int.MaxValue ? (int)want : int.MaxValue, out offset);
            if (n > 0)
            {
                session.FeedLiteral(Framer.Buffer, offset, n);
                Drain(session);
                return true;
            }

            return ReadUntilDeadline(session, long.MaxValue) != ConnectionRead.Closed;
        }

        /// <summary>Waits for bytes until the deadline (RFC 9051 §5.4: the autologout timer); in IDLE a poll interval at a time.</summary>
        private bool Read(ImapServerSession session)
        {
            int n = ReadUntilDeadline(session, session.IsIdling ? _server.Options.IdlePollMilliseconds : long.MaxValue);
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
    }
}

using NanoRelay.Framing;
using NanoRelay.Pop3;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Pop2
{
    /// <summary>
    /// The pump of one POP2 connection (<see cref="MailboxDriver"/>): command lines of at most 512
    /// octets (RFC 937 "Sizes"), RETR's message through the one copy loop unstuffed (the "=ccc"
    /// reply already told its count). No --trace here: the trace's redaction knows POP3's PASS,
    /// not POP2's HELO password.
    /// </summary>
    public sealed class Pop2ServerDriver : MailboxDriver
    {
        private static readonly byte[] s_tooManySessions = Ascii.Bytes("- Too many sessions, try again later\r\n");

        private readonly Pop3Server _server;
        private readonly bool _cleartextFromLan;
        private Pop2ServerSession _session;

        /// <summary>A driver on the POP3 server's maildrop and account; RETR reads <paramref name="chunk"/> octets at a time.</summary>
        public Pop2ServerDriver(Pop3Server server, IConnection connection, int chunk, bool cleartextFromLan)
            : base("pop2", connection, new LineFramer(Limits.Pop2CommandLine, Limits.Pop2CommandLine, true), chunk, Pop2ServerSession.ReplyRoom, server.Log, server.Clock)
        {
            _server = server;
            _cleartextFromLan = cleartextFromLan;
        }

        /// <summary>The session, once <see cref="MailboxDriver.Run"/> has started.</summary>
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

        protected override IMailboxSession Begin()
        {
            _session = new Pop2ServerSession(_server, Connection.IsLoopback, _cleartextFromLan, Connection.RemoteAddress);
            return _session;
        }

        protected override bool Step()
        {
            Pop2ServerSession session = _session;
            if (!FeedLine(session))
            {
                return ReadUntilDeadline(session, long.MaxValue) != ConnectionRead.Closed;
            }

            if (session.Message != null)
            {
                try
                {
                    Transfer.Send(Connection, session.Output, session.OutputLength, session.Message, -1, false);
                }
                finally
                {
                    TransferDone();
                    session.ClearOutput();
                    session.MessageSent();
                }
            }

            // The last reply: the lock and the place under the cap are free before the client reads it.
            return session.Closing ? Finish(session) : true;
        }
    }
}

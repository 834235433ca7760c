using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Imap.Server
{
    /// <summary>What the sessions of one IMAP server share: options, the mailbox, the ports, the session count.</summary>
    public sealed class ImapServer
    {
        private static readonly byte[] s_tooManySessions = Ascii.Bytes("* BYE [UNAVAILABLE] Too many sessions, try again later.\r\n");

        private readonly object _sync = new object();
        private int _sessions;

        public ImapServer(ImapServerOptions options, IImapMailbox mailbox, IClock clock, ILog log)
        {
            Options = options;
            Mailbox = mailbox;
            Clock = clock;
            Log = log;
            UserBytes = Utf8.GetBytes(options.User);
            PasswordBytes = Utf8.GetBytes(options.Password);
        }

        public ImapServerOptions Options { get; private set; }

        public IImapMailbox Mailbox { get; private set; }

        public IClock Clock { get; private set; }

        public ILog Log { get; private set; }

        internal byte[] UserBytes { get; private set; }

        internal byte[] PasswordBytes { get; private set; }

        /// <summary>Sessions open now.</summary>
        public int ActiveSessions
        {
            get
            {
                lock (_sync)
                {
                    return _sessions;
                }
            }
        }

        /// <summary>Counts a new connection in and returns its place under the cap, or null when the cap is reached.</summary>
        public ISessionSlot EnterSession()
        {
            lock (_sync)
            {
                if (_sessions >= Options.MaxSessions)
                {
                    return null;
                }

                _sessions++;
            }

            return new Slot(this);
        }

        /// <summary>RFC 9051 §7.1.5 BYE with RFC 5530 [UNAVAILABLE]: answers a connection over the cap and closes it.</summary>
        public void RefuseBusy(IConnection connection)
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

        private void Leave()
        {
            lock (_sync)
            {
                _sessions--;
            }
        }

        private sealed class Slot : ISessionSlot
        {
            private readonly ImapServer _server;
            private bool _released;

            public Slot(ImapServer server)
            {
                _server = server;
            }

            public void Release()
            {
                lock (_server._sync)
                {
                    if (_released)
                    {
                        return;
                    }

                    _released = true;
                }

                _server.Leave();
            }
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Imap.Server
{
    /// <summary>What the sessions of one IMAP server share: options, the mailbox, the ports, the session count.</summary>
    public sealed class ImapServer
    {
        private static readonly byte[] s_tooManySessions = Ascii.Bytes("* BYE [UNAVAILABLE] Too many sessions, try again later.\r\n");

        private readonly SessionCap _cap = new SessionCap();

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
        public int ActiveSessions { get { return _cap.Active; } }

        /// <summary>Counts a new connection in and returns its place under the cap, or null when the cap is reached.</summary>
        public ISessionSlot EnterSession()
        {
            return _cap.Enter(Options.MaxSessions);
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
    }
}

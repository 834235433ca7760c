using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Pop3
{
    /// <summary>
    /// What the sessions of one POP3 server share: the options, the maildrop, the ports, the
    /// greeting counter (RFC 1939 §7: every timestamp different) and the session count (the cap).
    /// </summary>
    public sealed class Pop3Server
    {
        private static readonly byte[] s_tooManySessions = Ascii.Bytes("-ERR [SYS/TEMP] Too many sessions, try again later.\r\n");

        private readonly object _sync = new object();
        private long _greetings;
        private readonly SessionCap _cap = new SessionCap();

        /// <summary>A server; <paramref name="greetingCounterStart"/> is the greeting counter's value before the first greeting.</summary>
        public Pop3Server(Pop3ServerOptions options, IMaildrop maildrop, IClock clock, IRandom random, ILog log, long greetingCounterStart)
        {
            Options = options;
            Maildrop = maildrop;
            Clock = clock;
            Random = random;
            Log = log;
            _greetings = greetingCounterStart;
            UserBytes = Utf8.GetBytes(options.User);
            PasswordBytes = Utf8.GetBytes(options.Password);
        }

        public Pop3ServerOptions Options { get; private set; }

        public IMaildrop Maildrop { get; private set; }

        public IClock Clock { get; private set; }

        public IRandom Random { get; private set; }

        public ILog Log { get; private set; }

        internal byte[] UserBytes { get; private set; }

        internal byte[] PasswordBytes { get; private set; }

        /// <summary>Sessions open now (POP3 and POP2 together).</summary>
        public int ActiveSessions { get { return _cap.Active; } }

        /// <summary>Counts a new connection in; false when the cap is reached (then use <see cref="RefuseBusy"/>).</summary>
        public bool TryEnterSession()
        {
            return _cap.TryEnter(Options.MaxSessions);
        }

        /// <summary>Counts a new connection in and returns its place under the cap, or null when the cap is reached.</summary>
        public ISessionSlot EnterSession()
        {
            return _cap.Enter(Options.MaxSessions);
        }

        /// <summary>Counts a finished session out.</summary>
        public void LeaveSession()
        {
            _cap.Leave();
        }

        /// <summary>RFC 3206 §4 [SYS/TEMP]: answers a connection over the cap and closes it.</summary>
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

        internal long NextGreetingNumber()
        {
            lock (_sync)
            {
                return ++_greetings;
            }
        }
    }
}

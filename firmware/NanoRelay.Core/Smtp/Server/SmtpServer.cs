using System;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// What the sessions of one SMTP ingress share, as <see cref="NanoRelay.Pop3.Pop3Server"/> does for
    /// POP3: the options, the relay policy, the sink, the ports, the greeting-pause memory and the
    /// session cap. A platform's session listener (the host's SessionListener, the device's) asks
    /// <see cref="EnterSession"/> for each connection before any TLS, answers one over the cap with
    /// <see cref="RefuseBusy"/> (421 4.7.0), and runs the others with <see cref="Serve"/>. A session's
    /// place under the cap is given back before its last reply is written: a client that got its 221
    /// and reconnects at once is never refused.
    /// </summary>
    public sealed class SmtpServer
    {
        private const string Source = "smtp-in";

        private readonly SessionCap _cap = new SessionCap();
        private readonly GreetingPauseMemory _pauseMemory = GreetingPauseMemory.ForServer();
        private readonly object _sync = new object();
        private int _refusedBusy;

        /// <summary>
        /// An ingress of at most <paramref name="maxSessions"/> sessions. With one session, the
        /// pre-login deadline is cut to Limits.OneSessionPreLoginTimeoutMs: a silent client must not
        /// hold the only slot for the RFC's 5 minutes.
        /// </summary>
        public SmtpServer(SmtpServerOptions options, int maxSessions, RelayPolicy policy, IIngressSink sink, IClock clock, ILog log, IRandom random)
        {
            if (maxSessions < 1)
            {
                throw new ArgumentOutOfRangeException("maxSessions");
            }

            if (maxSessions == 1 && options.PreLoginTimeoutMs > Limits.OneSessionPreLoginTimeoutMs)
            {
                options.PreLoginTimeoutMs = Limits.OneSessionPreLoginTimeoutMs;
            }

            Options = options;
            MaxSessions = maxSessions;
            Policy = policy;
            Sink = sink;
            Clock = clock;
            Log = log;
            Random = random;
        }

        public SmtpServerOptions Options { get; private set; }

        public int MaxSessions { get; private set; }

        public RelayPolicy Policy { get; private set; }

        public IIngressSink Sink { get; private set; }

        public IClock Clock { get; private set; }

        public ILog Log { get; private set; }

        public IRandom Random { get; private set; }

        /// <summary>Sessions running now (those writing their last reply no longer count).</summary>
        public int ActiveSessions { get { return _cap.Active; } }

        /// <summary>Connections answered 421 because the cap was reached.</summary>
        public int RefusedBusy
        {
            get
            {
                lock (_sync)
                {
                    return _refusedBusy;
                }
            }
        }

        /// <summary>Counts a new connection in and returns its place under the cap, or null when the cap is reached.</summary>
        public ISessionSlot EnterSession()
        {
            return _cap.Enter(MaxSessions);
        }

        /// <summary>RFC 5321 §3.8: answers a connection over the cap with 421 4.7.0 and closes it, before any session buffer exists.</summary>
        public void RefuseBusy(IConnection connection)
        {
            lock (_sync)
            {
                _refusedBusy++;
            }

            Log.Write(LogLevel.Warning, Source, connection.RemoteAddress + " refused: " + _cap.Active + " sessions already (cap " + MaxSessions + ")");
            SmtpServerDriver.RefuseBusy(connection, Options.ServerName);
        }

        /// <summary>Runs one session on <paramref name="connection"/> to its end; <paramref name="slot"/> is released before its last reply.</summary>
        public void Serve(IConnection connection, ISessionSlot slot)
        {
            SmtpServerDriver driver = new SmtpServerDriver(connection, Options, Policy, Sink, Clock, Log, Random);
            driver.Slot = slot;
            driver.PauseMemory = _pauseMemory;
            driver.Run();
        }
    }
}

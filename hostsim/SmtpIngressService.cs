using System.Net;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The SMTP ingress on the host: the core's <see cref="SmtpServer"/> behind the shared
    /// <see cref="SessionListener"/> (a thread per session, the session cap answered with 421 4.7.0
    /// before any TLS, STARTTLS with a certificate) at smtpIngress.listen, delivering into an
    /// <see cref="IIngressSink"/>. <see cref="SessionListener.Start"/> binds and returns;
    /// <see cref="SessionListener.Stop"/> closes the listener and every open session (a message in
    /// DATA is dropped, never half-queued), and waits for their threads.
    /// </summary>
    public sealed class SmtpIngressService : SessionListener
    {
        private const string Source = "smtp-in";

        private readonly SmtpIngressSettings _settings;
        private readonly SmtpServer _server;
        private readonly ILog _log;

        public SmtpIngressService(SmtpIngressSettings settings, IIngressSink sink, IClock clock, ILog log, IRandom random)
            : this(Validated(settings), settings.ToServerOptions(), sink, clock, log, random)
        {
        }

        private SmtpIngressService(SmtpIngressSettings settings, SmtpServerOptions options, IIngressSink sink, IClock clock, ILog log, IRandom random)
            : base(Source, settings.MaxSessions, options.PreLoginTimeoutMs, settings.Certificate, TcpListenerAdapter.ParseEndPoint(settings.Listen), null, log)
        {
            _settings = settings;
            _log = log;
            _server = new SmtpServer(options, settings.MaxSessions, RelayPolicy.Create(settings.AllowFrom), sink, clock, log, random);
        }

        /// <summary>Sessions running now (those writing their last reply no longer count).</summary>
        public override int ActiveSessions { get { return _server.ActiveSessions; } }

        /// <summary>Connections answered 421 because the cap was reached.</summary>
        public int RefusedBusy { get { return _server.RefusedBusy; } }

        /// <summary>The core's options in use.</summary>
        public SmtpServerOptions Options { get { return _server.Options; } }

        /// <summary>Binds the listener and starts accepting; throws SocketException when the address cannot be bound.</summary>
        public override void Start()
        {
            base.Start();
            _log.Write(LogLevel.Info, Source, "SMTP ingress on " + TcpListenerAdapter.ParseEndPoint(_settings.Listen).Address + ":" + Port + (_settings.Certificate != null ? " (STARTTLS)" : string.Empty)
                + ", allowFrom " + string.Join(",", _settings.AllowFrom) + ", bareLineEnds " + _settings.BareLineEnds + ", " + _settings.MaxSessions + " sessions");
        }

        protected override ISessionSlot EnterSession()
        {
            return _server.EnterSession();
        }

        protected override void RefuseBusy(IConnection connection)
        {
            _server.RefuseBusy(connection);   // RFC 5321 §3.8: 421 4.7.0
        }

        protected override void Serve(IConnection connection, ISessionSlot slot)
        {
            _server.Serve(connection, slot);
        }

        private static SmtpIngressSettings Validated(SmtpIngressSettings settings)
        {
            settings.Validate();
            return settings;
        }
    }
}

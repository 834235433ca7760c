using System;
using System.Net;
using System.Threading;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The SMTP ingress on the host: the core's SmtpServerListener (one thread per session, the
    /// session cap answered with 421 4.7.0) on a TCP listener at smtpIngress.listen, delivering
    /// into an <see cref="IIngressSink"/>. <see cref="Start"/> binds and returns; <see cref="Stop"/>
    /// closes the listener and every open session, and waits for their threads.
    /// </summary>
    public sealed class SmtpIngressService : IDisposable
    {
        private const string Source = "smtp-in";

        private readonly SmtpIngressSettings _settings;
        private readonly IIngressSink _sink;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly IRandom _random;
        private readonly SmtpServerOptions _options;
        private readonly RelayPolicy _policy;
        private TcpListenerAdapter _tcp;
        private SmtpServerListener _listener;
        private Thread _acceptThread;
        private bool _stopped;

        public SmtpIngressService(SmtpIngressSettings settings, IIngressSink sink, IClock clock, ILog log, IRandom random)
        {
            settings.Validate();
            _settings = settings;
            _sink = sink;
            _clock = clock;
            _log = log;
            _random = random;
            _options = settings.ToServerOptions();
            _policy = RelayPolicy.Create(settings.AllowFrom);
        }

        /// <summary>The port really bound (when the config asked for port 0).</summary>
        public int Port { get { return _tcp == null ? 0 : _tcp.Port; } }

        /// <summary>Sessions running now.</summary>
        public int ActiveSessions { get { return _listener == null ? 0 : _listener.ActiveSessions; } }

        /// <summary>Connections answered 421 because the cap was reached.</summary>
        public int RefusedBusy { get { return _listener == null ? 0 : _listener.RefusedBusy; } }

        /// <summary>The core's options in use.</summary>
        public SmtpServerOptions Options { get { return _options; } }

        /// <summary>Binds the listener and starts accepting; throws SocketException when the address cannot be bound.</summary>
        public void Start()
        {
            IPEndPoint ep = TcpListenerAdapter.ParseEndPoint(_settings.Listen);
            _tcp = new TcpListenerAdapter(ep, _settings.Certificate, false);
            _listener = new SmtpServerListener(_tcp, _settings.MaxSessions, _options, _policy, _sink, _clock, _log, _random);
            _acceptThread = new Thread(_listener.Run) { IsBackground = true, Name = "smtp-in accept" };
            _acceptThread.Start();
            _log.Write(LogLevel.Info, Source, "SMTP ingress on " + ep.Address + ":" + Port + (_settings.Certificate != null ? " (STARTTLS)" : string.Empty)
                + ", allowFrom " + string.Join(",", _settings.AllowFrom) + ", bareLineEnds " + _settings.BareLineEnds + ", " + _settings.MaxSessions + " sessions");
        }

        /// <summary>Stops accepting, closes every session (a message in DATA is dropped, never half-queued) and waits for the threads.</summary>
        public void Stop()
        {
            if (_listener == null || _stopped)
            {
                return;
            }

            _stopped = true;
            _listener.Stop(5000);
            _acceptThread.Join(5000);
        }

        public void Dispose()
        {
            Stop();
        }
    }
}

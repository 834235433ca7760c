using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The SMTP ingress on the host: a listener on smtpIngress.listen, one thread per session
    /// running the core's SmtpServerDriver, a session cap (over it: 421 4.7.0 and close), and a
    /// sink where accepted mail goes. <see cref="Start"/> binds and returns; <see cref="Stop"/>
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
        private readonly object _gate = new object();
        private readonly HashSet<IConnection> _open = new HashSet<IConnection>();
        private readonly List<Thread> _threads = new List<Thread>();
        private TcpListenerAdapter _listener;
        private Thread _acceptThread;
        private volatile bool _stopping;

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
        public int Port { get { return _listener == null ? 0 : _listener.Port; } }

        /// <summary>Sessions running now.</summary>
        public int ActiveSessions
        {
            get
            {
                lock (_gate)
                {
                    return _open.Count;
                }
            }
        }

        /// <summary>Connections answered 421 because the cap was reached.</summary>
        public int RefusedBusy { get; private set; }

        /// <summary>The core's options in use (for tests).</summary>
        public SmtpServerOptions Options { get { return _options; } }

        /// <summary>Binds the listener and starts accepting; throws on a bind failure.</summary>
        public void Start()
        {
            IPEndPoint ep = TcpListenerAdapter.ParseEndPoint(_settings.Listen);
            _listener = new TcpListenerAdapter(ep, _settings.Certificate, false);
            _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "smtp-in accept" };
            _acceptThread.Start();
            _log.Write(LogLevel.Info, Source, "SMTP ingress on " + ep.Address + ":" + Port + (_settings.Certificate != null ? " (STARTTLS)" : string.Empty)
                + ", allowFrom " + string.Join(",", _settings.AllowFrom) + ", bareLineEnds " + _settings.BareLineEnds);
        }

        /// <summary>Stops accepting, closes every session (a message in DATA is dropped, never half-queued) and waits for the threads.</summary>
        public void Stop()
        {
            if (_listener == null || _stopping)
            {
                return;
            }

            _stopping = true;
            _listener.Close();
            IConnection[] open;
            Thread[] threads;
            lock (_gate)
            {
                open = new IConnection[_open.Count];
                _open.CopyTo(open);
                threads = _threads.ToArray();
            }

            foreach (IConnection c in open)
            {
                c.Close();
            }

            _acceptThread?.Join(5000);
            foreach (Thread t in threads)
            {
                t.Join(5000);
            }
        }

        public void Dispose()
        {
            Stop();
        }

        private void AcceptLoop()
        {
            while (!_stopping)
            {
                IConnection c = _listener.Accept();
                if (c == null)
                {
                    return;
                }

                if (c is TcpConnection tcp)
                {
                    tcp.WriteTimeoutMilliseconds = 60000;   // a client that stops reading cannot hold a slot
                }

                lock (_gate)
                {
                    _threads.RemoveAll(t => !t.IsAlive);
                    if (_open.Count >= _settings.MaxSessions)
                    {
                        RefusedBusy++;
                        _log.Write(LogLevel.Warning, Source, c.RemoteAddress + " refused: " + _open.Count + " sessions already (cap " + _settings.MaxSessions + ")");
                        SmtpServerDriver.RefuseBusy(c, _settings.ServerName);
                        continue;
                    }

                    _open.Add(c);
                    Thread t = new Thread(() => RunSession(c)) { IsBackground = true, Name = "smtp-in " + c.RemoteAddress };
                    _threads.Add(t);
                    t.Start();
                }
            }
        }

        private void RunSession(IConnection c)
        {
            try
            {
                new SmtpServerDriver(c, _options, _policy, _sink, _clock, _log, _random).Run();
            }
            catch (Exception e)
            {
                // The session boundary: a bug or a sink failure must not take the service down.
                _log.Write(LogLevel.Error, Source, c.RemoteAddress + " session failed: " + e.GetType().Name + ": " + e.Message);
                c.Close();
            }
            finally
            {
                lock (_gate)
                {
                    _open.Remove(c);
                }
            }
        }
    }
}

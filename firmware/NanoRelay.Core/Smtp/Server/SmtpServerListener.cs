using System;
using System.Collections;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// The ingress accept loop, the same on the board and the host: one thread per session
    /// (SmtpServerDriver), at most <see cref="MaxSessions"/> at a time; a connection over the cap
    /// gets 421 4.7.0 and is closed at once, before any session buffer is allocated. A session's
    /// place under the cap is given back before its last reply is written (see
    /// <see cref="ISessionSlot"/>): a client that got its 221 and reconnects is never refused.
    /// <see cref="Run"/> blocks until the listener is closed; <see cref="Stop"/> closes it and
    /// every open session, then waits for their threads.
    /// </summary>
    public sealed class SmtpServerListener
    {
        private const string Source = "smtp-in";

        private readonly IListener _listener;
        private readonly SmtpServerOptions _options;
        private readonly RelayPolicy _policy;
        private readonly IIngressSink _sink;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly IRandom _random;
        private readonly ArrayList _open = new ArrayList();      // IConnection
        private readonly ArrayList _threads = new ArrayList();   // Thread
        private readonly object _gate = new object();
        private readonly GreetingPauseMemory _pauseMemory = GreetingPauseMemory.ForServer();
        private bool _stopping;
        private int _inUse;          // places under the cap held now (a closing session gives its place back before its last reply)
        private int _refusedBusy;

        public SmtpServerListener(IListener listener, int maxSessions, SmtpServerOptions options, RelayPolicy policy, IIngressSink sink, IClock clock, ILog log, IRandom random)
        {
            if (maxSessions < 1)
            {
                throw new ArgumentOutOfRangeException("maxSessions");
            }

            _listener = listener;
            MaxSessions = maxSessions;
            _options = options;
            if (maxSessions == 1 && options.PreLoginTimeoutMs > Limits.OneSessionPreLoginTimeoutMs)
            {
                // One slot: a silent client must not hold it for the RFC's 5 minutes (see Limits).
                options.PreLoginTimeoutMs = Limits.OneSessionPreLoginTimeoutMs;
            }
            _policy = policy;
            _sink = sink;
            _clock = clock;
            _log = log;
            _random = random;
        }

        public int MaxSessions { get; private set; }

        /// <summary>Sessions running now (those writing their last reply no longer count).</summary>
        public int ActiveSessions
        {
            get
            {
                lock (_gate)
                {
                    return _inUse;
                }
            }
        }

        /// <summary>Connections answered 421 because the cap was reached.</summary>
        public int RefusedBusy
        {
            get
            {
                lock (_gate)
                {
                    return _refusedBusy;
                }
            }
        }

        /// <summary>Accepts until the listener is closed.</summary>
        public void Run()
        {
            while (true)
            {
                IConnection c;
                try
                {
                    c = _listener.Accept();
                }
                catch (Exception e)
                {
                    // One connection that broke between accept and setup (a client that sent RST at
                    // once) must not end the loop; pause so that a broken listener cannot spin.
                    lock (_gate)
                    {
                        if (_stopping)
                        {
                            return;
                        }
                    }

                    _log.Write(LogLevel.Warning, Source, "accept failed: " + e.Message);
                    _clock.Sleep(50);
                    continue;
                }

                if (c == null)
                {
                    return;
                }

                lock (_gate)
                {
                    ForgetFinishedThreads();
                    if (_stopping || _inUse >= MaxSessions)
                    {
                        _refusedBusy++;
                        _log.Write(LogLevel.Warning, Source, c.RemoteAddress + " refused: " + _inUse + " sessions already (cap " + MaxSessions + ")");
                        SmtpServerDriver.RefuseBusy(c, _options.ServerName);
                        continue;
                    }

                    _open.Add(c);
                    _inUse++;
                    Thread t = new Thread(new SessionRunner(this, c).Run);
                    _threads.Add(t);
                    t.Start();
                }
            }
        }

        /// <summary>Closes the listener and every open session (a message in DATA is dropped, never half-queued); waits for the session threads.</summary>
        public void Stop(int waitMilliseconds)
        {
            object[] open;
            object[] threads;
            lock (_gate)
            {
                _stopping = true;
                open = _open.ToArray();
                threads = _threads.ToArray();
            }

            _listener.Close();
            for (int i = 0; i < open.Length; i++)
            {
                ((IConnection)open[i]).Close();
            }

            for (int i = 0; i < threads.Length; i++)
            {
                ((Thread)threads[i]).Join(waitMilliseconds);
            }
        }

        private void ForgetFinishedThreads()
        {
            for (int i = _threads.Count - 1; i >= 0; i--)
            {
                if (!((Thread)_threads[i]).IsAlive)
                {
                    _threads.RemoveAt(i);
                }
            }
        }

        private void RunSession(IConnection c, SessionRunner slot)
        {
            try
            {
                // A client that stops reading must not hold a session slot (docs/catalogue.md #55).
                c.WriteTimeoutMilliseconds = Limits.SessionWriteTimeoutMs;
                SmtpServerDriver driver = new SmtpServerDriver(c, _options, _policy, _sink, _clock, _log, _random);
                driver.Slot = slot;
                driver.PauseMemory = _pauseMemory;
                driver.Run();
            }
            catch (Exception e)
            {
                // The session boundary: a bug or a sink failure must not take the listener down.
                _log.Write(LogLevel.Error, Source, c.RemoteAddress + " session failed: " + e.Message);
                c.Close();
            }
            finally
            {
                slot.Release();
                lock (_gate)
                {
                    _open.Remove(c);
                }
            }
        }

        private void ReleaseSlot(SessionRunner slot)
        {
            lock (_gate)
            {
                if (!slot.Released)
                {
                    slot.Released = true;
                    _inUse--;
                }
            }
        }

        // A ThreadStart for one connection (no closures over loop variables, one small object per
        // session), and that session's place under the cap.
        private sealed class SessionRunner : ISessionSlot
        {
            private readonly SmtpServerListener _owner;
            private readonly IConnection _connection;

            public SessionRunner(SmtpServerListener owner, IConnection connection)
            {
                _owner = owner;
                _connection = connection;
            }

            public bool Released { get; set; }   // guarded by the owner's gate

            public void Run()
            {
                _owner.RunSession(_connection, this);
            }

            public void Release()
            {
                _owner.ReleaseSlot(this);
            }
        }
    }
}

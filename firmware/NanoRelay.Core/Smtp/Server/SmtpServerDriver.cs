using NanoRelay.Ports;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// The pump for one ingress connection: waits briefly for early talkers, greets, then reads
    /// into the session's buffer with the session's deadline and writes its replies, running the
    /// TLS handshake when STARTTLS asks for it. Blocks its thread until the session ends.
    /// </summary>
    public sealed class SmtpServerDriver : ISmtpServerOutput
    {
        private const string Source = "smtp-in";

        private readonly IConnection _connection;
        private readonly SmtpServerSession _session;
        private readonly ILog _log;
        private readonly IClock _clock;
        private readonly int _greetingPauseMs;

        public SmtpServerDriver(IConnection connection, SmtpServerOptions options, RelayPolicy policy, IIngressSink sink, IClock clock, ILog log, IRandom random)
        {
            // --trace: one formatter per session sees the whole dialogue (secrets redacted, bodies elided).
            _connection = log.IsTraceEnabled ? new NanoRelay.Framing.TracedConnection(connection, log, Source, true) : connection;
            _log = log;
            _clock = clock;
            _greetingPauseMs = options.GreetingPauseMs;
            _session = new SmtpServerSession(options, policy, sink, this, clock, log, random, connection.RemoteAddress, connection.IsLoopback, connection.IsSecure);
        }

        /// <summary>
        /// The session's place under the listener's cap (may be null): released before the last
        /// reply goes out, so the client can reconnect as soon as it has read it.
        /// </summary>
        public ISessionSlot Slot { get; set; }

        /// <summary>Clients that waited out a recent pause and are greeted at once (may be null: every connection pauses).</summary>
        public GreetingPauseMemory PauseMemory { get; set; }

        /// <summary>The session being pumped (for tests and statistics).</summary>
        public SmtpServerSession Session { get { return _session; } }

        /// <summary>Answers a connection over the session cap with 421 4.7.0 and closes it (RFC 5321 §3.8 allows closing after 421).</summary>
        public static void RefuseBusy(IConnection connection, string serverName)
        {
            try
            {
                byte[] name = NanoRelay.Framing.Ascii.Bytes(serverName);
                connection.Write(SmtpServerReplies.Unavailable, 0, SmtpServerReplies.Unavailable.Length);
                connection.Write(name, 0, name.Length);
                connection.Write(SmtpServerReplies.TooManySessions, 0, SmtpServerReplies.TooManySessions.Length);
            }
            catch (ConnectionException)
            {
                // the peer is gone already
            }

            connection.Close();
        }

        /// <summary>Runs the session to its end and closes the connection; never throws for network failures.</summary>
        public void Run()
        {
            try
            {
                // A client that stops reading must not hold a session slot (docs/catalogue.md #55).
                _connection.WriteTimeoutMilliseconds = Limits.SessionWriteTimeoutMs;
                string client = _connection.RemoteAddress;
                if (_greetingPauseMs > 0 && (PauseMemory == null || !PauseMemory.Knows(client, _clock.MonotonicMilliseconds)))
                {
                    // RFC 5321 §4.3.1: the client waits for the 220; anything sooner is an early talker.
                    int n = _connection.Read(_session.InputBuffer, _session.InputOffset, _session.InputCount, _greetingPauseMs);
                    if (n == ConnectionRead.Closed)
                    {
                        _session.ConnectionLost();
                        return;
                    }

                    if (n > 0)
                    {
                        _session.Received(n);
                        if (PauseMemory != null)
                        {
                            PauseMemory.Forget(client);
                        }
                    }
                    else if (PauseMemory != null)
                    {
                        PauseMemory.Passed(client, _clock.MonotonicMilliseconds);
                    }
                }

                _session.Start();
                while (!_session.IsClosed)
                {
                    if (_session.WantsTls)
                    {
                        _connection.StartTlsAsServer();
                        _session.TlsStarted();
                        continue;
                    }

                    int n = _connection.Read(_session.InputBuffer, _session.InputOffset, _session.InputCount, _session.ReadTimeoutMilliseconds);
                    if (n == ConnectionRead.TimedOut)
                    {
                        _session.TimedOut();
                    }
                    else if (n == ConnectionRead.Closed)
                    {
                        _session.ConnectionLost();
                    }
                    else
                    {
                        _session.Received(n);
                    }
                }
            }
            catch (ConnectionException e)
            {
                _log.Write(LogLevel.Info, Source, _connection.RemoteAddress + " connection ended: " + e.Message);
                _session.ConnectionLost();
            }
            finally
            {
                _session.ConnectionLost();
                ReleaseSlot();
                _connection.Close();
            }
        }

        void ISmtpServerOutput.Write(byte[] buffer, int offset, int count)
        {
            if (_session.IsClosed)
            {
                // This is the last reply (221, 421, 554): the place under the cap is free before the
                // client can read it, so a reconnect right after it is not refused (issue 14, item 1).
                ReleaseSlot();
            }

            _connection.Write(buffer, offset, count);
        }

        private void ReleaseSlot()
        {
            if (Slot != null)
            {
                Slot.Release();
            }
        }
    }
}

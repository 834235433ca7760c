using System;
using System.Net;
using NanoRelay.Device.Adapters;
using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>
    /// Binds the services' listeners ("ADDRESS:PORT" from the config) with the board's TLS settings,
    /// each with an accept heartbeat; a bad address or a port that cannot be bound is logged and
    /// that one service is not started.
    /// </summary>
    public sealed class Listeners
    {
        private const int Backlog = 2;
        // The accept loop beats at every one-second poll; it also writes the "busy" refusal itself,
        // which a client that does not read may hold for the socket's 60 s send timeout. A stall of
        // the whole device (DNS, a TLS handshake) is the supervisor's to forgive, not this window's.
        private const int AcceptSilenceMs = 90000;

        private readonly Supervisor _supervisor;
        private readonly TlsCredentials _credentials;
        private readonly TlsGate _gate;
        private readonly int _handshakeTimeoutMs;
        private readonly ILog _log;
        private readonly IClock _clock;

        public Listeners(Supervisor supervisor, TlsCredentials credentials, TlsGate gate, int handshakeTimeoutMs, IClock clock, ILog log)
        {
            _clock = clock;
            _supervisor = supervisor;
            _credentials = credentials;
            _gate = gate;
            _handshakeTimeoutMs = handshakeTimeoutMs;
            _log = log;
        }

        /// <summary>Runs each connection on its own thread within <paramref name="slots"/> (<paramref name="refuse"/> may be null: close).</summary>
        public void Listen(string name, string endpoint, SessionSlots slots, ConnectionHandler serve, ConnectionHandler refuse)
        {
            SocketListener listener = Bind(name, endpoint);
            if (listener != null)
            {
                new SessionRunner(name, listener, slots, serve, refuse, _log).Start();
            }
        }

        /// <summary>The listener, or null (logged) when the endpoint is wrong or cannot be bound.</summary>
        public SocketListener Bind(string name, string endpoint)
        {
            int colon = endpoint == null ? -1 : endpoint.LastIndexOf(':');
            int port;
            if (colon <= 0 || !int.TryParse(endpoint.Substring(colon + 1), out port) || port <= 0 || port > 65535)
            {
                _log.Write(LogLevel.Error, name, "'" + endpoint + "' is not ADDRESS:PORT; service not started");
                return null;
            }

            try
            {
                IPAddress address = IPAddress.Parse(endpoint.Substring(0, colon));
                SocketListener listener = new SocketListener(address, port, Backlog, _credentials, _gate, _handshakeTimeoutMs, _clock);

                // Watched only once it exists: a port that cannot be bound leaves that service off, it does not reboot the board.
                listener.Heartbeat = _supervisor.Register(name + "-accept", AcceptSilenceMs);
                return listener;
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, name, "cannot listen on " + endpoint + ": " + e.Message);
                return null;
            }
        }
    }
}

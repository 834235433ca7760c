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
        private const int AcceptSilenceMs = 30000;

        private readonly Supervisor _supervisor;
        private readonly TlsCredentials _credentials;
        private readonly TlsGate _gate;
        private readonly int _handshakeTimeoutMs;
        private readonly ILog _log;

        public Listeners(Supervisor supervisor, TlsCredentials credentials, TlsGate gate, int handshakeTimeoutMs, ILog log)
        {
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
                Heartbeat h = _supervisor.Register(name + "-accept", AcceptSilenceMs);
                return new SocketListener(address, port, Backlog, _credentials, _gate, _handshakeTimeoutMs, h);
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, name, "cannot listen on " + endpoint + ": " + e.Message);
                return null;
            }
        }
    }
}

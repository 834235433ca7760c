using System;
using System.Net;
using System.Net.Sockets;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// Accepts TCP connections on one address and port. Accept waits in one-second Polls so the
    /// accepting thread keeps beating its heartbeat and notices Close.
    /// </summary>
    public sealed class SocketListener : IListener
    {
        private const int PollMicroseconds = 1000000;

        private readonly Socket _socket;
        private readonly TlsCredentials _credentials;
        private readonly TlsGate _gate;
        private readonly int _handshakeTimeoutMs;
        private readonly IClock _clock;
        private Heartbeat _heartbeat;
        private bool _closed;

        /// <summary>Binds and listens on <paramref name="address"/>:<paramref name="port"/> with a small backlog.</summary>
        public SocketListener(IPAddress address, int port, int backlog, TlsCredentials credentials, TlsGate gate, int handshakeTimeoutMs, IClock clock)
        {
            _clock = clock;
            _credentials = credentials;
            _gate = gate;
            _handshakeTimeoutMs = handshakeTimeoutMs;
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                _socket.Bind(new IPEndPoint(address, port));
                _socket.Listen(backlog);
            }
            catch (Exception)
            {
                // A port in use or a wrong address: give the socket back (16 lwIP sockets in all).
                _socket.Close();
                throw;
            }

            IPEndPoint local = _socket.LocalEndPoint as IPEndPoint;
            Port = local != null ? local.Port : port;
        }

        public int Port { get; private set; }

        /// <summary>Beaten at every poll of Accept; set once the socket is bound (a bind that fails registers nothing).</summary>
        public Heartbeat Heartbeat { set { _heartbeat = value; } }

        public IConnection Accept()
        {
            while (!_closed)
            {
                Heartbeat h = _heartbeat;
                if (h != null)
                {
                    h.Beat();
                }

                try
                {
                    if (!_socket.Poll(PollMicroseconds, SelectMode.SelectRead))
                    {
                        continue;
                    }

                    Socket peer = _socket.Accept();
                    return new SocketConnection(peer, _credentials, _gate, _handshakeTimeoutMs, _clock);
                }
                catch (Exception e)
                {
                    if (_closed)
                    {
                        return null;
                    }

                    SocketException s = e as SocketException;
                    throw new ConnectionException("accept failed: " + (s != null ? "socket error " + s.ErrorCode : e.Message), e);
                }
            }

            return null;
        }

        public void Close()
        {
            _closed = true;
            try
            {
                _socket.Close();
            }
            catch (Exception)
            {
                // Closing twice is harmless.
            }
        }
    }
}

using System;
using System.Net;
using System.Net.Sockets;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>Opens outgoing TCP connections (to the upstream); Connect is bounded by a <see cref="SocketDeadline"/>.</summary>
    public sealed class SocketConnector : IConnector
    {
        private readonly TlsCredentials _credentials;
        private readonly TlsGate _gate;
        private readonly int _handshakeTimeoutMs;
        private readonly IClock _clock;

        public SocketConnector(TlsCredentials credentials, TlsGate gate, int handshakeTimeoutMs, IClock clock)
        {
            _clock = clock;
            _credentials = credentials;
            _gate = gate;
            _handshakeTimeoutMs = handshakeTimeoutMs;
        }

        /// <summary>STARTTLS takes any certificate: MX delivery with tls "opportunistic" (RFC 7435).</summary>
        public bool AcceptAnyCertificate { get; set; }

        public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
        {
            IPAddress address;
            try
            {
                // docs/nanoframework.md §1.5: GetHostEntry is the only DNS call; it takes literal addresses too.
                // It has no timeout of its own and no socket a deadline could close.
                IPAddress[] list = System.Net.Dns.GetHostEntry(host).AddressList;
                if (list == null || list.Length == 0)
                {
                    throw new ConnectionException("cannot resolve " + host + ": no address");
                }

                address = list[0];
            }
            catch (ConnectionException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new ConnectionException("cannot resolve " + host + ": " + e.Message, e);
            }

            // docs/nanoframework.md §1.1: ProtocolType.Tcp, not the IPv4 value some samples pass.
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            SocketDeadline deadline = SocketDeadline.Arm(socket, timeoutMilliseconds);
            Exception failure = null;
            try
            {
                socket.Connect(new IPEndPoint(address, port));
            }
            catch (Exception e)
            {
                failure = e;
            }

            deadline.Disarm();
            if (failure != null || deadline.Fired)
            {
                try
                {
                    socket.Close();
                }
                catch (Exception)
                {
                    // The deadline may have closed it already.
                }

                string where = host + ":" + port;
                throw deadline.Fired
                    ? new ConnectionException("connect to " + where + " timed out after " + timeoutMilliseconds + " ms")
                    : new ConnectionException("connect to " + where + " failed: " + Describe(failure), failure);
            }

            SocketConnection connection = new SocketConnection(socket, _credentials, _gate, _handshakeTimeoutMs, _clock);
            connection.AcceptAnyCertificate = AcceptAnyCertificate;
            if (implicitTls)
            {
                // Port 465 (RFC 8314 §3.3): TLS first; the connection closes itself if this throws,
                // a refusal by the TLS gate included. The client handshake toward a server that
                // stalls is not bounded: it blocks every thread (README "Not verified").
                connection.StartTlsAsClient(host);
            }

            return connection;
        }

        private static string Describe(Exception e)
        {
            SocketException s = e as SocketException;
            return s != null ? "socket error " + s.ErrorCode : e.Message;
        }
    }
}

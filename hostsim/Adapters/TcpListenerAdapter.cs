using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>Accepts TCP connections on one address (plain, or implicit TLS such as pop3s).</summary>
    public sealed class TcpListenerAdapter : IListener
    {
        private readonly Socket _socket;
        private readonly X509Certificate2 _certificate;
        private readonly bool _implicitTls;
        private volatile bool _closed;

        public TcpListenerAdapter(IPEndPoint endPoint, X509Certificate2 certificate, bool implicitTls)
        {
            _certificate = certificate;
            _implicitTls = implicitTls;
            _socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _socket.Bind(endPoint);
            _socket.Listen(32);
            Port = ((IPEndPoint)_socket.LocalEndPoint).Port;
        }

        public int Port { get; }

        /// <summary>True for an implicit-TLS port: the session must call StartTlsAsServer before its greeting.</summary>
        public bool ImplicitTls { get { return _implicitTls; } }

        /// <summary>Parses "127.0.0.1:1110" or "[::1]:1110"; throws FormatException naming the text.</summary>
        public static IPEndPoint ParseEndPoint(string text)
        {
            if (!IPEndPoint.TryParse(text ?? string.Empty, out IPEndPoint ep) || ep.Port == 0 && !text.EndsWith(":0", StringComparison.Ordinal))
            {
                throw new FormatException("'" + text + "' is not ADDRESS:PORT");
            }

            return ep;
        }

        public IConnection Accept()
        {
            while (!_closed)
            {
                Socket s;
                try
                {
                    s = _socket.Accept();
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    if (_closed)
                    {
                        return null;
                    }

                    continue;
                }

                // With implicit TLS the session thread runs the handshake (see ImplicitTls), so a
                // client that never finishes its hello cannot stall the accept loop.
                return new TcpConnection(s, _certificate, null);
            }

            return null;
        }

        public void Close()
        {
            _closed = true;
            _socket.Close();
        }
    }
}

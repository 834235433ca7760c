using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>
    /// The desktop connection: a socket, and after STARTTLS/STLS (or at once for implicit TLS) an
    /// SslStream over a NetworkStream that does not own the socket. Client certificates are
    /// verified against the system store plus an optional private CA (trustedCaFile).
    /// </summary>
    public sealed class TcpConnection : IConnection
    {
        private readonly Socket _socket;
        private readonly X509Certificate2 _serverCertificate;
        private readonly X509Certificate2Collection _trustedCas;
        private Stream _stream;
        private SslStream _tls;
        private int _lastTimeout = int.MinValue;
        private bool _closed;
        private SemaphoreSlim _tlsSlot;

        /// <summary>Wraps a connected socket. <paramref name="serverCertificate"/> is for StartTlsAsServer; <paramref name="trustedCas"/> adds private roots for StartTlsAsClient.</summary>
        public TcpConnection(Socket socket, X509Certificate2 serverCertificate, X509Certificate2Collection trustedCas)
        {
            _socket = socket;
            _socket.NoDelay = true;   // one write per reply; no Nagle/delayed-ACK stalls
            _serverCertificate = serverCertificate;
            _trustedCas = trustedCas;
            _stream = new NetworkStream(socket, ownsSocket: false);
            IPEndPoint remote = socket.RemoteEndPoint as IPEndPoint;
            RemoteAddress = remote == null ? "unknown" : remote.Address.ToString();
            IsLoopback = remote != null && IPAddress.IsLoopback(remote.Address);
        }

        public bool IsSecure { get { return _tls != null; } }

        /// <summary>
        /// Opportunistic TLS toward an MX host (RFC 7435 §4, RFC 7672 §1.3): any certificate is
        /// accepted, since encryption without authentication still beats plaintext on port 25.
        /// </summary>
        public bool AcceptAnyCertificate { get; set; }

        public bool IsLoopback { get; }

        public string RemoteAddress { get; }

        /// <summary>The TLS protocol in use, for logs.</summary>
        public SslProtocols TlsProtocol { get { return _tls == null ? SslProtocols.None : _tls.SslProtocol; } }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            try
            {
                int t = timeoutMilliseconds <= 0 ? Timeout.Infinite : timeoutMilliseconds;
                if (t != _lastTimeout)
                {
                    _socket.ReceiveTimeout = t == Timeout.Infinite ? 0 : t;
                    _lastTimeout = t;
                }

                if (_tls == null && t != Timeout.Infinite && !_socket.Poll(TimeSpan.FromMilliseconds(t), SelectMode.SelectRead))
                {
                    return ConnectionRead.TimedOut;
                }

                return _stream.Read(buffer, offset, count);
            }
            catch (IOException e) when (e.InnerException is SocketException se && se.SocketErrorCode == SocketError.TimedOut)
            {
                return ConnectionRead.TimedOut;
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                if (_closed)
                {
                    return ConnectionRead.Closed;
                }

                throw new ConnectionException("read failed: " + e.Message, e);
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _stream.Write(buffer, offset, count);
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                throw new ConnectionException("write failed: " + e.Message, e);
            }
        }

        /// <summary>The write timeout, so that a client that stops reading cannot hold a session forever.</summary>
        public int WriteTimeoutMilliseconds
        {
            set { _socket.SendTimeout = value; }
        }

        public void StartTlsAsClient(string targetHost)
        {
            _tlsSlot = TlsSlots.Enter();
            SslStream tls = new SslStream(new NetworkStream(_socket, ownsSocket: false), false, ValidateServer);
            try
            {
                tls.AuthenticateAsClient(new SslClientAuthenticationOptions
                {
                    TargetHost = targetHost,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                });
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException)
            {
                tls.Dispose();
                throw new ConnectionException("TLS handshake with " + targetHost + " failed: " + Describe(e), e) { IsTls = true };
            }

            _tls = tls;
            _stream = tls;
            _lastTimeout = int.MinValue;
        }

        public void StartTlsAsServer()
        {
            if (_serverCertificate == null)
            {
                throw new ConnectionException("no server certificate configured") { IsTls = true };
            }

            _tlsSlot = TlsSlots.Enter();
            SslStream tls = new SslStream(new NetworkStream(_socket, ownsSocket: false), false);
            try
            {
                tls.AuthenticateAsServer(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _serverCertificate,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    ClientCertificateRequired = false,
                });
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException)
            {
                tls.Dispose();
                throw new ConnectionException("TLS handshake failed: " + Describe(e), e) { IsTls = true };
            }

            _tls = tls;
            _stream = tls;
            _lastTimeout = int.MinValue;
        }

        public void Close()
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _tlsSlot?.Release();
            _tlsSlot = null;
            try
            {
                _tls?.Dispose();
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception)
            {
                // closing a broken connection: nothing more to do
            }

            _socket.Close();
        }

        private bool ValidateServer(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (errors == SslPolicyErrors.None || AcceptAnyCertificate)
            {
                return true;
            }

            // Only an untrusted root may be forgiven, and only by a CA the config names.
            if (errors != SslPolicyErrors.RemoteCertificateChainErrors || _trustedCas == null || _trustedCas.Count == 0 || certificate == null)
            {
                return false;
            }

            using X509Chain custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(_trustedCas);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return custom.Build(new X509Certificate2(certificate));
        }

        private static string Describe(Exception e)
        {
            return e.InnerException == null ? e.Message : e.Message + " (" + e.InnerException.Message + ")";
        }
    }
}

using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using NanoRelay.Ports;
using NanoRelay.Tls;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// IConnection over a nanoFramework Socket. Plaintext reads and writes go to the socket itself
    /// (no NetworkStream, so no stream owns the socket across STARTTLS, docs/nanoframework.md §1.3); the upgrade
    /// builds an SslStream on the same connected socket (docs/nanoframework.md §1.4) and from then on owns it.
    /// </summary>
    public sealed class SocketConnection : IConnection, IPendingInput
    {
        // docs/nanoframework.md §1.1: a receive timeout throws SocketException with ErrorCode 10060 (SocketError.TimedOut).
        private const int SocketTimedOut = 10060;

        // A peer that stops reading must not hold a thread forever (SendTimeout, docs/nanoframework.md §1.1):
        // the default until the core's session sets its own (WriteTimeoutMilliseconds).
        private const int SendTimeoutMs = 60000;

        private const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

        private readonly object _closeLock = new object();
        private readonly Socket _socket;
        private readonly TlsCredentials _credentials;
        private readonly TlsGate _gate;
        private readonly int _handshakeTimeoutMs;
        private readonly IClock _clock;
        private SslStream _tls;
        private bool _holdsGate;
        private bool _closed;
        private int _receiveTimeout;

        /// <summary>Wraps a connected socket; TLS upgrades take a slot from <paramref name="gate"/> and are bounded by <paramref name="handshakeTimeoutMs"/>.</summary>
        public SocketConnection(Socket socket, TlsCredentials credentials, TlsGate gate, int handshakeTimeoutMs, IClock clock)
        {
            _socket = socket;
            _clock = clock;
            _credentials = credentials;
            _gate = gate;
            _handshakeTimeoutMs = handshakeTimeoutMs;
            _receiveTimeout = 0;
            _socket.SendTimeout = SendTimeoutMs;
            RemoteAddress = "unknown";
            IPEndPoint remote = socket.RemoteEndPoint as IPEndPoint;
            if (remote != null)
            {
                RemoteAddress = remote.Address.ToString();
                IsLoopback = IsLoopbackAddress(remote.Address.GetAddressBytes());
            }
        }

        public bool IsSecure { get { return _tls != null; } }

        /// <summary>The socket's send timeout; it bounds the SslStream's writes too, which go to the same socket.</summary>
        public int WriteTimeoutMilliseconds
        {
            set { _socket.SendTimeout = value; }
        }

        /// <summary>STARTTLS as client takes any certificate (MX delivery with tls "opportunistic").</summary>
        public bool AcceptAnyCertificate { get; set; }

        public bool IsLoopback { get; private set; }

        public string RemoteAddress { get; private set; }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            // docs/nanoframework.md §1.1: ReceiveTimeout 0 or -1 is infinite; SslStream.Read uses the socket's value too.
            int timeout = timeoutMilliseconds > 0 ? timeoutMilliseconds : -1;
            try
            {
                if (timeout != _receiveTimeout)
                {
                    _socket.ReceiveTimeout = timeout;
                    _receiveTimeout = timeout;
                }

                SslStream tls = _tls;
                return tls != null ? tls.Read(buffer, offset, count) : _socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e)
            {
                if (e.ErrorCode == SocketTimedOut)
                {
                    return ConnectionRead.TimedOut;
                }

                throw new ConnectionException("read failed: socket error " + e.ErrorCode, e);
            }
            catch (Exception e)
            {
                throw new ConnectionException("read failed: " + e.Message, e);
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                SslStream tls = _tls;
                if (tls != null)
                {
                    tls.Write(buffer, offset, count);
                    return;
                }

                int sent = 0;
                while (sent < count)
                {
                    int n = _socket.Send(buffer, offset + sent, count - sent, SocketFlags.None);
                    if (n <= 0)
                    {
                        throw new ConnectionException("write failed: the peer stopped taking data");
                    }

                    sent += n;
                }
            }
            catch (SocketException e)
            {
                throw new ConnectionException("write failed: socket error " + e.ErrorCode, e);
            }
            catch (ConnectionException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new ConnectionException("write failed: " + e.Message, e);
            }
        }

        /// <summary>Bytes received and not read (IPendingInput, for ClientHelloWait).</summary>
        public int Available { get { return _socket.Available; } }

        public int Peek(byte[] buffer, int count)
        {
            // lwIP maps SocketFlags.Peek to MSG_PEEK (nf-interpreter src/PAL/Lwip/lwIP_Sockets.cpp).
            return _socket.Receive(buffer, 0, count, SocketFlags.Peek);
        }

        public bool WaitReadable(int milliseconds)
        {
            // Socket.Poll waits in the CLR's event loop (WaitEvents): other managed threads run meanwhile.
            return _socket.Poll(milliseconds * 1000, SelectMode.SelectRead);
        }

        public void StartTlsAsClient(string targetHost)
        {
            Handshake(targetHost, true);
        }

        public void StartTlsAsServer()
        {
            Handshake(null, false);
        }

        public void Close()
        {
            SslStream tls;
            bool release;
            lock (_closeLock)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
                tls = _tls;
                release = _holdsGate;
                _holdsGate = false;
            }

            try
            {
                // docs/nanoframework.md §1.3: disposing the SslStream closes the socket; without TLS close it directly.
                if (tls != null)
                {
                    tls.Close();
                }
                else
                {
                    _socket.Close();
                }
            }
            catch (Exception)
            {
                // Already broken: closing is all that was left to do.
            }

            if (release)
            {
                _gate.Exit();
            }
        }

        private void Handshake(string targetHost, bool asClient)
        {
            if (_tls != null)
            {
                throw Tls("TLS is already active", null);
            }

            if (!asClient)
            {
                // The native handshake blocks every managed thread until it ends and has no read
                // timeout (README "Not verified"): start it only once the ClientHello is here.
                string missing = WaitForClientHello();
                if (missing != null)
                {
                    Close();
                    throw Tls("no TLS handshake: " + missing, null);
                }
            }

            if (!_gate.TryEnter())
            {
                // Closed here, so a refused connection never keeps its socket (16 lwIP sockets in all).
                Close();
                throw Tls("TLS refused: " + _gate.LastRefusal, null);
            }

            lock (_closeLock)
            {
                _holdsGate = true;
            }

            SslStream tls = null;
            SocketDeadline deadline = SocketDeadline.Arm(_socket, _handshakeTimeoutMs);
            Exception failure = null;
            try
            {
                // Bytes the peer sent before the upgrade were read by the core's framer, which
                // discards them (STARTTLS injection); nothing is buffered here that TLS could see.
                tls = new SslStream(_socket);
                if (asClient)
                {
                    // docs/nanoframework.md §1.3: only CertificateRequired makes mbedTLS verify the server.
                    // Opportunistic TLS to an MX host (RFC 7435 §4): encrypted, the certificate not checked.
                    tls.SslVerification = AcceptAnyCertificate ? SslVerification.NoVerification : SslVerification.CertificateRequired;
                    if (_credentials.TrustedCa == null)
                    {
                        tls.AuthenticateAsClient(targetHost, Protocols);
                    }
                    else
                    {
                        tls.AuthenticateAsClient(targetHost, null, _credentials.TrustedCa, Protocols);
                    }
                }
                else
                {
                    // A mail client shows no certificate of its own; do not ask for one.
                    tls.SslVerification = SslVerification.NoVerification;
                    tls.UseStoredDeviceCertificate = _credentials.ServerCertificate == null;
                    tls.AuthenticateAsServer(_credentials.ServerCertificate, false, Protocols);
                }
            }
            catch (Exception e)
            {
                failure = e;
            }

            deadline.Disarm();
            if (failure == null && !deadline.Fired)
            {
                _tls = tls;
                return;
            }

            if (tls != null)
            {
                lock (_closeLock)
                {
                    _tls = tls;
                }
            }

            Close();
            throw Tls(deadline.Fired ? "TLS handshake timed out after " + _handshakeTimeoutMs + " ms" : "TLS handshake failed: " + failure.Message, failure);
        }

        // Null when the client's first record is readable; else why not.
        private string WaitForClientHello()
        {
            try
            {
                return ClientHelloWait.Explain(ClientHelloWait.Run(this, _clock, _handshakeTimeoutMs), _handshakeTimeoutMs);
            }
            catch (Exception e)
            {
                return "the connection failed (" + e.Message + ")";
            }
        }

        private static ConnectionException Tls(string message, Exception inner)
        {
            ConnectionException e = inner == null ? new ConnectionException(message) : new ConnectionException(message, inner);
            e.IsTls = true;
            return e;
        }

        private static bool IsLoopbackAddress(byte[] a)
        {
            if (a.Length == 4)
            {
                return a[0] == 127;
            }

            if (a.Length != 16 || a[15] != 1)
            {
                return false;
            }

            for (int i = 0; i < 15; i++)
            {
                if (a[i] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

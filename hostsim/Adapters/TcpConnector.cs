using System;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>Opens TCP connections to the upstream, with implicit TLS when asked.</summary>
    public sealed class TcpConnector : IConnector
    {
        private readonly X509Certificate2Collection _trustedCas;

        public TcpConnector(X509Certificate2Collection trustedCas)
        {
            _trustedCas = trustedCas;
            WriteTimeoutMilliseconds = NanoRelay.Limits.SmtpDataBlockTimeoutMs;
        }

        /// <summary>
        /// How long one write may block (RFC 5321 §4.5.3.2.5: 3 minutes per data block). IConnection.Write
        /// has no timeout of its own, so the adapter enforces it as the socket's send timeout.
        /// </summary>
        public int WriteTimeoutMilliseconds { get; set; }

        /// <summary>Every connection accepts any server certificate (MX delivery with tls "opportunistic").</summary>
        public bool AcceptAnyCertificate { get; set; }

        /// <summary>Loads a PEM or DER CA file (trustedCaFile) into a collection; null for no file.</summary>
        public static X509Certificate2Collection LoadTrustedCas(string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return null;
            }

            X509Certificate2Collection cas = new X509Certificate2Collection();
            cas.ImportFromPemFile(path);
            if (cas.Count == 0)
            {
                cas.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            return cas;
        }

        public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
        {
            Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                IAsyncResult pending = socket.BeginConnect(host, port, null, null);
                if (!pending.AsyncWaitHandle.WaitOne(timeoutMilliseconds))
                {
                    throw new ConnectionException("connect to " + host + ":" + port + " timed out after " + timeoutMilliseconds + " ms");
                }

                socket.EndConnect(pending);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new ConnectionException("connect to " + host + ":" + port + " failed: " + e.Message, e);
            }
            catch (ConnectionException)
            {
                socket.Dispose();
                throw;
            }

            TcpConnection connection = new TcpConnection(socket, null, _trustedCas) { AcceptAnyCertificate = AcceptAnyCertificate };
            if (implicitTls)
            {
                socket.ReceiveTimeout = timeoutMilliseconds;
                socket.SendTimeout = timeoutMilliseconds;
                try
                {
                    connection.StartTlsAsClient(host);
                }
                catch (ConnectionException)
                {
                    connection.Close();
                    throw;
                }
            }

            connection.WriteTimeoutMilliseconds = WriteTimeoutMilliseconds;
            return connection;
        }
    }
}

namespace NanoRelay.Ports
{
    /// <summary>
    /// A byte connection (TCP, or TLS over TCP). Socket + SslStream on the device, TcpClient +
    /// SslStream on the host, an in-memory pipe in tests.
    /// </summary>
    public interface IConnection
    {
        /// <summary>
        /// Reads up to <paramref name="count"/> bytes. Returns the count read, 0 when the peer
        /// closed, or <see cref="ConnectionRead.TimedOut"/> when nothing came within
        /// <paramref name="timeoutMilliseconds"/>. Throws <see cref="ConnectionException"/> on a broken connection.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>Writes all the bytes or throws <see cref="ConnectionException"/>.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Bounds every later <see cref="Write"/>: a peer that stops reading (TCP zero window) makes
        /// it throw <see cref="ConnectionException"/> after this many milliseconds instead of holding
        /// the thread. The core's session code sets it (Limits.SessionWriteTimeoutMs).
        /// </summary>
        int WriteTimeoutMilliseconds { set; }

        /// <summary>
        /// Runs a TLS handshake in place on this connection (STARTTLS, STLS), as client toward
        /// <paramref name="targetHost"/>, verifying its certificate. Throws <see cref="ConnectionException"/> on failure.
        /// </summary>
        void StartTlsAsClient(string targetHost);

        /// <summary>Runs a TLS handshake in place as server, with the adapter's certificate.</summary>
        void StartTlsAsServer();

        /// <summary>True once a TLS handshake has completed on this connection.</summary>
        bool IsSecure { get; }

        /// <summary>True when the peer's address is a loopback address (127.0.0.0/8 or ::1).</summary>
        bool IsLoopback { get; }

        /// <summary>The peer's address as text, for logs and the Received header.</summary>
        string RemoteAddress { get; }

        /// <summary>Closes the connection; safe to call twice.</summary>
        void Close();
    }
}

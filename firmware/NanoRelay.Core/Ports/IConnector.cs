namespace NanoRelay.Ports
{
    /// <summary>Opens outgoing connections (to the upstream submission server).</summary>
    public interface IConnector
    {
        /// <summary>
        /// Connects to host:port within <paramref name="timeoutMilliseconds"/>; with
        /// <paramref name="implicitTls"/> the TLS handshake (verifying <paramref name="host"/>) is part of it.
        /// Throws <see cref="ConnectionException"/>.
        /// </summary>
        IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds);
    }
}

namespace NanoRelay.Ports
{
    /// <summary>
    /// One UDP socket: Socket with SocketType.Dgram on the device and on the host, a scripted
    /// exchange in tests. Every datagram received says where it came from, so the caller can
    /// refuse an answer from an address it did not ask (RFC 5452 §9.1).
    /// </summary>
    public interface IDatagramSocket
    {
        /// <summary>Sends one datagram to address:port (a literal IPv4 or IPv6 address). Throws <see cref="ConnectionException"/>.</summary>
        void SendTo(byte[] buffer, int offset, int count, string address, int port);

        /// <summary>
        /// Receives one datagram into buffer (a longer one is cut to <paramref name="count"/>
        /// and reported as count + 1). Returns its length, or <see cref="ConnectionRead.TimedOut"/>
        /// when none came within <paramref name="timeoutMilliseconds"/>. Then <see cref="RemoteAddress"/>
        /// and <see cref="RemotePort"/> name its sender.
        /// </summary>
        int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds);

        /// <summary>The sender of the last datagram received, as a literal address.</summary>
        string RemoteAddress { get; }

        /// <summary>The sender's port of the last datagram received.</summary>
        int RemotePort { get; }

        /// <summary>Closes the socket; safe to call twice.</summary>
        void Close();
    }
}

namespace NanoRelay.Ports
{
    /// <summary>Opens datagram (UDP) sockets, one per DNS query, each on a new ephemeral port (RFC 5452 §9.2).</summary>
    public interface IDatagramPort
    {
        /// <summary>A new unconnected socket. Throws <see cref="ConnectionException"/> when none can be had.</summary>
        IDatagramSocket Open();
    }
}

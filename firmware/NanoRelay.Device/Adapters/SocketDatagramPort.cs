using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>The device's datagram port: a new UDP Socket (SocketType.Dgram) per DNS query, on an ephemeral port.</summary>
    public sealed class SocketDatagramPort : IDatagramPort
    {
        public IDatagramSocket Open()
        {
            return new SocketDatagramSocket();
        }
    }
}

using System.Net;
using System.Net.Sockets;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// The datagram port: each Open is a new UDP Socket (SocketType.Dgram) for one DNS query. Unlike
    /// Dns.GetHostEntry it blocks only the calling thread, for the receive timeout (docs/nanoframework.md §1.1: 10060).
    /// </summary>
    public sealed class SocketDatagramSocket : IDatagramPort, IDatagramSocket
    {
        private const int SocketTimedOut = 10060;

        // One octet more than any datagram the caller takes, so an over-long one is seen as such.
        private readonly byte[] _datagram = new byte[Limits.DnsUdpMessage + 1];
        private Socket _socket;

        public string RemoteAddress { get; private set; }

        public int RemotePort { get; private set; }

        public IDatagramSocket Open()
        {
            return new SocketDatagramSocket();
        }

        public void SendTo(byte[] buffer, int offset, int count, string address, int port)
        {
            try
            {
                IPAddress ip = IPAddress.Parse(address);
                _socket = _socket != null ? _socket : new Socket(ip.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                _socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(ip, port));
            }
            catch (SocketException e)
            {
                throw new ConnectionException("DNS query to " + address + " failed: socket error " + e.ErrorCode.ToString(), e);
            }
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            try
            {
                _socket.ReceiveTimeout = timeoutMilliseconds > 0 ? timeoutMilliseconds : 1;
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int n = _socket.ReceiveFrom(_datagram, 0, count + 1 < _datagram.Length ? count + 1 : _datagram.Length, SocketFlags.None, ref from);
                IPEndPoint sender = (IPEndPoint)from;
                RemoteAddress = sender.Address.ToString();
                RemotePort = sender.Port;
                System.Array.Copy(_datagram, 0, buffer, offset, n < count ? n : count);
                return n;
            }
            catch (SocketException e)
            {
                if (e.ErrorCode == SocketTimedOut)
                {
                    return ConnectionRead.TimedOut;
                }

                throw new ConnectionException("DNS receive failed: socket error " + e.ErrorCode.ToString(), e);
            }
        }

        public void Close()
        {
            if (_socket != null)
            {
                _socket.Close();
                _socket = null;
            }
        }
    }
}

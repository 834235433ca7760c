using System.Net;
using System.Net.Sockets;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// One UDP socket (nanoFramework.System.Net Socket with SocketType.Dgram): SendTo a resolver,
    /// ReceiveFrom with the socket's receive timeout (facts §1.1: a timeout throws SocketException
    /// 10060). Unlike Dns.GetHostEntry it blocks only the calling thread, and only for the timeout.
    /// </summary>
    public sealed class SocketDatagramSocket : IDatagramSocket
    {
        private const int SocketTimedOut = 10060;

        // One octet more than any datagram the caller takes, so an over-long one is seen as such.
        private readonly byte[] _datagram = new byte[Limits.DnsUdpMessage + 1];
        private Socket _socket;

        public string RemoteAddress { get; private set; }

        public int RemotePort { get; private set; }

        public void SendTo(byte[] buffer, int offset, int count, string address, int port)
        {
            try
            {
                IPAddress ip = IPAddress.Parse(address);
                if (_socket == null)
                {
                    _socket = new Socket(ip.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                }

                _socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(ip, port));
            }
            catch (SocketException e)
            {
                throw new ConnectionException("DNS query to " + address + " failed: socket error " + e.ErrorCode.ToString(), e);
            }
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_socket == null)
            {
                return ConnectionRead.TimedOut;
            }

            try
            {
                _socket.ReceiveTimeout = timeoutMilliseconds > 0 ? timeoutMilliseconds : 1;
                EndPoint from = new IPEndPoint(IPAddress.Any, 0);
                int take = count + 1 < _datagram.Length ? count + 1 : _datagram.Length;
                int n = _socket.ReceiveFrom(_datagram, 0, take, SocketFlags.None, ref from);
                IPEndPoint sender = from as IPEndPoint;
                RemoteAddress = sender == null ? string.Empty : sender.Address.ToString();
                RemotePort = sender == null ? 0 : sender.Port;
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
            Socket s = _socket;
            _socket = null;
            if (s != null)
            {
                s.Close();
            }
        }
    }
}

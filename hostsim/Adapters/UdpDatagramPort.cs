using System;
using System.Net;
using System.Net.Sockets;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>The desktop datagram port: a new UDP socket per query, bound to an ephemeral port by the OS.</summary>
    public sealed class UdpDatagramPort : IDatagramPort
    {
        public IDatagramSocket Open()
        {
            return new UdpDatagramSocket();
        }

        private sealed class UdpDatagramSocket : IDatagramSocket
        {
            private Socket _socket;

            public string RemoteAddress { get; private set; }

            public int RemotePort { get; private set; }

            public void SendTo(byte[] buffer, int offset, int count, string address, int port)
            {
                try
                {
                    IPAddress ip = IPAddress.Parse(address);
                    _socket ??= new Socket(ip.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                    _socket.SendTo(buffer, offset, count, SocketFlags.None, new IPEndPoint(ip, port));
                }
                catch (Exception e) when (e is SocketException || e is FormatException)
                {
                    throw new ConnectionException("DNS query to " + address + ":" + port + " failed: " + e.Message, e);
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
                    if (!_socket.Poll(TimeSpan.FromMilliseconds(Math.Max(1, timeoutMilliseconds)), SelectMode.SelectRead))
                    {
                        return ConnectionRead.TimedOut;
                    }

                    // One octet more than asked: a longer datagram is reported as count + 1, not cut silently.
                    byte[] datagram = new byte[count + 1];
                    EndPoint from = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
                    int n = _socket.ReceiveFrom(datagram, 0, datagram.Length, SocketFlags.None, ref from);
                    IPEndPoint ep = (IPEndPoint)from;
                    RemoteAddress = ep.Address.ToString();
                    RemotePort = ep.Port;
                    Array.Copy(datagram, 0, buffer, offset, Math.Min(n, count));
                    return n;
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset || e.SocketErrorCode == SocketError.MessageSize)
                {
                    // ICMP port unreachable (nothing listens there), or an over-long datagram.
                    return e.SocketErrorCode == SocketError.MessageSize ? count + 1 : ConnectionRead.TimedOut;
                }
                catch (SocketException e)
                {
                    throw new ConnectionException("DNS receive failed: " + e.Message, e);
                }
            }

            public void Close()
            {
                _socket?.Dispose();
                _socket = null;
            }
        }
    }
}

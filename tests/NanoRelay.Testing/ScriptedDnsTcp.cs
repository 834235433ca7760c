using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// The TCP side of a scripted DNS server (RFC 7766 §8): each connection answers with the
    /// packet, two-octet length first, carrying the ID of the datagram port's last query.
    /// </summary>
    public sealed class ScriptedDnsTcp : IConnector
    {
        private readonly ScriptedDatagramPort _udp;
        private readonly DnsPacket _answer;

        public ScriptedDnsTcp(ScriptedDatagramPort udp, DnsPacket answer)
        {
            _udp = udp;
            _answer = answer;
        }

        public int Connects { get; private set; }

        public string LastHost { get; private set; }

        public int LastPort { get; private set; }

        /// <summary>The last connection (what the client wrote).</summary>
        public ScriptedConnection Last { get; private set; }

        public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
        {
            Connects++;
            LastHost = host;
            LastPort = port;
            if (_answer == null)
            {
                throw new ConnectionException("connection refused");
            }

            byte[] p = _answer.ToArray();
            byte[] script = new byte[p.Length + 2];
            script[0] = (byte)(p.Length >> 8);
            script[1] = (byte)p.Length;
            System.Array.Copy(p, 0, script, 2, p.Length);
            script[2] = _udp.LastQuery[0];
            script[3] = _udp.LastQuery[1];
            Last = new ScriptedConnection(script, 7);
            Last.PeerIsServer = true;
            return Last;
        }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// A datagram port whose peer is a script of turns: each query sent takes the next turn, whose
    /// datagrams are then received in order (each given the query's ID unless it keeps its own, and a
    /// sender address and port); an empty turn, or the end of the script, is silence: the receive
    /// times out and advances the clock by the timeout.
    /// </summary>
    public sealed class ScriptedDatagramPort : IDatagramPort, IDatagramSocket
    {
        private const int Max = 64;
        private readonly byte[][] _data = new byte[Max][];
        private readonly string[] _from = new string[Max];
        private readonly int[] _port = new int[Max];
        private readonly bool[] _keepId = new bool[Max];
        private readonly int[] _turnOf = new int[Max];
        private readonly ManualClock _clock;
        private int _count;
        private int _turns;
        private int _turn = -1;
        private int _next;
        private byte[] _lastQuery;

        public ScriptedDatagramPort(ManualClock clock)
        {
            _clock = clock;
        }

        /// <summary>Queries sent so far.</summary>
        public int Sent { get; private set; }

        /// <summary>Sockets opened and closed (each query has its own).</summary>
        public int Opened { get; private set; }

        public int Closed { get; private set; }

        /// <summary>Where the last query went.</summary>
        public string LastAddress { get; private set; }

        public int LastPort { get; private set; }

        public string RemoteAddress { get; private set; }

        public int RemotePort { get; private set; }

        /// <summary>The last query's octets.</summary>
        public byte[] LastQuery { get { return _lastQuery; } }

        /// <summary>Starts the next turn (the answer to the next query); with no datagram added it is silence.</summary>
        public ScriptedDatagramPort Turn()
        {
            _turns++;
            return this;
        }

        /// <summary>Adds a datagram from 127.0.0.1:53 to the current turn.</summary>
        public ScriptedDatagramPort Reply(DnsPacket p)
        {
            return ReplyFrom(p, "127.0.0.1", 53, false);
        }

        public ScriptedDatagramPort ReplyFrom(DnsPacket p, string address, int port, bool keepId)
        {
            _data[_count] = p.ToArray();
            _from[_count] = address;
            _port[_count] = port;
            _keepId[_count] = keepId;
            _turnOf[_count] = _turns - 1;
            _count++;
            return this;
        }

        public IDatagramSocket Open()
        {
            Opened++;
            return this;
        }

        public void SendTo(byte[] buffer, int offset, int count, string address, int port)
        {
            _lastQuery = new byte[count];
            System.Array.Copy(buffer, offset, _lastQuery, 0, count);
            LastAddress = address;
            LastPort = port;
            Sent++;
            _turn++;
            _next = 0;
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            int seen = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_turnOf[i] != _turn)
                {
                    continue;
                }

                if (seen++ < _next)
                {
                    continue;
                }

                _next++;
                byte[] d = _data[i];
                int n = d.Length < count ? d.Length : count;
                System.Array.Copy(d, 0, buffer, offset, n);
                if (!_keepId[i] && n >= 2)
                {
                    buffer[offset] = _lastQuery[0];
                    buffer[offset + 1] = _lastQuery[1];
                }

                RemoteAddress = _from[i];
                RemotePort = _port[i];
                return d.Length > count ? count + 1 : n;
            }

            _clock.Advance(timeoutMilliseconds);
            return ConnectionRead.TimedOut;
        }

        public void Close()
        {
            Closed++;
        }
    }
}

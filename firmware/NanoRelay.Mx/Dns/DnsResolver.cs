using NanoRelay.Ports;

namespace NanoRelay.Dns
{
    /// <summary>
    /// A stub resolver (RFC 1034 §5.3.1) over the datagram port: asks the configured recursive
    /// servers in turn (RFC 1035 §4.2.1; a few attempts, a timeout each), each query with a random
    /// 16-bit ID from a new socket; an answer counts only when it comes from the server asked, on
    /// its port, with our ID and question (RFC 5452 §9.1). TC=1 is asked again over TCP with the
    /// two-octet length prefix (RFC 7766 §5, §8). A CNAME chain the server did not follow is
    /// followed here, bounded. Answers with records are cached for their TTL.
    /// </summary>
    public sealed class DnsResolver
    {
        private const string Source = "dns";

        private readonly IDatagramPort _udp;
        private readonly IConnector _tcp;
        private readonly IClock _clock;
        private readonly IRandom _random;
        private readonly ILog _log;
        private readonly DnsServer[] _servers;
        private readonly DnsReader _reader = new DnsReader();
        private readonly DnsCache _cache = new DnsCache();
        private readonly byte[] _query = new byte[Limits.DnsName + 16 + 2];
        private readonly byte[] _message = new byte[Limits.DnsTcpMessage];
        private readonly object _sync = new object();

        public DnsResolver(IDatagramPort udp, IConnector tcp, IClock clock, IRandom random, DnsServer[] servers, ILog log)
        {
            _udp = udp;
            _tcp = tcp;
            _clock = clock;
            _random = random;
            _servers = servers;
            _log = log;
            TimeoutMilliseconds = Limits.DnsTimeoutMs;
            Attempts = Limits.DnsAttempts;
        }

        /// <summary>How long one server is waited for, per attempt.</summary>
        public int TimeoutMilliseconds { get; set; }

        /// <summary>Rounds over all servers before a lookup gives up with Timeout or ServerFailure.</summary>
        public int Attempts { get; set; }

        /// <summary>Queries sent over UDP, and asked again over TCP after TC=1 (statistics, tests).</summary>
        public int UdpQueries { get; private set; }

        public int TcpQueries { get; private set; }

        /// <summary>Datagrams ignored: another source, ID or question, or not a response.</summary>
        public int Ignored { get; private set; }

        public DnsCache Cache { get { return _cache; } }

        /// <summary>
        /// Looks up records of <paramref name="type"/> for <paramref name="name"/>. Never throws for
        /// network failures: the status says Answer, NoData, NameError (final) or ServerFailure,
        /// Timeout, Invalid (temporary). The answer returned may be the cache's: do not change it.
        /// </summary>
        public DnsAnswer Resolve(string name, int type)
        {
            lock (_sync)
            {
                string asked = name;
                for (int link = 0; link <= Limits.DnsCnameChain; link++)
                {
                    DnsAnswer a = _cache.Find(asked, type, _clock.MonotonicMilliseconds);
                    if (a == null)
                    {
                        a = Query(asked, type);
                        _cache.Store(asked, type, a, _clock.MonotonicMilliseconds);
                        if (a.Status == DnsStatus.Answer && asked != name)
                        {
                            _cache.Store(name, type, a, _clock.MonotonicMilliseconds);
                        }
                    }

                    if (a.Status != DnsStatus.NoData || a.Alias == null)
                    {
                        return a;
                    }

                    asked = a.Alias;   // RFC 1034 §5.3.3 step 3c: restart with the canonical name
                }

                DnsAnswer tooLong = DnsAnswer.Of(type, DnsStatus.Invalid);
                tooLong.Detail = name + ": CNAME chain longer than " + Limits.DnsCnameChain.ToString();
                return tooLong;
            }
        }

        private DnsAnswer Query(string name, int type)
        {
            DnsAnswer a = new DnsAnswer();
            a.Reset(type);
            int length = DnsQuery.Write(_query, 0, name, type);
            if (length < 0)
            {
                a.Status = DnsStatus.Invalid;
                a.Detail = "not a domain name: " + name;
                return a;
            }

            string what = name + " " + DnsType.Name(type);
            bool failed = false;
            string lastFailure = null;
            for (int attempt = 0; attempt < Attempts; attempt++)
            {
                for (int s = 0; s < _servers.Length; s++)
                {
                    DnsServer server = _servers[s];
                    DnsStatus status = AskOverUdp(server, length, type, a);
                    if (status == DnsStatus.Truncated)
                    {
                        status = AskOverTcp(server, length, type, a);
                    }

                    switch (status)
                    {
                        case DnsStatus.Answer:
                        case DnsStatus.NoData:
                        case DnsStatus.NameError:
                            a.Detail = what + " from " + server.ToString() + ": " + Describe(status, a);
                            return a;
                        case DnsStatus.Timeout:
                            break;
                        default:
                            failed = true;
                            lastFailure = server.ToString() + ": " + Describe(status, a);
                            Log(LogLevel.Info, what + ": " + lastFailure);
                            break;
                    }
                }
            }

            a.Reset(type);
            a.Status = failed ? DnsStatus.ServerFailure : DnsStatus.Timeout;
            a.Detail = what + ": " + (failed ? lastFailure : "no answer from " + _servers.Length.ToString() + " server(s) after " + Attempts.ToString() + " attempt(s)");
            return a;
        }

        // One query to one server over UDP; waits out the timeout for our answer, ignoring others.
        private DnsStatus AskOverUdp(DnsServer server, int length, int type, DnsAnswer into)
        {
            NewId();
            IDatagramSocket socket = null;
            try
            {
                socket = _udp.Open();
                socket.SendTo(_query, 0, length, server.Address, server.Port);
                UdpQueries++;
                long deadline = _clock.MonotonicMilliseconds + TimeoutMilliseconds;
                while (true)
                {
                    long left = deadline - _clock.MonotonicMilliseconds;
                    if (left <= 0)
                    {
                        return DnsStatus.Timeout;
                    }

                    int n = socket.ReceiveFrom(_message, 0, Limits.DnsUdpMessage, (int)left);
                    if (n == ConnectionRead.TimedOut)
                    {
                        return DnsStatus.Timeout;
                    }

                    // RFC 5452 §9.1: the answer must come from the address and port the query went to.
                    if (socket.RemotePort != server.Port || socket.RemoteAddress != server.Address)
                    {
                        Ignored++;
                        continue;
                    }

                    if (n > Limits.DnsUdpMessage)
                    {
                        return DnsStatus.Invalid;
                    }

                    DnsStatus status = DnsResponse.Read(_reader, _message, n, _query, length, type, into);
                    if (status == DnsStatus.Mismatch)
                    {
                        Ignored++;
                        continue;
                    }

                    return status;
                }
            }
            catch (ConnectionException e)
            {
                into.Detail = e.Message;
                return DnsStatus.ServerFailure;
            }
            finally
            {
                if (socket != null)
                {
                    socket.Close();
                }
            }
        }

        // RFC 7766 §8: the same query over TCP, "prefixed with a two byte length field".
        private DnsStatus AskOverTcp(DnsServer server, int length, int type, DnsAnswer into)
        {
            if (_tcp == null)
            {
                return DnsStatus.Invalid;
            }

            // The query as it went over UDP, same ID: the answer is checked as strictly.
            IConnection c = null;
            try
            {
                c = _tcp.Connect(server.Address, server.Port, false, TimeoutMilliseconds);
                TcpQueries++;
                byte[] prefix = new byte[] { (byte)(length >> 8), (byte)length };
                c.Write(prefix, 0, 2);
                c.Write(_query, 0, length);
                long deadline = _clock.MonotonicMilliseconds + TimeoutMilliseconds;
                if (!ReadFully(c, _message, 2, deadline))
                {
                    return DnsStatus.Timeout;
                }

                int n = (_message[0] << 8) | _message[1];
                if (n > _message.Length)
                {
                    return DnsStatus.Invalid;   // Limits.DnsTcpMessage
                }

                if (!ReadFully(c, _message, n, deadline))
                {
                    return DnsStatus.Timeout;
                }

                DnsStatus status = DnsResponse.Read(_reader, _message, n, _query, length, type, into);
                return status == DnsStatus.Mismatch || status == DnsStatus.Truncated ? DnsStatus.Invalid : status;
            }
            catch (ConnectionException e)
            {
                into.Detail = e.Message;
                return DnsStatus.ServerFailure;
            }
            finally
            {
                if (c != null)
                {
                    c.Close();
                }
            }
        }

        private bool ReadFully(IConnection c, byte[] buffer, int count, long deadline)
        {
            int got = 0;
            while (got < count)
            {
                long left = deadline - _clock.MonotonicMilliseconds;
                if (left <= 0)
                {
                    return false;
                }

                int n = c.Read(buffer, got, count - got, (int)left);
                if (n == ConnectionRead.TimedOut || n == ConnectionRead.Closed)
                {
                    return false;
                }

                got += n;
            }

            return true;
        }

        // RFC 5452 §9.2: the ID is unpredictable, so a forged answer must guess it.
        private void NewId()
        {
            _random.NextBytes(_query, 0, 2);
        }

        private static string Describe(DnsStatus status, DnsAnswer a)
        {
            switch (status)
            {
                case DnsStatus.Answer: return a.Count.ToString() + " record(s)";
                case DnsStatus.NoData: return a.Alias == null ? "no records (NODATA)" : "alias " + a.Alias;
                case DnsStatus.NameError: return "no such domain (NXDOMAIN)";
                case DnsStatus.ServerFailure: return a.Detail != null ? a.Detail : "server failure (SERVFAIL or REFUSED)";
                case DnsStatus.Timeout: return "timeout";
                default: return "malformed answer";
            }
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, Source, message);
            }
        }
    }
}

using System;
using System.Collections.Generic;
using NanoRelay.Dns;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Mx
{
    /// <summary>
    /// A DNS server in-process behind the datagram port: each query is answered from a table of
    /// (name, type) to a response built for it (with the query's ID), NXDOMAIN for names not in it,
    /// or silence for names marked so. Every question asked is recorded.
    /// </summary>
    public sealed class ZoneDatagramPort : IDatagramPort, IDatagramSocket
    {
        private readonly Dictionary<string, Func<DnsPacket>> _answers = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _silent = new(StringComparer.OrdinalIgnoreCase);
        private readonly ManualClock _clock;
        private byte[] _reply;

        public ZoneDatagramPort(ManualClock clock)
        {
            _clock = clock;
        }

        public List<string> Asked { get; } = new();

        public string RemoteAddress { get; private set; }

        public int RemotePort { get; private set; }

        public ZoneDatagramPort Mx(string domain, params (int Preference, string Host)[] hosts)
        {
            _answers[domain + "/MX"] = () =>
            {
                DnsPacket p = DnsPacket.Response(domain, DnsType.Mx, 0);
                foreach (var h in hosts)
                {
                    p.Mx(null, h.Preference, h.Host, 300);
                }

                return p;
            };
            return this;
        }

        public ZoneDatagramPort A(string host, int a, int b, int c, int d)
        {
            _answers[host + "/A"] = () => DnsPacket.Response(host, DnsType.A, 0).A(null, a, b, c, d, 300);
            _answers.TryAdd(host + "/AAAA", () => DnsPacket.Response(host, DnsType.Aaaa, 0));
            _answers.TryAdd(host + "/MX", () => DnsPacket.Response(host, DnsType.Mx, 0));
            return this;
        }

        public ZoneDatagramPort Silent(string name)
        {
            _silent.Add(name);
            return this;
        }

        public IDatagramSocket Open()
        {
            return this;
        }

        public void SendTo(byte[] buffer, int offset, int count, string address, int port)
        {
            string name = DnsName.Decode(buffer, count, 12);
            int end = DnsName.Skip(buffer, count, 12);
            int type = (buffer[end] << 8) | buffer[end + 1];
            Asked.Add(name + "/" + DnsType.Name(type));
            RemoteAddress = address;
            RemotePort = port;
            if (_silent.Contains(name))
            {
                _reply = null;
                return;
            }

            DnsPacket p = _answers.TryGetValue(name + "/" + DnsType.Name(type), out var make) ? make() : DnsPacket.Response(name, type, DnsRcode.NameError);
            _reply = p.ToArray();
            _reply[0] = buffer[offset];
            _reply[1] = buffer[offset + 1];
        }

        public int ReceiveFrom(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_reply == null)
            {
                _clock.Advance(timeoutMilliseconds);
                return ConnectionRead.TimedOut;
            }

            int n = Math.Min(_reply.Length, count);
            Array.Copy(_reply, 0, buffer, offset, n);
            _reply = null;
            return n;
        }

        public void Close()
        {
        }
    }
}

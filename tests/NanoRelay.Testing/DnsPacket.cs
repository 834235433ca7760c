using NanoRelay.Dns;

namespace NanoRelay.Testing
{
    /// <summary>
    /// Builds DNS messages for tests (RFC 1035 §4.1): a response header and question, then answer
    /// records whose owner is the question's name (a pointer to offset 12) or a written name.
    /// </summary>
    public sealed class DnsPacket
    {
        private readonly byte[] _b = new byte[8192];
        private int _n;
        private int _rdlength;

        /// <summary>A response (QR=1, RD, RA) to the query for name and type, with the rcode.</summary>
        public static DnsPacket Response(string name, int type, int rcode)
        {
            DnsPacket p = new DnsPacket();
            p._n = DnsQuery.Write(p._b, 0, name, type);
            p._b[2] = 0x81;                     // QR=1, RD=1
            p._b[3] = (byte)(0x80 | rcode);     // RA=1
            return p;
        }

        /// <summary>A raw message from its octets (for mangling).</summary>
        public static DnsPacket Raw(byte[] octets)
        {
            DnsPacket p = new DnsPacket();
            System.Array.Copy(octets, p._b, octets.Length);
            p._n = octets.Length;
            return p;
        }

        public int Length { get { return _n; } }

        /// <summary>The message's octets, a copy.</summary>
        public byte[] ToArray()
        {
            byte[] r = new byte[_n];
            System.Array.Copy(_b, r, _n);
            return r;
        }

        public DnsPacket Truncated()
        {
            _b[2] |= 0x02;
            return this;
        }

        public DnsPacket Id(int id)
        {
            _b[0] = (byte)(id >> 8);
            _b[1] = (byte)id;
            return this;
        }

        /// <summary>Starts an answer record; owner null: a pointer to the question's name.</summary>
        public DnsPacket Record(string owner, int type, int ttl)
        {
            if (owner == null)
            {
                _b[_n++] = 0xC0;
                _b[_n++] = 12;
            }
            else
            {
                _n += DnsName.Encode(owner, _b, _n);
            }

            U16(type);
            U16(DnsType.ClassIn);
            U16(ttl >> 16);
            U16(ttl);
            _rdlength = _n;
            U16(0);
            int an = (_b[6] << 8) | _b[7];
            an++;
            _b[6] = (byte)(an >> 8);
            _b[7] = (byte)an;
            return this;
        }

        /// <summary>Ends the record: RDLENGTH is what was written since <see cref="Record"/>.</summary>
        public DnsPacket End()
        {
            int len = _n - _rdlength - 2;
            _b[_rdlength] = (byte)(len >> 8);
            _b[_rdlength + 1] = (byte)len;
            return this;
        }

        public DnsPacket Mx(string owner, int preference, string exchange, int ttl)
        {
            Record(owner, DnsType.Mx, ttl);
            U16(preference);
            Name(exchange);
            return End();
        }

        public DnsPacket A(string owner, int a, int b, int c, int d, int ttl)
        {
            Record(owner, DnsType.A, ttl);
            Octet(a);
            Octet(b);
            Octet(c);
            Octet(d);
            return End();
        }

        public DnsPacket Aaaa(string owner, byte[] address, int ttl)
        {
            Record(owner, DnsType.Aaaa, ttl);
            for (int i = 0; i < 16; i++)
            {
                Octet(address[i]);
            }

            return End();
        }

        public DnsPacket CName(string owner, string target, int ttl)
        {
            Record(owner, DnsType.CName, ttl);
            Name(target);
            return End();
        }

        public DnsPacket Name(string name)
        {
            _n += DnsName.Encode(name, _b, _n);
            return this;
        }

        /// <summary>A compression pointer (RFC 1035 §4.1.4) to <paramref name="offset"/>.</summary>
        public DnsPacket Pointer(int offset)
        {
            _b[_n++] = (byte)(0xC0 | (offset >> 8));
            _b[_n++] = (byte)offset;
            return this;
        }

        public DnsPacket Octet(int b)
        {
            _b[_n++] = (byte)b;
            return this;
        }

        public DnsPacket U16(int v)
        {
            _b[_n++] = (byte)(v >> 8);
            _b[_n++] = (byte)v;
            return this;
        }

        /// <summary>Sets octet i (to break a message on purpose).</summary>
        public DnsPacket Set(int i, int value)
        {
            _b[i] = (byte)value;
            return this;
        }

        /// <summary>Cuts the message to its first <paramref name="length"/> octets.</summary>
        public DnsPacket Cut(int length)
        {
            _n = length;
            return this;
        }
    }
}

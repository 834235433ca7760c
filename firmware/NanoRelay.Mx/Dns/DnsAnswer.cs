namespace NanoRelay.Dns
{
    /// <summary>
    /// The result of one lookup: a status and up to Limits.DnsAnswers records of the asked type
    /// (MX preference and host, or an address of 4 or 16 octets). Arrays are made once, with the
    /// answer, so filling it allocates only the MX host names.
    /// </summary>
    public sealed class DnsAnswer
    {
        private readonly int[] _preferences = new int[Limits.DnsAnswers];
        private readonly string[] _hosts = new string[Limits.DnsAnswers];
        private readonly byte[] _addresses = new byte[Limits.DnsAnswers * 16];

        public DnsStatus Status { get; set; }

        /// <summary>The type asked for.</summary>
        public int Type { get; private set; }

        public int Count { get; private set; }

        /// <summary>The smallest TTL of the records used, in seconds.</summary>
        public int Ttl { get; private set; }

        /// <summary>With NoData: the end of a CNAME chain the server did not follow, to ask for next.</summary>
        public string Alias { get; set; }

        /// <summary>A line for logs and the queue: which server said what.</summary>
        public string Detail { get; set; }

        /// <summary>Empties the answer for a lookup of <paramref name="type"/>.</summary>
        public void Reset(int type)
        {
            Type = type;
            Count = 0;
            Ttl = int.MaxValue;
            Alias = null;
            Detail = null;
            Status = DnsStatus.NoData;
        }

        /// <summary>MX preference of record i (RFC 1035 §3.3.9: lower is preferred).</summary>
        public int Preference(int i)
        {
            return _preferences[i];
        }

        /// <summary>MX exchange of record i ("" is the root: a null MX, RFC 7505).</summary>
        public string Host(int i)
        {
            return _hosts[i];
        }

        /// <summary>The octets of address i (4 for A, 16 for AAAA) start at i * 16 in <see cref="AddressBytes"/>.</summary>
        public byte[] AddressBytes { get { return _addresses; } }

        /// <summary>Address i as a literal: "192.0.2.1", or eight hex groups for IPv6.</summary>
        public string AddressText(int i)
        {
            int at = i * 16;
            if (Type == DnsType.A)
            {
                return _addresses[at].ToString() + "." + _addresses[at + 1].ToString() + "." + _addresses[at + 2].ToString() + "." + _addresses[at + 3].ToString();
            }

            char[] c = new char[39];
            int n = 0;
            for (int g = 0; g < 8; g++)
            {
                if (g > 0)
                {
                    c[n++] = ':';
                }

                int v = (_addresses[at + 2 * g] << 8) | _addresses[at + 2 * g + 1];
                bool started = false;
                for (int shift = 12; shift >= 0; shift -= 4)
                {
                    int d = (v >> shift) & 0xF;
                    if (d != 0 || started || shift == 0)
                    {
                        c[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
                        started = true;
                    }
                }
            }

            return new string(c, 0, n);
        }

        internal bool AddMx(int preference, string host, int ttl)
        {
            if (Count >= Limits.DnsAnswers)
            {
                return false;
            }

            _preferences[Count] = preference;
            _hosts[Count] = host;
            Count++;
            KeepTtl(ttl);
            return true;
        }

        internal bool AddAddress(byte[] message, int offset, int length, int ttl)
        {
            if (Count >= Limits.DnsAnswers)
            {
                return false;
            }

            System.Array.Copy(message, offset, _addresses, Count * 16, length);
            Count++;
            KeepTtl(ttl);
            return true;
        }

        /// <summary>An answer as it would come from the server (tests, a configured static route).</summary>
        public static DnsAnswer Of(int type, DnsStatus status)
        {
            DnsAnswer a = new DnsAnswer();
            a.Reset(type);
            a.Status = status;
            return a;
        }

        private void KeepTtl(int ttl)
        {
            if (ttl < Ttl)
            {
                Ttl = ttl;
            }
        }
    }
}

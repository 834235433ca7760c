using NanoRelay.Dns;
using NanoRelay.Ports;

namespace NanoRelay.Relay
{
    /// <summary>
    /// RFC 5321 §5.1 "Locating the Target Host": the MX records of a domain sorted by preference
    /// (equal preferences in random order, "to spread the load"), the domain itself as an implicit
    /// MX of preference 0 when it has none, a null MX (RFC 7505) and NXDOMAIN as final answers,
    /// and each host's addresses (A, then AAAA; RFC 3596).
    /// </summary>
    public sealed class MxLookup
    {
        private readonly DnsResolver _resolver;
        private readonly IRandom _random;
        private readonly byte[] _coin = new byte[1];

        public MxLookup(DnsResolver resolver, IRandom random)
        {
            _resolver = resolver;
            _random = random;
        }

        public DnsResolver Resolver { get { return _resolver; } }

        /// <summary>Where mail for <paramref name="domain"/> goes.</summary>
        public MxRoute Find(string domain)
        {
            DnsAnswer mx = _resolver.Resolve(domain, DnsType.Mx);
            switch (mx.Status)
            {
                case DnsStatus.Answer:
                    break;
                case DnsStatus.NoData:
                    // RFC 5321 §5.1: "If an empty list of MXs is returned, the address is treated as
                    // if it was associated with an implicit MX RR, with a preference of 0, pointing to that host."
                    return new MxRoute(MxRouteKind.Hosts, new string[] { domain }, new int[] { 0 }, "no MX: the domain's own address (" + mx.Detail + ")");
                case DnsStatus.NameError:
                    return new MxRoute(MxRouteKind.NoSuchDomain, null, null, mx.Detail);
                default:
                    return new MxRoute(MxRouteKind.TryLater, null, null, mx.Detail);
            }

            int count = 0;
            for (int i = 0; i < mx.Count; i++)
            {
                if (mx.Host(i).Length > 0)
                {
                    count++;
                }
            }

            if (count == 0)
            {
                // RFC 7505 §3: "a single MX RR with an RDATA of 0 and \".\"": no mail for this domain.
                return new MxRoute(MxRouteKind.NullMx, null, null, domain + " publishes a null MX (RFC 7505): it accepts no mail");
            }

            string[] hosts = new string[count];
            int[] prefs = new int[count];
            int n = 0;
            for (int i = 0; i < mx.Count; i++)
            {
                // RFC 7505 §3: a "." beside real MX records is a misconfiguration; the real ones are used.
                if (mx.Host(i).Length > 0)
                {
                    hosts[n] = mx.Host(i);
                    prefs[n] = mx.Preference(i);
                    n++;
                }
            }

            Order(hosts, prefs, count);
            return new MxRoute(MxRouteKind.Hosts, hosts, prefs, mx.Detail);
        }

        /// <summary>
        /// The addresses to connect to for an MX host (at most Limits.MxAddressesPerHost), or an
        /// empty array; <paramref name="why"/> then says what the DNS answered.
        /// </summary>
        public string[] AddressesOf(string host, out string why)
        {
            string[] found = new string[Limits.MxAddressesPerHost];
            int n = 0;
            why = null;
            DnsAnswer a = _resolver.Resolve(host, DnsType.A);
            for (int i = 0; i < a.Count && n < found.Length; i++)
            {
                found[n++] = a.AddressText(i);
            }

            if (n < found.Length)
            {
                DnsAnswer aaaa = _resolver.Resolve(host, DnsType.Aaaa);
                for (int i = 0; i < aaaa.Count && n < found.Length; i++)
                {
                    found[n++] = aaaa.AddressText(i);
                }

                if (n == 0)
                {
                    why = host + ": no address (" + a.Detail + "; " + aaaa.Detail + ")";
                }
            }

            string[] result = new string[n];
            System.Array.Copy(found, result, n);
            return result;
        }

        // RFC 5321 §5.1: "in order of preference (lowest first)" and "if there are multiple
        // destinations with the same preference ... the SMTP client SHOULD randomize them".
        private void Order(string[] hosts, int[] prefs, int count)
        {
            for (int i = 1; i < count; i++)
            {
                for (int j = i; j > 0 && prefs[j - 1] > prefs[j]; j--)
                {
                    Swap(hosts, prefs, j - 1, j);
                }
            }

            int start = 0;
            while (start < count)
            {
                int end = start + 1;
                while (end < count && prefs[end] == prefs[start])
                {
                    end++;
                }

                for (int i = end - 1; i > start; i--)
                {
                    _random.NextBytes(_coin, 0, 1);
                    int k = start + _coin[0] % (i - start + 1);
                    Swap(hosts, prefs, i, k);
                }

                start = end;
            }
        }

        private static void Swap(string[] hosts, int[] prefs, int a, int b)
        {
            string h = hosts[a];
            hosts[a] = hosts[b];
            hosts[b] = h;
            int p = prefs[a];
            prefs[a] = prefs[b];
            prefs[b] = p;
        }
    }
}

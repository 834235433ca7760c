using System;
using NanoRelay.Dns;
using NanoRelay.Testing;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// The DNS response parser (RFC 1035 §4.1, §4.1.4) and the resolver's receive path: bytes from a
    /// hostile or broken server. No exception; a name walk from any offset ends (pointer loops
    /// refused) with at most 255 octets; an answer keeps at most Limits.DnsAnswers records, each
    /// host a printable name without empty labels, each address 4 or 16 octets; a status the
    /// resolver can act on. Input: type pick, ID flag (1: the message gets the query's ID, so the
    /// fuzzer reaches past the ID check), then the message.
    /// </summary>
    public static class DnsResponseTarget
    {
        private static readonly int[] s_types = { DnsType.Mx, DnsType.A, DnsType.Aaaa, DnsType.Mx };
        private static readonly string[] s_names = { "example.org", "mx1.example.org", "a.example" };

        public static void Run(byte[] data)
        {
            FuzzInput input = new FuzzInput(data);
            int pick = input.Byte();
            bool ourId = (input.Byte() & 1) != 0;
            byte[] message = input.Rest();
            int type = s_types[pick & 3];
            string name = s_names[(pick >> 2) % s_names.Length];

            Names(message);
            Parse(message, name, type, ourId);
            Resolve(message, name, type);
        }

        // Every offset as the start of a name: each walk ends, and what it decodes is a bounded name.
        private static void Names(byte[] m)
        {
            for (int i = 0; i < m.Length; i++)
            {
                string s = DnsName.Decode(m, m.Length, i);
                FuzzFailure.Check(s == null || s.Length <= Limits.DnsName, "decoded a name of " + (s == null ? 0 : s.Length) + " characters");
                int end = DnsName.Skip(m, m.Length, i);
                FuzzFailure.Check(end == -1 || (end > i && end <= m.Length), "skip from " + i + " ended at " + end);
                int same = DnsName.Compare(m, m.Length, i, m, m.Length, i);
                FuzzFailure.Check(s == null || same == 1, "a name that decodes does not equal itself at " + i);
            }
        }

        private static void Parse(byte[] message, string name, int type, bool ourId)
        {
            byte[] q = new byte[300];
            int qn = DnsQuery.Write(q, 0x5A5A, name, type);
            if (ourId && message.Length >= 2)
            {
                message[0] = 0x5A;
                message[1] = 0x5A;
            }

            DnsAnswer a = new DnsAnswer();
            DnsStatus status = DnsResponse.Read(new DnsReader(), message, message.Length, q, qn, type, a);
            FuzzFailure.Check(a.Count >= 0 && a.Count <= Limits.DnsAnswers, "answer holds " + a.Count + " records");
            FuzzFailure.Check(status != DnsStatus.Answer || a.Count > 0, "an answer without records");
            FuzzFailure.Check(a.Alias == null || status == DnsStatus.NoData, "an alias with status " + status);
            for (int i = 0; i < a.Count && status == DnsStatus.Answer; i++)
            {
                if (type == DnsType.Mx)
                {
                    string h = a.Host(i);
                    FuzzFailure.Check(h != null && h.Length <= Limits.DnsName && !h.Contains("..") && !h.StartsWith('.') && !h.EndsWith('.'), "MX host '" + h + "'");
                    foreach (char c in h)
                    {
                        FuzzFailure.Check(c > ' ' && c < 0x7F, "MX host with character " + (int)c);
                    }
                }
                else
                {
                    string t = a.AddressText(i);
                    FuzzFailure.Check(t.Length >= 7 && t.Length <= 39, "address text '" + t + "'");
                }
            }
        }

        // The same bytes as the one datagram a resolver gets: it ends with a status, never a throw.
        private static void Resolve(byte[] message, string name, int type)
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Raw(message));
            DnsResolver r = new DnsResolver(udp, null, clock, new SeededRandom(1), new[] { DnsServer.Parse("127.0.0.1") }, null);
            r.Attempts = 1;
            DnsAnswer a = r.Resolve(name, type);
            FuzzFailure.Check(Enum.IsDefined(typeof(DnsStatus), a.Status) && a.Status != DnsStatus.Mismatch && a.Status != DnsStatus.Truncated, "resolver ended with " + a.Status);
            FuzzFailure.Check(udp.Opened == udp.Closed, "socket left open");
        }
    }
}

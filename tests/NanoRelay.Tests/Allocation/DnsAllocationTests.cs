using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Dns;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Allocation
{
    /// <summary>
    /// The DNS parser reads records in place: after a warm-up, parsing A and AAAA answers (and the
    /// CNAME chain before them) allocates 0 bytes however many records there are, and an MX answer
    /// allocates only its host names (the shape needs a string per exchange).
    /// </summary>
    [TestClass]
    public class DnsAllocationTests
    {
        private static (byte[] Message, byte[] Query, int QueryLength) Build(string name, int type, int records, bool cname)
        {
            DnsPacket p = DnsPacket.Response(name, type, 0);
            string owner = null;
            if (cname)
            {
                p.CName(null, "target." + name, 60);
                owner = "target." + name;
            }

            byte[] v6 = new byte[16];
            for (int i = 0; i < records; i++)
            {
                if (type == DnsType.A)
                {
                    p.A(owner, 10, 0, i >> 8, i & 0xFF, 60 + i);
                }
                else if (type == DnsType.Aaaa)
                {
                    v6[15] = (byte)i;
                    p.Aaaa(owner, v6, 60);
                }
                else
                {
                    p.Mx(owner, i, "mx" + i + ".example.org", 60);
                }
            }

            byte[] q = new byte[300];
            int qn = DnsQuery.Write(q, 0, name, type);
            return (p.ToArray(), q, qn);
        }

        private static long Allocated(DnsReader reader, DnsAnswer answer, (byte[] Message, byte[] Query, int QueryLength) m, int type, int rounds)
        {
            for (int i = 0; i < 50; i++)
            {
                DnsResponse.Read(reader, m.Message, m.Message.Length, m.Query, m.QueryLength, type, answer);   // warm-up (JIT)
            }

            int answered = 0;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < rounds; i++)
            {
                answered += DnsResponse.Read(reader, m.Message, m.Message.Length, m.Query, m.QueryLength, type, answer) == DnsStatus.Answer ? 1 : 0;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(rounds, answered);
            return allocated;
        }

        [TestMethod]
        [DataRow(DnsType.A, 1, false)]
        [DataRow(DnsType.A, 30, false)]
        [DataRow(DnsType.A, 30, true)]
        [DataRow(DnsType.Aaaa, 16, true)]
        public void AddressAnswers_Allocate0Bytes_PerRecordOrAtAll(int type, int records, bool cname)
        {
            var reader = new DnsReader();
            var answer = new DnsAnswer();
            long allocated = Allocated(reader, answer, Build("host.example.org", type, records, cname), type, 1000);
            Assert.AreEqual(0L, allocated, allocated + " bytes allocated parsing 1000 answers of " + records + " records");
            Assert.AreEqual(Math.Min(records, 16), answer.Count);
        }

        [TestMethod]
        public void MxAnswers_AllocateOnlyTheHostNames()
        {
            var reader = new DnsReader();
            var answer = new DnsAnswer();
            long one = Allocated(reader, answer, Build("example.org", DnsType.Mx, 1, false), DnsType.Mx, 100) / 100;
            long ten = Allocated(reader, answer, Build("example.org", DnsType.Mx, 10, false), DnsType.Mx, 100) / 100;
            // Per record: the decoded name (its char buffer and the string), nothing else.
            long perRecord = (ten - one) / 9;
            Assert.IsTrue(perRecord > 0 && perRecord <= 2 * (Limits.DnsName * 2 + 64), "bytes per MX record: " + perRecord);
            Assert.AreEqual(one, ten - 9 * perRecord, "the same for each record");
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Dns;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1035
{
    /// <summary>RFC 1035 §4.1 (and RFC 3596 §2 for AAAA): a response is believed only when it answers our query, and read with bounds everywhere.</summary>
    [TestClass]
    public class Section4_1_ResponseParsing
    {
        private static DnsStatus Read(DnsPacket response, string name, int type, DnsAnswer into)
        {
            byte[] q = new byte[300];
            int qn = DnsQuery.Write(q, 0x1234, name, type);
            byte[] m = response.ToArray();
            if (m.Length >= 2 && m[0] == 0 && m[1] == 0)
            {
                m[0] = 0x12;
                m[1] = 0x34;
            }

            return DnsResponse.Read(new DnsReader(), m, m.Length, q, qn, type, into);
        }

        [TestMethod]
        public void Query_HasOneQuestion_RecursionDesired_ClassIn()
        {
            byte[] q = new byte[300];
            int n = DnsQuery.Write(q, 0xBEEF, "example.org", DnsType.Mx);
            Assert.AreEqual(12 + 13 + 4, n);
            Assert.AreEqual(0xBE, (int)q[0]);
            Assert.AreEqual(0xEF, (int)q[1]);
            Assert.AreEqual(0x01, (int)q[2]);
            Assert.AreEqual(1, (int)q[5]);
            Assert.AreEqual(15, (int)q[n - 3]);
            Assert.AreEqual(1, (int)q[n - 1]);
            Assert.AreEqual(-1, DnsQuery.Write(q, 1, "bad..name", DnsType.A));
        }

        [TestMethod]
        public void MxAnswer_GivesPreferencesAndHosts_AndTheSmallestTtl()
        {
            DnsAnswer a = new DnsAnswer();
            DnsPacket p = DnsPacket.Response("example.org", DnsType.Mx, 0)
                .Mx(null, 20, "mx2.example.org", 600)
                .Mx(null, 10, "mx1.example.org", 300);
            Assert.IsTrue(Read(p, "example.org", DnsType.Mx, a) == DnsStatus.Answer);
            Assert.AreEqual(2, a.Count);
            Assert.AreEqual(20, a.Preference(0));
            Assert.AreEqual("mx2.example.org", a.Host(0));
            Assert.AreEqual("mx1.example.org", a.Host(1));
            Assert.AreEqual(300, a.Ttl);
        }

        [TestMethod]
        public void MxExchange_MayBeCompressed()
        {
            // "mx" + pointer to the question's name at 12.
            DnsPacket p = DnsPacket.Response("example.org", DnsType.Mx, 0);
            p.Record(null, DnsType.Mx, 60).U16(5).Octet(2).Octet('m').Octet('x').Pointer(12).End();
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(p, "EXAMPLE.org", DnsType.Mx, a) == DnsStatus.Answer);
            Assert.AreEqual("mx.example.org", a.Host(0));
        }

        [TestMethod]
        public void NullMx_IsTheRootAsExchange()
        {
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(DnsPacket.Response("nomail.test", DnsType.Mx, 0).Mx(null, 0, ".", 60), "nomail.test", DnsType.Mx, a) == DnsStatus.Answer);
            Assert.AreEqual("", a.Host(0));
        }

        [TestMethod]
        public void AAnswer_GivesTheAddress()
        {
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(DnsPacket.Response("mx1.example.org", DnsType.A, 0).A(null, 192, 0, 2, 25, 60), "mx1.example.org", DnsType.A, a) == DnsStatus.Answer);
            Assert.AreEqual("192.0.2.25", a.AddressText(0));
        }

        [TestMethod]
        public void AaaaAnswer_GivesTheAddress_Rfc3596()
        {
            byte[] v6 = new byte[16];
            v6[0] = 0x20;
            v6[1] = 0x01;
            v6[2] = 0x0d;
            v6[3] = 0xb8;
            v6[15] = 0x19;
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(DnsPacket.Response("mx1.example.org", DnsType.Aaaa, 0).Aaaa(null, v6, 60), "mx1.example.org", DnsType.Aaaa, a) == DnsStatus.Answer);
            Assert.AreEqual("2001:db8:0:0:0:0:0:19", a.AddressText(0));
        }

        [TestMethod]
        public void ARecordOfWrongLength_IsMalformed()
        {
            DnsPacket p = DnsPacket.Response("h.example", DnsType.A, 0);
            p.Record(null, DnsType.A, 60).Octet(1).Octet(2).Octet(3).End();
            Assert.IsTrue(Read(p, "h.example", DnsType.A, new DnsAnswer()) == DnsStatus.Invalid);
        }

        [TestMethod]
        public void WrongId_IsNotOurAnswer()
        {
            DnsPacket p = DnsPacket.Response("example.org", DnsType.Mx, 0).Id(0x4321).Mx(null, 10, "mx.example.org", 60);
            Assert.IsTrue(Read(p, "example.org", DnsType.Mx, new DnsAnswer()) == DnsStatus.Mismatch);
        }

        [TestMethod]
        public void OtherQuestion_IsNotOurAnswer()
        {
            DnsPacket p = DnsPacket.Response("example.net", DnsType.Mx, 0).Mx(null, 10, "mx.example.net", 60);
            Assert.IsTrue(Read(p, "example.org", DnsType.Mx, new DnsAnswer()) == DnsStatus.Mismatch);
            p = DnsPacket.Response("example.org", DnsType.A, 0);
            Assert.IsTrue(Read(p, "example.org", DnsType.Mx, new DnsAnswer()) == DnsStatus.Mismatch);
        }

        [TestMethod]
        public void AQuery_IsNotAnAnswer()
        {
            DnsPacket p = DnsPacket.Response("example.org", DnsType.Mx, 0).Set(2, 0x01);
            Assert.IsTrue(Read(p, "example.org", DnsType.Mx, new DnsAnswer()) == DnsStatus.Mismatch);
        }

        [TestMethod]
        public void AnswersForAnotherName_AreNeverUsed()
        {
            DnsPacket p = DnsPacket.Response("example.org", DnsType.Mx, 0).Mx("victim.example", 10, "evil.example", 60);
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(p, "example.org", DnsType.Mx, a) == DnsStatus.NoData);
            Assert.AreEqual(0, a.Count);
        }

        [TestMethod]
        public void NxDomain_SerFail_Refused_AreTold()
        {
            Assert.IsTrue(Read(DnsPacket.Response("gone.example", DnsType.Mx, DnsRcode.NameError), "gone.example", DnsType.Mx, new DnsAnswer()) == DnsStatus.NameError);
            Assert.IsTrue(Read(DnsPacket.Response("x.example", DnsType.Mx, DnsRcode.ServerFailure), "x.example", DnsType.Mx, new DnsAnswer()) == DnsStatus.ServerFailure);
            Assert.IsTrue(Read(DnsPacket.Response("x.example", DnsType.Mx, DnsRcode.Refused), "x.example", DnsType.Mx, new DnsAnswer()) == DnsStatus.ServerFailure);
            Assert.IsTrue(Read(DnsPacket.Response("x.example", DnsType.Mx, 0), "x.example", DnsType.Mx, new DnsAnswer()) == DnsStatus.NoData);
        }

        [TestMethod]
        public void TruncatedFlag_AsksForTcp()
        {
            Assert.IsTrue(Read(DnsPacket.Response("big.example", DnsType.Mx, 0).Truncated(), "big.example", DnsType.Mx, new DnsAnswer()) == DnsStatus.Truncated);
        }

        [TestMethod]
        public void EveryPrefixOfAValidAnswer_IsMalformedOrNotOurs_NeverThrows()
        {
            byte[] whole = DnsPacket.Response("example.org", DnsType.Mx, 0)
                .Mx(null, 10, "mx1.example.org", 60).Mx(null, 20, "mx2.example.org", 60).ToArray();
            byte[] q = new byte[300];
            int qn = DnsQuery.Write(q, 0, "example.org", DnsType.Mx);
            DnsReader r = new DnsReader();
            DnsAnswer a = new DnsAnswer();
            for (int n = 0; n < whole.Length; n++)
            {
                DnsStatus s = DnsResponse.Read(r, whole, n, q, qn, DnsType.Mx, a);
                Assert.IsTrue(s == DnsStatus.Invalid || s == DnsStatus.Mismatch);
            }

            Assert.IsTrue(DnsResponse.Read(r, whole, whole.Length, q, qn, DnsType.Mx, a) == DnsStatus.Answer);
        }

        [TestMethod]
        public void RecordLengthPastTheEnd_IsMalformed()
        {
            DnsPacket p = DnsPacket.Response("h.example", DnsType.A, 0).A(null, 1, 2, 3, 4, 60);
            p.Set(p.Length - 5, 200);   // RDLENGTH low octet
            Assert.IsTrue(Read(p, "h.example", DnsType.A, new DnsAnswer()) == DnsStatus.Invalid);
        }

        [TestMethod]
        public void AnswerCountLargerThanTheRecords_IsMalformed()
        {
            DnsPacket p = DnsPacket.Response("h.example", DnsType.A, 0).A(null, 1, 2, 3, 4, 60).Set(7, 3);
            Assert.IsTrue(Read(p, "h.example", DnsType.A, new DnsAnswer()) == DnsStatus.Invalid);
        }

        [TestMethod]
        public void CNameChain_IsFollowed_ToTheRecords()
        {
            DnsPacket p = DnsPacket.Response("mail.example", DnsType.A, 0)
                .CName(null, "host.example", 60)
                .A("other.example", 6, 6, 6, 6, 60)
                .A("host.example", 192, 0, 2, 7, 30);
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(p, "mail.example", DnsType.A, a) == DnsStatus.Answer);
            Assert.AreEqual(1, a.Count);
            Assert.AreEqual("192.0.2.7", a.AddressText(0));
        }

        [TestMethod]
        public void CNameChain_InReverseOrder_IsStillFollowed()
        {
            DnsPacket p = DnsPacket.Response("a.example", DnsType.A, 0)
                .A("c.example", 192, 0, 2, 9, 60)
                .CName("b.example", "c.example", 60)
                .CName(null, "b.example", 60);
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(p, "a.example", DnsType.A, a) == DnsStatus.Answer);
            Assert.AreEqual("192.0.2.9", a.AddressText(0));
        }

        [TestMethod]
        public void CNameLoop_IsMalformed()
        {
            DnsPacket p = DnsPacket.Response("a.example", DnsType.A, 0)
                .CName("a.example", "b.example", 60)
                .CName("b.example", "a.example", 60);
            Assert.IsTrue(Read(p, "a.example", DnsType.A, new DnsAnswer()) == DnsStatus.Invalid);
        }

        [TestMethod]
        public void CNameWithoutTheRecords_NamesTheAliasToAskNext()
        {
            DnsPacket p = DnsPacket.Response("a.example", DnsType.Mx, 0).CName(null, "b.example", 60);
            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(p, "a.example", DnsType.Mx, a) == DnsStatus.NoData);
            Assert.AreEqual("b.example", a.Alias);
        }

        [TestMethod]
        public void PointerLoopInsideAnAnswer_IsMalformed()
        {
            DnsPacket p = DnsPacket.Response("example.org", DnsType.Mx, 0);
            int at = p.Length;
            // The exchange at at+14 (after owner pointer, TYPE, CLASS, TTL, RDLENGTH, PREFERENCE):
            // "xyz" then a pointer back to itself: xyz.xyz.xyz... for ever, unless bounded.
            p.Record(null, DnsType.Mx, 60).U16(10).Octet(3).Octet('x').Octet('y').Octet('z').Pointer(at + 14).End();
            Assert.IsTrue(Read(p, "example.org", DnsType.Mx, new DnsAnswer()) == DnsStatus.Invalid);
        }

        [TestMethod]
        public void MoreRecordsThanKept_AreDroppedNotAnError()
        {
            DnsPacket p = DnsPacket.Response("many.example", DnsType.A, 0);
            for (int i = 0; i < 40; i++)
            {
                p.A(null, 10, 0, 0, i, 60);
            }

            DnsAnswer a = new DnsAnswer();
            Assert.IsTrue(Read(p, "many.example", DnsType.A, a) == DnsStatus.Answer);
            Assert.AreEqual(16, a.Count);
            Assert.AreEqual("10.0.0.15", a.AddressText(15));
        }
    }
}

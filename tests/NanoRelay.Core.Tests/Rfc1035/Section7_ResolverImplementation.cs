#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Dns;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1035
{
    /// <summary>
    /// RFC 1035 §7 (resolver), RFC 5452 §9 (answers from the server asked, with our ID and
    /// question), RFC 7766 §5 (TC=1 asked again over TCP): the client over a scripted datagram port.
    /// </summary>
    [TestClass]
    public class Section7_ResolverImplementation
    {
        private static DnsResolver Resolver(ScriptedDatagramPort udp, ScriptedDnsTcp tcp, ManualClock clock, string servers)
        {
            string[] list = servers.Split(',');
            DnsServer[] s = new DnsServer[list.Length];
            for (int i = 0; i < list.Length; i++)
            {
                s[i] = DnsServer.Parse(list[i]);
            }

            return new DnsResolver(udp, tcp, clock, new SeededRandom(7), s, null);
        }

        private static DnsPacket Mx(string domain)
        {
            return DnsPacket.Response(domain, DnsType.Mx, 0).Mx(null, 10, "mx1." + domain, 300);
        }

        [TestMethod]
        public void Answer_FromTheServerAsked_IsTaken()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(Mx("a.test"));
            DnsAnswer a = Resolver(udp, null, clock, "127.0.0.1").Resolve("a.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Answer);
            Assert.AreEqual("mx1.a.test", a.Host(0));
            Assert.AreEqual("127.0.0.1", udp.LastAddress);
            Assert.AreEqual(53, udp.LastPort);
            Assert.AreEqual(udp.Opened, udp.Closed);
        }

        [TestMethod]
        public void ConfiguredPort_IsUsed()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().ReplyFrom(Mx("a.test"), "127.0.0.1", 5353, false);
            DnsAnswer a = Resolver(udp, null, clock, "127.0.0.1:5353").Resolve("a.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Answer);
            Assert.AreEqual(5353, udp.LastPort);
        }

        [TestMethod]
        public void WrongId_WrongSource_WrongPort_AreIgnored_ThenTheRealAnswerCounts()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn()
                .ReplyFrom(DnsPacket.Response("a.test", DnsType.Mx, 0).Id(1).Mx(null, 1, "evil.test", 60), "127.0.0.1", 53, true)
                .ReplyFrom(DnsPacket.Response("a.test", DnsType.Mx, 0).Mx(null, 1, "evil.test", 60), "127.0.0.2", 53, false)
                .ReplyFrom(DnsPacket.Response("a.test", DnsType.Mx, 0).Mx(null, 1, "evil.test", 60), "127.0.0.1", 54, false)
                .ReplyFrom(DnsPacket.Response("b.test", DnsType.Mx, 0).Mx(null, 1, "evil.test", 60), "127.0.0.1", 53, false)
                .Reply(Mx("a.test"));
            DnsResolver r = Resolver(udp, null, clock, "127.0.0.1");
            DnsAnswer a = r.Resolve("a.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Answer);
            Assert.AreEqual("mx1.a.test", a.Host(0));
            Assert.AreEqual(4, r.Ignored);
            Assert.AreEqual(1, udp.Sent);
        }

        [TestMethod]
        public void EachQuery_HasANewRandomId()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(Mx("a.test")).Turn().Reply(Mx("b.test"));
            DnsResolver r = Resolver(udp, null, clock, "127.0.0.1");
            r.Resolve("a.test", DnsType.Mx);
            int first = DnsQuery.IdOf(udp.LastQuery);
            r.Resolve("b.test", DnsType.Mx);
            Assert.IsFalse(first == DnsQuery.IdOf(udp.LastQuery));
        }

        [TestMethod]
        public void Timeout_MovesToTheNextServer()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Turn().ReplyFrom(Mx("a.test"), "127.0.0.2", 53, false);
            DnsResolver r = Resolver(udp, null, clock, "127.0.0.1,127.0.0.2");
            DnsAnswer a = r.Resolve("a.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Answer);
            Assert.AreEqual(2, udp.Sent);
            Assert.AreEqual(3000L, clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void NoAnswerAnywhere_IsTimeout_AfterEveryServerAndAttempt()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            DnsResolver r = Resolver(udp, null, clock, "127.0.0.1,127.0.0.2");
            DnsAnswer a = r.Resolve("a.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Timeout);
            Assert.AreEqual(4, udp.Sent);
            Assert.AreEqual(12000L, clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void ServFail_MovesToTheNextServer_NxDomainIsFinal()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("gone.test", DnsType.Mx, DnsRcode.ServerFailure))
               .Turn().ReplyFrom(DnsPacket.Response("gone.test", DnsType.Mx, DnsRcode.NameError), "127.0.0.2", 53, false);
            DnsResolver r = Resolver(udp, null, clock, "127.0.0.1,127.0.0.2");
            DnsAnswer a = r.Resolve("gone.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.NameError);
            Assert.AreEqual(2, udp.Sent);
            Assert.AreEqual(0L, clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void ServFailEverywhere_IsServerFailure_NotTimeout()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("x.test", DnsType.Mx, DnsRcode.ServerFailure)).Turn().Turn();
            DnsAnswer a = Resolver(udp, null, clock, "127.0.0.1").Resolve("x.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.ServerFailure);
            Assert.AreEqual(2, udp.Sent);
        }

        [TestMethod]
        public void TruncatedAnswer_IsAskedAgainOverTcp_WithALengthPrefix()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().ReplyFrom(DnsPacket.Response("big.test", DnsType.Mx, 0).Truncated(), "127.0.0.1", 5353, false);
            DnsPacket full = DnsPacket.Response("big.test", DnsType.Mx, 0);
            for (int i = 0; i < 12; i++)
            {
                full.Mx(null, i, "mx" + i.ToString() + ".big.test", 60);
            }

            ScriptedDnsTcp tcp = new ScriptedDnsTcp(udp, full);
            DnsResolver r = Resolver(udp, tcp, clock, "127.0.0.1:5353");
            DnsAnswer a = r.Resolve("big.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Answer);
            Assert.AreEqual(12, a.Count);
            Assert.AreEqual(1, tcp.Connects);
            Assert.AreEqual(5353, tcp.LastPort);
            byte[] sent = tcp.Last.Written;
            Assert.AreEqual(udp.LastQuery.Length, (sent[0] << 8) | sent[1]);
            Assert.AreEqual(udp.LastQuery.Length + 2, sent.Length);
            Assert.IsTrue(tcp.Last.IsClosed);
        }

        [TestMethod]
        public void TcpRefused_MovesOn()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("big.test", DnsType.Mx, 0).Truncated());
            DnsAnswer a = Resolver(udp, new ScriptedDnsTcp(udp, null), clock, "127.0.0.1").Resolve("big.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.ServerFailure);
        }

        [TestMethod]
        public void Answer_IsCachedForItsTtl_ThenAskedAgain()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(Mx("a.test")).Turn().Reply(Mx("a.test"));
            DnsResolver r = Resolver(udp, null, clock, "127.0.0.1");
            r.Resolve("a.test", DnsType.Mx);
            clock.Advance(299 * 1000);
            Assert.IsTrue(r.Resolve("A.TEST", DnsType.Mx).Status == DnsStatus.Answer);
            Assert.AreEqual(1, udp.Sent);
            clock.Advance(1000);
            Assert.IsTrue(r.Resolve("a.test", DnsType.Mx).Status == DnsStatus.Answer);
            Assert.AreEqual(2, udp.Sent);
        }

        [TestMethod]
        public void Cache_HasAFixedNumberOfEntries_AndBoundsTheTtl()
        {
            DnsCache c = new DnsCache();
            DnsAnswer a = DnsAnswer.Of(DnsType.A, DnsStatus.Answer);
            DnsPacket p = DnsPacket.Response("h.test", DnsType.A, 0).A(null, 1, 2, 3, 4, 86400 * 7);
            byte[] q = new byte[64];
            int qn = DnsQuery.Write(q, 0, "h.test", DnsType.A);
            DnsResponse.Read(new DnsReader(), p.ToArray(), p.Length, q, qn, DnsType.A, a);
            for (int i = 0; i < 40; i++)
            {
                c.Store("h" + i.ToString() + ".test", DnsType.A, a, 0);
            }

            Assert.AreEqual(16, c.Count(0));
            Assert.IsNotNull(c.Find("h39.test", DnsType.A, 3599 * 1000L));
            Assert.IsNull(c.Find("h39.test", DnsType.A, 3600 * 1000L));
        }

        [TestMethod]
        public void CNameTheServerDidNotFollow_IsAskedForNext_Bounded()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("a.test", DnsType.Mx, 0).CName(null, "b.test", 60))
               .Turn().Reply(Mx("b.test"));
            DnsAnswer a = Resolver(udp, null, clock, "127.0.0.1").Resolve("a.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Answer);
            Assert.AreEqual("mx1.b.test", a.Host(0));

            udp = new ScriptedDatagramPort(clock);
            for (int i = 0; i < 20; i++)
            {
                string from = "c" + i.ToString() + ".test";
                udp.Turn().Reply(DnsPacket.Response(from, DnsType.Mx, 0).CName(null, "c" + (i + 1).ToString() + ".test", 60));
            }

            a = Resolver(udp, null, clock, "127.0.0.1").Resolve("c0.test", DnsType.Mx);
            Assert.IsTrue(a.Status == DnsStatus.Invalid);
            Assert.AreEqual(9, udp.Sent);
        }

        [TestMethod]
        public void OverlongDatagram_IsMalformed_NotRead()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            DnsPacket big = DnsPacket.Response("a.test", DnsType.A, 0);
            for (int i = 0; i < 40; i++)
            {
                big.A(null, 10, 0, 0, i, 60);
            }

            udp.Turn().Reply(big).Turn();
            DnsAnswer a = Resolver(udp, null, clock, "127.0.0.1").Resolve("a.test", DnsType.A);
            Assert.IsTrue(a.Status == DnsStatus.ServerFailure);
        }

        [TestMethod]
        [DataRow("192.168.1.1", "192.168.1.1", 53)]
        [DataRow("127.0.0.1:5353", "127.0.0.1", 5353)]
        [DataRow("::1", "::1", 53)]
        [DataRow("[::1]:5353", "::1", 5353)]
        public void ServerAddress_IsParsed(string text, string address, int port)
        {
            DnsServer s = DnsServer.Parse(text);
            Assert.AreEqual(address, s.Address);
            Assert.AreEqual(port, s.Port);
        }

        [TestMethod]
        [DataRow("dns.example")]
        [DataRow("127.0.0.1:0")]
        [DataRow("127.0.0.1:65536")]
        [DataRow("[::1")]
        [DataRow("")]
        public void ServerAddress_NotALiteral_IsRefused(string text)
        {
            Assert.IsNull(DnsServer.Parse(text));
        }
    }
}

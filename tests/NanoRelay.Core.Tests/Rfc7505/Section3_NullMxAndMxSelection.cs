#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Dns;
using NanoRelay.Relay;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc7505
{
    /// <summary>
    /// RFC 7505 §3 (a null MX: no mail) and RFC 5321 §5.1 (MX hosts by preference, equal ones in
    /// random order, the domain itself when it has no MX, NXDOMAIN final, no answer temporary).
    /// </summary>
    [TestClass]
    public class Section3_NullMxAndMxSelection
    {
        private static MxLookup Lookup(ScriptedDatagramPort udp, ManualClock clock, uint seed)
        {
            DnsServer[] s = new DnsServer[] { DnsServer.Parse("127.0.0.1") };
            return new MxLookup(new DnsResolver(udp, null, clock, new SeededRandom(seed), s, null), new SeededRandom(seed));
        }

        [TestMethod]
        public void Hosts_AreOrderedByPreference_LowestFirst()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("a.test", DnsType.Mx, 0)
                .Mx(null, 30, "c.a.test", 60).Mx(null, 10, "a.a.test", 60).Mx(null, 20, "b.a.test", 60));
            MxRoute r = Lookup(udp, clock, 1).Find("a.test");
            Assert.IsTrue(r.Kind == MxRouteKind.Hosts);
            Assert.AreEqual(3, r.Hosts.Length);
            Assert.AreEqual("a.a.test", r.Hosts[0]);
            Assert.AreEqual("b.a.test", r.Hosts[1]);
            Assert.AreEqual("c.a.test", r.Hosts[2]);
        }

        [TestMethod]
        public void EqualPreferences_AreTriedInRandomOrder_AfterTheBetterOnes()
        {
            int xFirst = 0;
            for (uint seed = 1; seed <= 24; seed++)
            {
                ManualClock clock = new ManualClock();
                ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
                udp.Turn().Reply(DnsPacket.Response("a.test", DnsType.Mx, 0)
                    .Mx(null, 20, "x.a.test", 60).Mx(null, 20, "y.a.test", 60).Mx(null, 5, "best.a.test", 60).Mx(null, 90, "last.a.test", 60));
                MxRoute r = Lookup(udp, clock, seed).Find("a.test");
                Assert.AreEqual("best.a.test", r.Hosts[0]);
                Assert.AreEqual("last.a.test", r.Hosts[3]);
                Assert.IsTrue((r.Hosts[1] == "x.a.test" && r.Hosts[2] == "y.a.test") || (r.Hosts[1] == "y.a.test" && r.Hosts[2] == "x.a.test"));
                if (r.Hosts[1] == "x.a.test")
                {
                    xFirst++;
                }
            }

            Assert.IsTrue(xFirst > 0 && xFirst < 24);
        }

        [TestMethod]
        public void NoMx_TheDomainItselfIsTheImplicitMx()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("plain.test", DnsType.Mx, 0))
               .Turn().Reply(DnsPacket.Response("plain.test", DnsType.A, 0).A(null, 127, 0, 0, 1, 60));
            MxLookup l = Lookup(udp, clock, 1);
            MxRoute r = l.Find("plain.test");
            Assert.IsTrue(r.Kind == MxRouteKind.Hosts);
            Assert.AreEqual(1, r.Hosts.Length);
            Assert.AreEqual("plain.test", r.Hosts[0]);
            string why;
            string[] addresses = l.AddressesOf("plain.test", out why);
            Assert.AreEqual(1, addresses.Length);
            Assert.AreEqual("127.0.0.1", addresses[0]);
        }

        [TestMethod]
        public void NullMx_MeansNoMail()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("nomail.test", DnsType.Mx, 0).Mx(null, 0, ".", 60));
            MxRoute r = Lookup(udp, clock, 1).Find("nomail.test");
            Assert.IsTrue(r.Kind == MxRouteKind.NullMx);
            Assert.AreEqual(0, r.Hosts.Length);
        }

        [TestMethod]
        public void RootBesideRealMx_IsSkipped()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("mixed.test", DnsType.Mx, 0).Mx(null, 0, ".", 60).Mx(null, 10, "mx.mixed.test", 60));
            MxRoute r = Lookup(udp, clock, 1).Find("mixed.test");
            Assert.IsTrue(r.Kind == MxRouteKind.Hosts);
            Assert.AreEqual(1, r.Hosts.Length);
            Assert.AreEqual("mx.mixed.test", r.Hosts[0]);
        }

        [TestMethod]
        public void NxDomain_IsFinal_ServFailAndTimeout_AreTemporary()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("gone.test", DnsType.Mx, DnsRcode.NameError));
            Assert.IsTrue(Lookup(udp, clock, 1).Find("gone.test").Kind == MxRouteKind.NoSuchDomain);

            udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("sick.test", DnsType.Mx, DnsRcode.ServerFailure)).Turn();
            Assert.IsTrue(Lookup(udp, clock, 1).Find("sick.test").Kind == MxRouteKind.TryLater);

            udp = new ScriptedDatagramPort(clock);
            Assert.IsTrue(Lookup(udp, clock, 1).Find("silent.test").Kind == MxRouteKind.TryLater);
        }

        [TestMethod]
        public void Addresses_AThenAaaa_Bounded()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            byte[] v6 = new byte[16];
            v6[15] = 1;
            udp.Turn().Reply(DnsPacket.Response("mx.test", DnsType.A, 0))
               .Turn().Reply(DnsPacket.Response("mx.test", DnsType.Aaaa, 0).Aaaa(null, v6, 60).Aaaa(null, v6, 60).Aaaa(null, v6, 60));
            string why;
            string[] a = Lookup(udp, clock, 1).AddressesOf("mx.test", out why);
            Assert.AreEqual(2, a.Length);
            Assert.AreEqual("0:0:0:0:0:0:0:1", a[0]);
        }

        [TestMethod]
        public void NoAddress_SaysWhy()
        {
            ManualClock clock = new ManualClock();
            ScriptedDatagramPort udp = new ScriptedDatagramPort(clock);
            udp.Turn().Reply(DnsPacket.Response("dead.test", DnsType.A, DnsRcode.NameError))
               .Turn().Reply(DnsPacket.Response("dead.test", DnsType.Aaaa, DnsRcode.NameError));
            string why;
            Assert.AreEqual(0, Lookup(udp, clock, 1).AddressesOf("dead.test", out why).Length);
            Assert.IsNotNull(why);
        }
    }
}

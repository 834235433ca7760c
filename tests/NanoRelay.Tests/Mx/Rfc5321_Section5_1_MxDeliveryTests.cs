using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Dns;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Mx
{
    /// <summary>
    /// RFC 5321 §5.1 and RFC 7505 through the relay worker: a scripted DNS behind the datagram port,
    /// scripted MX hosts behind the connector, the real spool, mailbox, worker, MX upstream and SMTP client.
    /// </summary>
    [TestClass]
    public class Rfc5321_Section5_1_MxDeliveryTests
    {
        private sealed class Rig
        {
            public ManualClock Clock { get; } = new();
            public MemoryFileStore Files { get; } = new();
            public ZoneDatagramPort Dns { get; }
            public SmtpHosts Hosts { get; } = new();
            public Spool Spool { get; }
            public Mailbox Mailbox { get; }
            public RelayWorker Worker { get; }
            public MxUpstream Mx { get; }
            public MemoryLog Log { get; } = new();

            public Rig(string tls = "opportunistic")
            {
                Dns = new ZoneDatagramPort(Clock);
                Spool = new Spool(Files, Clock, new SeededRandom(1), 0, 1000);
                Spool.Open();
                Mailbox = new Mailbox(Files, new SeededRandom(2), 0, 1000);
                Mailbox.Open();
                var resolver = new DnsResolver(Dns, null, Clock, new SeededRandom(3), new[] { DnsServer.Parse("127.0.0.1:5353") }, Log);
                Mx = new MxUpstream(new MxLookup(resolver, new SeededRandom(4)), Hosts, Clock, Log, SmtpClientSettings.ForMx(2525, tls, null, "greenhouse 1"));
                Worker = new RelayWorker(Spool, Mailbox, Mx, Clock, new SeededRandom(5), new RetryPolicy(60, 3600, 72), "relay.test", Log);
            }

            public SpoolEntry Queue(params string[] recipients)
            {
                StoreWriter w = Spool.Begin("sensor@lan.test", recipients, "<m1@lan.test>");
                byte[] content = Encoding.ASCII.GetBytes("Subject: t\r\nMessage-ID: <m1@lan.test>\r\n\r\nbody\r\n");
                w.Write(content, 0, content.Length);
                return w.Commit();
            }

            public string Written(string address) => Hosts.Sessions[address].WrittenText;
        }

        [TestMethod]
        public void TwoDomains_EachGetsOneSession_WithItsRecipientsGrouped()
        {
            var r = new Rig();
            r.Dns.Mx("one.test", (10, "mx.one.test")).A("mx.one.test", 127, 0, 0, 11)
                 .Mx("two.test", (10, "mx.two.test")).A("mx.two.test", 127, 0, 0, 21);
            r.Hosts.At("127.0.0.11", SmtpHosts.Accepts2).At("127.0.0.21", SmtpHosts.Accepts1);
            r.Queue("a@one.test", "c@two.test", "b@ONE.test");

            r.Worker.RunDue();

            CollectionAssert.AreEqual(new[] { "127.0.0.11:2525", "127.0.0.21:2525" }, r.Hosts.Connects);
            string one = r.Written("127.0.0.11");
            StringAssert.Contains(one, "EHLO greenhouse-1\r\n");
            StringAssert.Contains(one, "RCPT TO:<a@one.test>");
            StringAssert.Contains(one, "RCPT TO:<b@ONE.test>");
            Assert.IsFalse(one.Contains("c@two.test"));
            Assert.IsFalse(one.Contains("AUTH"), "never AUTH on port 25");
            StringAssert.Contains(r.Written("127.0.0.21"), "RCPT TO:<c@two.test>");
            Assert.AreEqual(0, r.Spool.Count);
            Assert.AreEqual(1, r.Worker.Counters.Sent);
        }

        [TestMethod]
        public void DeadHost_Then4xxHost_ThenTheNextByPreference()
        {
            var r = new Rig();
            r.Dns.Mx("one.test", (30, "good.one.test"), (10, "dead.one.test"), (20, "busy.one.test"))
                 .A("dead.one.test", 127, 0, 0, 1).A("busy.one.test", 127, 0, 0, 2).A("good.one.test", 127, 0, 0, 3);
            r.Hosts.At("127.0.0.1", null).At("127.0.0.2", "421 4.3.2 busy, try later\r\n").At("127.0.0.3", SmtpHosts.Accepts1);
            r.Queue("a@one.test");

            r.Worker.RunDue();

            CollectionAssert.AreEqual(new[] { "127.0.0.1:2525", "127.0.0.2:2525", "127.0.0.3:2525" }, r.Hosts.Connects);
            Assert.AreEqual(0, r.Spool.Count);
            StringAssert.Contains(r.Log.Text, "busy.one.test[127.0.0.2]");
        }

        [TestMethod]
        public void EveryHostUnreachableOr4xx_StaysQueued_WithTheHostAndReply_AndIsRetriedAfterTheBackoff()
        {
            var r = new Rig();
            r.Dns.Mx("one.test", (10, "dead.one.test"), (20, "busy.one.test"))
                 .A("dead.one.test", 127, 0, 0, 1).A("busy.one.test", 127, 0, 0, 2);
            r.Hosts.At("127.0.0.1", null).At("127.0.0.2", "220 mx ESMTP\r\n250 mx\r\n451 4.7.1 greylisted\r\n221 bye\r\n");
            SpoolEntry e = r.Queue("a@one.test");

            r.Worker.RunDue();

            Assert.AreEqual(1, r.Spool.Count);
            Assert.AreEqual(0, r.Worker.Counters.Bounces);
            StringAssert.Contains(e.RecipientReplies[0], "busy.one.test[127.0.0.2]");
            StringAssert.Contains(e.RecipientReplies[0], "451 4.7.1 greylisted");
            Assert.AreEqual(RecipientState.Pending, e.RecipientStates[0]);

            r.Worker.RunDue();
            Assert.AreEqual(2, r.Hosts.Connects.Count, "not before the backoff");

            r.Hosts.At("127.0.0.2", SmtpHosts.Accepts1);
            r.Clock.Advance(61 * 1000);
            r.Worker.RunDue();
            Assert.AreEqual(0, r.Spool.Count);
            Assert.AreEqual(1, r.Worker.Counters.Sent);
        }

        [TestMethod]
        public void FiveHundredFromTheFirstHost_StopsThere_AndBounces()
        {
            var r = new Rig();
            r.Dns.Mx("one.test", (10, "mx1.one.test"), (20, "mx2.one.test"))
                 .A("mx1.one.test", 127, 0, 0, 1).A("mx2.one.test", 127, 0, 0, 2);
            r.Hosts.At("127.0.0.1", "220 mx ESMTP\r\n250 mx\r\n250 ok\r\n550 5.1.1 no such user\r\n221 bye\r\n").At("127.0.0.2", SmtpHosts.Accepts1);
            r.Queue("nobody@one.test");

            r.Worker.RunDue();

            CollectionAssert.AreEqual(new[] { "127.0.0.1:2525" }, r.Hosts.Connects);
            Assert.AreEqual(1, r.Worker.Counters.Bounces);
            Assert.AreEqual(0, r.Spool.Count);
        }

        [TestMethod]
        public void NullMx_BouncesAtOnce_WithoutAConnection()
        {
            var r = new Rig();
            r.Dns.Mx("nomail.test", (0, "."));
            SpoolEntry e = r.Queue("a@nomail.test");

            r.Worker.RunDue();

            Assert.AreEqual(0, r.Hosts.Connects.Count);
            Assert.AreEqual(1, r.Worker.Counters.Bounces);
            StringAssert.Contains(e.RecipientReplies[0], "556 5.1.10");
            Assert.AreEqual(RecipientState.Failed, e.RecipientStates[0]);
        }

        [TestMethod]
        public void NoMx_TheDomainsOwnAddressIsUsed()
        {
            var r = new Rig();
            r.Dns.A("plain.test", 127, 0, 0, 9);
            r.Hosts.At("127.0.0.9", SmtpHosts.Accepts1);
            r.Queue("a@plain.test");

            r.Worker.RunDue();

            CollectionAssert.AreEqual(new[] { "127.0.0.9:2525" }, r.Hosts.Connects);
            Assert.AreEqual(0, r.Spool.Count);
        }

        [TestMethod]
        public void NxDomain_Bounces_DnsTimeout_Waits()
        {
            var r = new Rig();
            r.Dns.Silent("slow.test");
            SpoolEntry e = r.Queue("a@gone.test", "b@slow.test");

            r.Worker.RunDue();

            Assert.AreEqual(RecipientState.Failed, e.RecipientStates[0]);
            StringAssert.Contains(e.RecipientReplies[0], "550 5.1.2");
            Assert.AreEqual(RecipientState.Pending, e.RecipientStates[1]);
            StringAssert.Contains(e.RecipientReplies[1], "451 4.4.3");
            Assert.AreEqual(1, r.Spool.Count);
            Assert.AreEqual(0, r.Hosts.Connects.Count);
        }

        [TestMethod]
        public void StartTls_IsUsedWhenOffered_AndPlaintextGoesOnWhenItIsNot()
        {
            var r = new Rig();
            r.Dns.Mx("tls.test", (10, "mx.tls.test")).A("mx.tls.test", 127, 0, 0, 5)
                 .Mx("plain.test", (10, "mx.plain.test")).A("mx.plain.test", 127, 0, 0, 6);
            r.Hosts.At("127.0.0.5", "220 mx ESMTP\r\n250-mx\r\n250 STARTTLS\r\n220 go ahead\r\n250 mx\r\n250 ok\r\n250 ok\r\n354 go\r\n250 ok\r\n221 bye\r\n")
                   .At("127.0.0.6", SmtpHosts.Accepts1);
            r.Queue("a@tls.test", "b@plain.test");

            r.Worker.RunDue();

            Assert.AreEqual(1, r.Hosts.Sessions["127.0.0.5"].TlsUpgrades);
            Assert.AreEqual(0, r.Hosts.Sessions["127.0.0.6"].TlsUpgrades);
            Assert.AreEqual(0, r.Spool.Count);
        }

        [TestMethod]
        public void TlsRequired_HostWithoutStartTls_IsNotGivenTheMail()
        {
            var r = new Rig("required");
            r.Dns.Mx("plain.test", (10, "mx.plain.test")).A("mx.plain.test", 127, 0, 0, 6);
            r.Hosts.At("127.0.0.6", SmtpHosts.Accepts1);
            SpoolEntry e = r.Queue("b@plain.test");

            r.Worker.RunDue();

            Assert.IsFalse(r.Written("127.0.0.6").Contains("MAIL FROM"));
            Assert.AreEqual(1, r.Spool.Count);
            StringAssert.Contains(e.RecipientReplies[0], "STARTTLS");
        }

        [TestMethod]
        public void OpportunisticStartTlsRefused_TheSameHostIsAskedAgainInPlaintext()
        {
            var r = new Rig();
            r.Dns.Mx("one.test", (10, "mx.one.test")).A("mx.one.test", 127, 0, 0, 11);
            r.Hosts.At("127.0.0.11", "220 mx ESMTP\r\n250-mx\r\n250 STARTTLS\r\n454 4.7.0 TLS not available\r\n221 bye\r\n", SmtpHosts.Accepts1);
            r.Queue("a@one.test");

            r.Worker.RunDue();

            CollectionAssert.AreEqual(new[] { "127.0.0.11:2525", "127.0.0.11:2525" }, r.Hosts.Connects);
            Assert.AreEqual(0, r.Spool.Count);
            Assert.AreEqual(1, r.Worker.Counters.Sent);
        }

        [TestMethod]
        public void Rfc1047_QuitWaitsUntilTheWorkerEndsTheSession()
        {
            var r = new Rig();
            r.Dns.Mx("one.test", (10, "mx.one.test")).A("mx.one.test", 127, 0, 0, 11);
            r.Hosts.At("127.0.0.11", SmtpHosts.Accepts1);
            SpoolEntry e = r.Queue("a@one.test");

            UpstreamResult result = r.Mx.Send(new OutboundMessage(r.Spool, e, new[] { "a@one.test" }));

            Assert.AreEqual(RecipientState.Delivered, result.Outcomes[0]);
            Assert.IsFalse(r.Written("127.0.0.11").Contains("QUIT"), "no QUIT before the outcome is recorded");
            r.Mx.EndSession();
            StringAssert.EndsWith(r.Written("127.0.0.11"), "QUIT\r\n");
            Assert.IsTrue(r.Hosts.Sessions["127.0.0.11"].IsClosed);
        }

        [TestMethod]
        public void DnsQueries_GoToTheConfiguredResolverAndPort()
        {
            var r = new Rig();
            r.Dns.Mx("one.test", (10, "mx.one.test")).A("mx.one.test", 127, 0, 0, 11);
            r.Hosts.At("127.0.0.11", SmtpHosts.Accepts1);
            r.Queue("a@one.test");
            r.Worker.RunDue();
            Assert.AreEqual("127.0.0.1", r.Dns.RemoteAddress);
            Assert.AreEqual(5353, r.Dns.RemotePort);
            Assert.AreEqual("one.test/MX", r.Dns.Asked.First());
        }
    }
}

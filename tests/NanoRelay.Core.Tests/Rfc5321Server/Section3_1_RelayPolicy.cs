#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>The relay policy (RFC 5321 §3.1 554 greeting, §7.1 open relays): docs/catalogue.md #21, and allowFrom CIDR matching.</summary>
    [TestClass]
    public class Section3_1_RelayPolicy
    {
        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case21_OpenRelayProbesFromLan_550_5_7_1_NothingQueued(int mode)
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("open-relay-probes", mode, h);
            Assert.AreEqual(0, h.Sink.Begun);
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case21_OutsideClient_554Greeting_503UntilQuit(int mode)
        {
            ServerHarness h = new ServerHarness(ServerHarness.OutsideClient, false, ServerHarness.NewOptions());
            Transcript.Replay("refused-client", mode, h);
            Assert.AreEqual(0, h.Sink.Begun);
        }

        [TestMethod]
        public void Case21_OutsideClientThatCouldAuthenticate_GreetedButRelayDeniedUntilAuth()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.TlsAvailable = true;
            o.AddUser("alice", "wonderland");
            ServerHarness h = new ServerHarness(ServerHarness.OutsideClient, false, o);
            Assert.AreEqual("220 relay.test ESMTP nanoRelay\r\n", h.Start());
            h.Send("EHLO outside\r\n");
            h.Send("MAIL FROM:<>\r\n");
            Assert.AreEqual("550 5.7.1 Relay access denied\r\n", h.Send("RCPT TO:<victim@ext.example>\r\n"));
            Assert.AreEqual("554 5.5.1 Error: no valid recipients\r\n", h.Send("DATA\r\n"));
        }

        [TestMethod]
        [DataRow("192.168.1.0/24", "192.168.1.200", true)]
        [DataRow("192.168.1.0/24", "192.168.2.1", false)]
        [DataRow("10.0.0.0/8", "::ffff:10.9.8.7", true)]
        [DataRow("10.0.0.0/8", "11.0.0.1", false)]
        [DataRow("127.0.0.1", "127.0.0.1", true)]
        [DataRow("127.0.0.1", "127.0.0.2", false)]
        [DataRow("0.0.0.0/0", "8.8.8.8", true)]
        [DataRow("172.16.0.0/12", "172.31.255.255", true)]
        [DataRow("172.16.0.0/12", "172.32.0.0", false)]
        [DataRow("fd00::/8", "fd12:3456::1", true)]
        [DataRow("fd00::/8", "fe80::1", false)]
        [DataRow("::1", "::1", true)]
        [DataRow("2001:db8::/32", "2001:db8:ffff::1%eth0", true)]
        [DataRow("2001:db8::/33", "2001:db8:8000::1", false)]
        [DataRow("::ffff:192.168.0.0/120", "192.168.0.7", true)]
        [DataRow("192.168.1.0/24", "not-an-address", false)]
        public void AllowFrom_CidrMatch(string network, string address, bool expected)
        {
            Assert.AreEqual(expected, IpNetwork.Parse(network).Contains(address));
        }

        [TestMethod]
        [DataRow("192.168.1.0/33")]
        [DataRow("192.168.1/24")]
        [DataRow("192.168.01.0/24")]
        [DataRow("256.1.1.1")]
        [DataRow("1.2.3.4/")]
        [DataRow("1.2.3.4/-1")]
        [DataRow("fd00::/129")]
        [DataRow("1:2:3:4:5:6:7:8:9")]
        [DataRow("1::2::3")]
        [DataRow("12345::")]
        [DataRow(":1")]
        [DataRow("1:")]
        [DataRow("")]
        [DataRow("localhost")]
        public void AllowFrom_InvalidNetwork_IsNull(string network)
        {
            Assert.IsNull(IpNetwork.Parse(network));
        }

        [TestMethod]
        public void AllowFrom_InvalidEntry_ErrorNamesTheEntry()
        {
            try
            {
                RelayPolicy.Create(new string[] { "10.0.0.0/8", "10.0.0.0/99" });
                Assert.IsTrue(false, "no error");
            }
            catch (System.ArgumentException e)
            {
                Assert.IsTrue(e.Message.StartsWith("allowFrom[1]: '10.0.0.0/99'"), e.Message);
            }
        }
    }
}

using System;
#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>RFC 5321 §4.4: the Received header the ingress prepends; RFC 3848 protocol names.</summary>
    [TestClass]
    public class Section4_4_TraceInformation
    {
        [TestMethod]
        public void ReceivedHeader_FromEhloNameAndAddress_ByServer_WithEsmtp_IdAndDate()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            h.Send("Subject: x\r\n\r\nbody\r\n.\r\n");
            string text = h.Sink[0].Text;
            int end = text.IndexOf("Subject:");
            string header = text.Substring(0, end);
            Assert.AreEqual("Received: from client.lan ([192.168.1.20])\r\n\tby relay.test (nanoRelay) with ESMTP id ", header.Substring(0, 85));
            Assert.IsTrue(header.EndsWith(";\r\n\tFri, 27 Nov 2026 09:30:00 +0000\r\n"), header);
            string id = header.Substring(85, 12);
            for (int i = 0; i < id.Length; i++)
            {
                Assert.IsTrue("0123456789abcdef".IndexOf(id[i]) >= 0, id);
            }
        }

        [TestMethod]
        public void ReceivedHeader_Ipv6Peer_AddressLiteral()
        {
            ServerHarness h = new ServerHarness("fd00::20", false, ServerHarness.NewOptions());
            h.OpenData();
            h.Send(".\r\n");
            Assert.IsTrue(h.Sink[0].Text.StartsWith("Received: from client.lan ([IPv6:fd00::20])\r\n"), h.Sink[0].Text);
        }

        [TestMethod]
        public void ReceivedHeader_HostileEhloName_CannotBreakTheHeader()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO a(b);c\\d\"e\r\n");
            h.Send("MAIL FROM:<a@lan>\r\n");
            h.Send("RCPT TO:<o@example.com>\r\n");
            h.Send("DATA\r\n");
            h.Send(".\r\n");
            Assert.IsTrue(h.Sink[0].Text.StartsWith("Received: from a_b__c_d_e ([192.168.1.20])\r\n"), h.Sink[0].Text);
        }

        [TestMethod]
        [DataRow(2026, 1, 4, 0, 5, 9, "Sun, 04 Jan 2026 00:05:09 +0000")]
        [DataRow(2028, 2, 29, 23, 59, 59, "Tue, 29 Feb 2028 23:59:59 +0000")]
        [DataRow(2026, 12, 31, 12, 0, 0, "Thu, 31 Dec 2026 12:00:00 +0000")]
        public void Rfc5322_DateTime(int y, int mo, int d, int hh, int mm, int ss, string expected)
        {
            byte[] b = new byte[40];
            int n = ReceivedHeader.FormatDate(new DateTime(y, mo, d, hh, mm, ss), b, 0);
            Assert.AreEqual(expected, ServerHarness.Latin1(b, 0, n));
        }
    }
}

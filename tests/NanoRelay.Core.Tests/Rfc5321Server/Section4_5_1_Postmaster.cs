#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §4.5.1: "postmaster" (no domain, any case) MUST be accepted, from any client the
    /// relay greets; §3.6.1 / Appendix C: a source route is refused as what it is.
    /// </summary>
    [TestClass]
    public class Section4_5_1_Postmaster
    {
        [TestMethod]
        public void RcptPostmaster_FromTheLan_IsAccepted_AndQueued()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO printer.lan\r\n");
            h.Send("MAIL FROM:<printer@lan.test>\r\n");
            Assert.AreEqual("250 2.1.5 Ok\r\n", h.Send("RCPT TO:<postmaster>\r\n"));
            Assert.AreEqual("250 2.1.5 Ok\r\n", h.Send("RCPT TO:<PostMaster>\r\n"));
            h.Send("DATA\r\n");
            h.Send("Subject: toner\r\n\r\nlow\r\n.\r\n");
            Assert.AreEqual(1, h.Sink.Count);
            Assert.AreEqual("postmaster", h.Sink[0].Recipients[0]);
        }

        [TestMethod]
        public void RcptPostmaster_FromAnOutsideClientNotAuthenticated_IsAccepted_OthersStillDenied()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.TlsAvailable = true;
            o.AddUser("alice", "wonderland");
            ServerHarness h = new ServerHarness(ServerHarness.OutsideClient, false, o);
            h.Start();
            h.Send("EHLO outside\r\n");
            h.Send("MAIL FROM:<someone@outside.example>\r\n");
            Assert.AreEqual("250 2.1.5 Ok\r\n", h.Send("RCPT TO:<postmaster>\r\n"));
            Assert.AreEqual("550 5.7.1 Relay access denied\r\n", h.Send("RCPT TO:<victim@ext.example>\r\n"));
            Assert.AreEqual("550 5.7.1 Relay access denied\r\n", h.Send("RCPT TO:<postmaster%ext.example@relay.test>\r\n"));
        }

        [TestMethod]
        public void SourceRoute_IsRefusedAsASourceRoute_NotAsRelayDenied()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO printer.lan\r\n");
            h.Send("MAIL FROM:<>\r\n");
            Assert.AreEqual("550 5.7.1 Source routes are not accepted\r\n", h.Send("RCPT TO:<@relay.test:ops@example.com>\r\n"));
            Assert.AreEqual("550 5.7.1 Source routes are not accepted\r\n", h.Send("RCPT TO:<@a.example,@b.example:postmaster>\r\n"));
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Pop3;
using NanoRelay.Smtp.Server;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §4.5.3.2.7 and RFC 1939 §3 on a board with one session per service: before a client logs in or
    /// opens a mail transaction it gets Limits.OneSessionPreLoginTimeoutMs per command, not the RFC's minutes, so a
    /// silent client cannot hold the only slot; once it is using the session the RFC deadlines apply.
    /// </summary>
    [TestClass]
    public class Section4_5_3_2_OneSessionBoards
    {
        private static ServerHarness OneSlot()
        {
            SmtpServerOptions options = ServerHarness.NewOptions();
            new SmtpServer(options, 1, null, null, null, null, null);
            return new ServerHarness(ServerHarness.LanClient, false, options);
        }

        [TestMethod]
        public void OneSessionListener_SilentClientAfterTheGreeting_421After30Seconds()
        {
            ServerHarness h = OneSlot();
            h.Start();
            Assert.AreEqual(Limits.OneSessionPreLoginTimeoutMs, h.Session.ReadTimeoutMilliseconds);
            h.Clock.Advance(Limits.OneSessionPreLoginTimeoutMs);
            h.Session.TimedOut();
            Assert.AreEqual("421 4.4.2 relay.test Error: timeout exceeded\r\n", h.Take());
            Assert.IsTrue(h.Session.IsClosed);
        }

        [TestMethod]
        public void OneSessionListener_EhloIsNotYetUse_MailFromIs_ThenTheRfcDeadline()
        {
            ServerHarness h = OneSlot();
            h.Start();
            h.Send("EHLO cam.lan\r\n");
            Assert.AreEqual(Limits.OneSessionPreLoginTimeoutMs, h.Session.ReadTimeoutMilliseconds);
            h.Send("MAIL FROM:<cam@lan>\r\n");
            Assert.AreEqual(h.Options.CommandTimeoutMs, h.Session.ReadTimeoutMilliseconds);
            h.Send("RSET\r\n");
            Assert.AreEqual(h.Options.CommandTimeoutMs, h.Session.ReadTimeoutMilliseconds, "a client that used the session keeps the RFC deadline");
        }

        [TestMethod]
        public void SeveralSessions_KeepTheRfcDeadlineFromTheGreeting()
        {
            SmtpServerOptions options = ServerHarness.NewOptions();
            new SmtpServer(options, 3, null, null, null, null, null);
            ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, options);
            h.Start();
            Assert.AreEqual(Limits.SmtpServerIdleTimeoutMs, h.Session.ReadTimeoutMilliseconds);
        }

        [TestMethod]
        public void Pop3_OneSession_PreAuthIs30Seconds_SeveralKeepThreeMinutes()
        {
            Pop3ServerOptions options = new Pop3ServerOptions();
            Assert.AreEqual(Limits.Pop3PreAuthTimeoutMs, options.PreAuthTimeoutMilliseconds);
            options.MaxSessions = 1;
            Assert.AreEqual(Limits.OneSessionPreLoginTimeoutMs, options.PreAuthTimeoutMilliseconds);
            options.PreAuthTimeoutMilliseconds = 10000;
            Assert.AreEqual(10000, options.PreAuthTimeoutMilliseconds, "a shorter configured deadline stays");
            options.MaxSessions = 2;
            options.PreAuthTimeoutMilliseconds = Limits.Pop3PreAuthTimeoutMs;
            Assert.AreEqual(Limits.Pop3PreAuthTimeoutMs, options.PreAuthTimeoutMilliseconds);
        }
    }
}

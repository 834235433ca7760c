#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>RFC 3207 §4 and §4.2 on the ingress: docs/catalogue.md #12 (command injection) and #13 (state reset).</summary>
    [TestClass]
    public class Rfc3207_StartTls
    {
        internal static ServerHarness WithTls()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.TlsAvailable = true;
            return new ServerHarness(ServerHarness.LanClient, false, o);
        }

        [TestMethod]
        public void Case12_StartTlsCommandInjection_BufferedMailDiscarded_FirstTlsReplyAnswersFirstTlsCommand()
        {
            ServerHarness h = WithTls();
            Transcript.Replay("starttls-injection", Transcript.Whole, h);
            Assert.AreEqual(("MAIL FROM:<evil@x>\r\n").Length, h.Session.DiscardedBytes);
            Assert.IsTrue(h.Session.IsSecure);
            Assert.AreEqual(0, ServerHarness.CountReplies(h.All(), "250 2.1.0"), "no 250 for the injected MAIL");
            Assert.IsTrue(h.Log.Text.IndexOf("command injection") >= 0);
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case13_AfterHandshake_EhloForgotten_NoStartTlsAdvertised_SecondStartTlsRefused(int mode)
        {
            Transcript.Replay("starttls-reset", mode, WithTls());
        }

        [TestMethod]
        public void Case13_AuthenticationDoesNotSurviveTheHandshake()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.TlsAvailable = true;
            o.AddUser("alice", "wonderland");
            ServerHarness h = new ServerHarness("127.0.0.1", true, o);
            h.Start();
            h.Send("EHLO c\r\n");
            Assert.AreEqual("235 2.7.0 Authentication successful\r\n", h.Send("AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\r\n"));
            Assert.AreEqual("220 2.0.0 Ready to start TLS\r\n", h.Send("STARTTLS\r\n"));
            h.Session.TlsStarted();
            Assert.IsFalse(h.Session.IsAuthenticated);
            string ehlo = h.Send("EHLO c\r\n");
            Assert.IsTrue(ehlo.IndexOf("AUTH PLAIN LOGIN") > 0, ehlo);
            Assert.IsTrue(ehlo.IndexOf("STARTTLS") < 0, ehlo);
        }

        [TestMethod]
        public void StartTlsWithoutCertificate_502_NotAdvertised()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            Assert.IsTrue(h.Send("EHLO c\r\n").IndexOf("STARTTLS") < 0);
            Assert.AreEqual("502 5.5.1 Command not implemented\r\n", h.Send("STARTTLS\r\n"));
        }
    }
}

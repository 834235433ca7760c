#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>RFC 4954 AUTH on the ingress: docs/catalogue.md #14 (no AUTH in plaintext), #15 (edge cases), #16 (brute force).</summary>
    [TestClass]
    public class Rfc4954_Auth
    {
        private const string AlicePlain = "AGFsaWNlAHdvbmRlcmxhbmQ=";   // "[NUL]alice[NUL]wonderland"

        private static ServerHarness Harness(string address, bool loopback, bool tls)
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.TlsAvailable = tls;
            o.AddUser("alice", "wonderland");
            return new ServerHarness(address, loopback, o);
        }

        [TestMethod]
        public void Case14_AuthBeforeStartTls_NotAdvertised_538_CredentialsNeverChecked()
        {
            ServerHarness h = Harness(ServerHarness.LanClient, false, true);
            h.Start();
            string ehlo = h.Send("EHLO c\r\n");
            Assert.IsTrue(ehlo.IndexOf("AUTH") < 0, ehlo);
            Assert.AreEqual("538 5.7.11 Encryption required for requested authentication mechanism\r\n", h.Send("AUTH PLAIN " + AlicePlain + "\r\n"));
            Assert.IsFalse(h.Session.IsAuthenticated);
            Assert.AreEqual(0L, h.Clock.Slept, "no failure delay: the response was never looked at");
            Assert.AreEqual("538 5.7.11 Encryption required for requested authentication mechanism\r\n", h.Send("AUTH PLAIN AGJvYgB3cm9uZw==\r\n"));
            Assert.IsTrue(h.Log.Text.IndexOf(AlicePlain) < 0, "the response is never logged");
        }

        [TestMethod]
        public void Case14_AfterStartTls_AuthAdvertisedAndAccepted()
        {
            ServerHarness h = Harness(ServerHarness.OutsideClient, false, true);
            Assert.AreEqual("220 relay.test ESMTP nanoRelay\r\n", h.Start(), "an outside client that can authenticate is greeted");
            h.Send("EHLO c\r\n");
            Assert.AreEqual("550 5.7.1 Relay access denied\r\n", SendMailRcpt(h));
            h.Send("RSET\r\n");
            h.Send("STARTTLS\r\n");
            h.Session.TlsStarted();
            Assert.IsTrue(h.Send("EHLO c\r\n").IndexOf("250-AUTH PLAIN LOGIN\r\n") > 0);
            Assert.AreEqual("235 2.7.0 Authentication successful\r\n", h.Send("AUTH PLAIN " + AlicePlain + "\r\n"));
            Assert.AreEqual("250 2.1.5 Ok\r\n", SendMailRcpt(h));
            h.Send("DATA\r\n");
            h.Send("x\r\n.\r\n");
            Assert.IsTrue(h.Sink[0].Text.IndexOf(" with ESMTPSA id ") > 0, h.Sink[0].Text);
        }

        private static string SendMailRcpt(ServerHarness h)
        {
            h.Send("MAIL FROM:<a@lan>\r\n");
            return h.Send("RCPT TO:<ops@example.com>\r\n");
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case15_AuthEdgeCases_501_500_535_504_503_NeverAnException(int mode)
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.AddUser("alice", "wonderland");
            o.AuthFailureLimit = 10;
            o.BadCommandLimit = 50;
            ServerHarness h = new ServerHarness("127.0.0.1", true, o);
            Transcript.Replay("auth-edge-cases", mode, h);
            Assert.IsTrue(h.Log.Text.IndexOf("d29uZGVybGFuZA") < 0 && h.Log.Text.IndexOf("wonderland") < 0, "no password in the log");
        }

        [TestMethod]
        public void Case16_ThirdFailureInASession_421AndClose_WithGrowingDelay()
        {
            ServerHarness h = Harness("127.0.0.1", true, false);
            h.Start();
            h.Send("EHLO c\r\n");
            Assert.AreEqual("535 5.7.8 Authentication credentials invalid\r\n", h.Send("AUTH PLAIN AGFsaWNlAHdyb25n\r\n"));
            Assert.AreEqual(2000L, h.Clock.Slept);
            Assert.AreEqual("535 5.7.8 Authentication credentials invalid\r\n", h.Send("AUTH PLAIN AG1hbGxvcnkAd29uZGVybGFuZA==\r\n"));
            Assert.AreEqual(6000L, h.Clock.Slept);
            Assert.AreEqual("334 UGFzc3dvcmQ6\r\n", h.Send("AUTH LOGIN YWxpY2U=\r\n"));
            Assert.AreEqual("421 4.7.0 relay.test Error: too many authentication failures\r\n", h.Send("d3Jvbmc=\r\n"));
            Assert.IsTrue(h.Session.IsClosed);
            Assert.AreEqual(14000L, h.Clock.Slept);
        }

        [TestMethod]
        public void Case16_UnknownUserAndWrongPassword_SameReplyAndSameDelay()
        {
            ServerHarness known = Harness("127.0.0.1", true, false);
            ServerHarness unknown = Harness("127.0.0.1", true, false);
            known.Start();
            unknown.Start();
            known.Send("EHLO c\r\n");
            unknown.Send("EHLO c\r\n");
            string a = known.Send("AUTH PLAIN AGFsaWNlAHdyb25n\r\n");        // alice / wrong
            string b = unknown.Send("AUTH PLAIN AG1hbGxvcnkAd3Jvbmc=\r\n");   // mallory / wrong
            Assert.AreEqual(a, b);
            Assert.AreEqual(known.Clock.Slept, unknown.Clock.Slept);
        }

        [TestMethod]
        public void Case16_DelayIsCappedAt15Seconds()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.AddUser("alice", "wonderland");
            o.AuthFailureLimit = 8;
            ServerHarness h = new ServerHarness("127.0.0.1", true, o);
            h.Start();
            h.Send("EHLO c\r\n");
            long before = 0;
            long last = 0;
            for (int i = 0; i < 7; i++)
            {
                h.Send("AUTH PLAIN AGFsaWNlAHdyb25n\r\n");
                last = h.Clock.Slept - before;
                before = h.Clock.Slept;
            }

            Assert.AreEqual(15000L, last);
        }
    }
}

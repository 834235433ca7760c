#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 4954 §4 (501 for a response the server cannot use), RFC 4616 §2 (PLAIN: a NUL only as
    /// the two separators) and issue 12: a SASL response with a NUL elsewhere, or a LOGIN user
    /// name or password holding one, is refused before any field is compared, so nothing cut at
    /// the NUL (as a nanoCLR string would be) can ever log in. "[NUL]" is one 0x00 octet.
    /// </summary>
    [TestClass]
    public class Rfc4954_MalformedResponses
    {
        private const string Malformed = "501 5.5.2 Malformed authentication response\r\n";
        private const string Succeeded = "235 2.7.0 Authentication successful\r\n";
        private const string AskUser = "334 VXNlcm5hbWU6\r\n";
        private const string AskPassword = "334 UGFzc3dvcmQ6\r\n";
        private const string RelayDenied = "550 5.7.1 Relay access denied\r\n";

        private static ServerHarness Loopback()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.AddUser("alice", "wonderland");
            ServerHarness h = new ServerHarness("127.0.0.1", true, o);
            h.Start();
            h.Send("EHLO client.lan\r\n");
            return h;
        }

        // An outside client after STARTTLS: it may relay only once authenticated, so a login
        // that did not happen shows as 550 at RCPT.
        private static ServerHarness OutsideOverTls()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.TlsAvailable = true;
            o.AddUser("alice", "wonderland");
            ServerHarness h = new ServerHarness(ServerHarness.OutsideClient, false, o);
            h.Start();
            h.Send("EHLO client.example\r\n");
            h.Send("STARTTLS\r\n");
            h.Session.TlsStarted();
            h.Send("EHLO client.example\r\n");
            return h;
        }

        [TestMethod]
        [DataRow("[NUL]alice[NUL]wonderland[NUL]")]
        [DataRow("[NUL]alice[NUL]wonderland[NUL]x")]
        [DataRow("[NUL]alice[NUL]wonder[NUL]land")]
        [DataRow("[NUL]al[NUL]ice[NUL]wonderland")]
        [DataRow("alice[NUL]alice[NUL]wonderland[NUL]")]
        [DataRow("[NUL][NUL]alice[NUL]wonderland")]
        [DataRow("[NUL]alice[NUL][NUL]wonderland")]
        [DataRow("[NUL][NUL]wonderland")]
        [DataRow("[NUL]alice[NUL]")]
        [DataRow("alice[NUL]wonderland")]
        public void AuthPlain_NulOutsideTheTwoSeparators_501_NoLogin_NoDelay(string message)
        {
            ServerHarness h = Loopback();
            Assert.AreEqual(Malformed, h.Send("AUTH PLAIN " + Octets.Base64(message) + "\r\n"));
            Assert.IsFalse(h.Session.IsAuthenticated);
            Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
            Assert.AreEqual(0L, h.Clock.Slept, "a malformed response is not a guess");

            // The same after an empty challenge; then the session goes on and a good response works.
            Assert.AreEqual("334 \r\n", h.Send("AUTH PLAIN\r\n"));
            Assert.AreEqual(Malformed, h.Send(Octets.Base64(message) + "\r\n"));
            Assert.IsFalse(h.Session.IsAuthenticated);
            Assert.AreEqual(Succeeded, h.Send("AUTH PLAIN " + Octets.Base64("[NUL]alice[NUL]wonderland") + "\r\n"));
        }

        [TestMethod]
        public void AuthPlain_RightPasswordThenNul_NeverLogsIn()
        {
            // Cut at its third NUL this would be "[NUL]alice[NUL]wonderland": the right credentials.
            ServerHarness h = OutsideOverTls();
            Assert.AreEqual(Malformed, h.Send("AUTH PLAIN " + Octets.Base64("[NUL]alice[NUL]wonderland[NUL]mallory") + "\r\n"));
            Assert.IsFalse(h.Session.IsAuthenticated);
            Assert.AreEqual(RelayDenied, SendMailRcpt(h));
            Assert.AreEqual(Succeeded, h.Send("AUTH PLAIN " + Octets.Base64("[NUL]alice[NUL]wonderland") + "\r\n"));
            Assert.AreEqual("250 2.1.5 Ok\r\n", SendMailRcpt(h));
        }

        [TestMethod]
        public void AuthLogin_UserNameWithNul_501AtOnce_NoPasswordAsked()
        {
            ServerHarness h = Loopback();
            Assert.AreEqual(AskUser, h.Send("AUTH LOGIN\r\n"));
            Assert.AreEqual(Malformed, h.Send(Octets.Base64("alice[NUL]x") + "\r\n"));
            Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
            Assert.IsFalse(h.Session.IsAuthenticated);

            // As an initial response too; and afterwards the exchange works.
            Assert.AreEqual(Malformed, h.Send("AUTH LOGIN " + Octets.Base64("alice[NUL]") + "\r\n"));
            Assert.AreEqual(AskPassword, h.Send("AUTH LOGIN " + Octets.Base64("alice") + "\r\n"));
            Assert.AreEqual(Succeeded, h.Send(Octets.Base64("wonderland") + "\r\n"));
            Assert.AreEqual(0L, h.Clock.Slept);
        }

        [TestMethod]
        [DataRow("wonderland[NUL]")]
        [DataRow("wonderland[NUL]x")]
        [DataRow("wonder[NUL]land")]
        [DataRow("[NUL]wonderland")]
        public void AuthLogin_PasswordWithNul_501_NoLogin(string password)
        {
            ServerHarness h = OutsideOverTls();
            Assert.AreEqual(AskUser, h.Send("AUTH LOGIN\r\n"));
            Assert.AreEqual(AskPassword, h.Send(Octets.Base64("alice") + "\r\n"));
            Assert.AreEqual(Malformed, h.Send(Octets.Base64(password) + "\r\n"));
            Assert.IsFalse(h.Session.IsAuthenticated);
            Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
            Assert.AreEqual(0L, h.Clock.Slept);
            Assert.AreEqual(RelayDenied, SendMailRcpt(h));
        }

        [TestMethod]
        public void MalformedResponses_CountAsErrors_TenThen421()
        {
            ServerHarness h = Loopback();
            string replies = "";
            for (int i = 0; i < 10; i++)
            {
                replies += h.Send("AUTH PLAIN " + Octets.Base64("[NUL]alice[NUL]wonderland[NUL]") + "\r\n");
            }

            Assert.AreEqual(10, ServerHarness.CountReplies(replies, "501"));
            Assert.IsTrue(replies.EndsWith("421 4.7.0 relay.test Error: too many errors\r\n"), replies);
            Assert.IsTrue(h.Session.IsClosed);
            Assert.IsFalse(h.Session.IsAuthenticated);
        }

        private static string SendMailRcpt(ServerHarness h)
        {
            h.Send("MAIL FROM:<a@lan>\r\n");
            string r = h.Send("RCPT TO:<ops@example.com>\r\n");
            h.Send("RSET\r\n");
            return r;
        }
    }
}

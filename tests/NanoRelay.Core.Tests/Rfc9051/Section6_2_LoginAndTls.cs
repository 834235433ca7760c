#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>RFC 9051 §6.2: LOGIN, AUTHENTICATE PLAIN and STARTTLS; passwords only over TLS or from loopback.</summary>
    [TestClass]
    public class Section6_2_LoginAndTls
    {
        [TestMethod]
        public void OneSession_PreAuthIs30Seconds_LikePop3AndSmtp()
        {
            // A board with one IMAP slot must not let a silent client hold it for the RFC's minutes.
            NanoRelay.Imap.Server.ImapServerOptions options = new NanoRelay.Imap.Server.ImapServerOptions();
            Assert.AreEqual(Limits.ImapPreAuthTimeoutMs, options.PreAuthTimeoutMilliseconds);
            options.MaxSessions = 1;
            Assert.AreEqual(Limits.OneSessionPreLoginTimeoutMs, options.PreAuthTimeoutMilliseconds);
            options.MaxSessions = 2;
            Assert.AreEqual(Limits.ImapPreAuthTimeoutMs, options.PreAuthTimeoutMilliseconds);
        }

        [TestMethod]
        public void LoginBeforeStartTls_FromTheLan_PrivacyRequired()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a CAPABILITY\nb LOGIN tech secret\nz LOGOUT\n", false, false, 0);
            Assert.IsTrue(s.IndexOf("STARTTLS LOGINDISABLED\r\n") > 0, s);
            Assert.IsTrue(s.IndexOf("b NO [PRIVACYREQUIRED]") > 0, s);
        }

        [TestMethod]
        public void StartTls_PipelinedCommandsAreDiscarded()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a STARTTLS\nb LOGIN tech secret\n", false, false, 0);
            Assert.IsTrue(s.IndexOf("a OK Begin TLS negotiation now\r\n") > 0, s);
            Assert.IsTrue(s.IndexOf("b OK") < 0, s);
        }

        [TestMethod]
        public void AuthenticatePlain_WithAndWithoutInitialResponse()
        {
            ImapHarness h = new ImapHarness();
            // base64("\0tech\0secret") = AHRlY2gAc2VjcmV0
            string s = h.Run("a AUTHENTICATE PLAIN AHRlY2gAc2VjcmV0\nb LOGOUT\n");
            Assert.IsTrue(s.IndexOf("a OK AUTHENTICATE completed\r\n") > 0, s);
            s = h.Run("a AUTHENTICATE PLAIN\nAHRlY2gAc2VjcmV0\nb LOGOUT\n");
            Assert.IsTrue(s.IndexOf("+ \r\na OK AUTHENTICATE completed\r\n") > 0, s);
        }

        [TestMethod]
        public void WrongPassword_SameAnswer_ThenPenaltyByAddress()
        {
            ImapHarness h = new ImapHarness();
            string s = h.Run("a LOGIN tech wrong\nb LOGIN nobody secret\nz LOGOUT\n", false, true, 0);
            Assert.IsTrue(s.IndexOf("a NO [AUTHENTICATIONFAILED] Authentication failed.\r\nb NO [AUTHENTICATIONFAILED] Authentication failed.") > 0, s);
            for (int i = 0; i < 10; i++)
            {
                h.Run("a LOGIN tech wrong\n", false, true, 0);
            }

            s = h.Run("a LOGIN tech secret\n", false, true, 0);
            Assert.IsTrue(s.IndexOf("a NO [UNAVAILABLE]") > 0, s);
        }
    }
}

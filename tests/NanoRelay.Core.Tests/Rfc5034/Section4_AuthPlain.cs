#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;
using NanoRelay.Core.Tests.Rfc1939;

namespace NanoRelay.Core.Tests.Rfc5034
{
    /// <summary>RFC 5034 §4: AUTH PLAIN (RFC 4616) with an initial response or after "+ ", cancelled by "*".</summary>
    [TestClass]
    public class Section4_AuthPlain
    {
        private const string Greeting = "+OK POP3 server ready\r\n";
        private const string LoggedIn = "+OK tech's maildrop has 0 messages (0 octets)\r\n";
        private const string Failed = "-ERR [AUTH] Authentication failed.\r\n";
        private const string Malformed = "-ERR Malformed AUTH PLAIN response.\r\n";

        // base64("[NUL]tech[NUL]secret"), base64("tech[NUL]tech[NUL]secret"), base64("[NUL]tech[NUL]wrong"), base64("other[NUL]tech[NUL]secret")
        private const string Good = "AHRlY2gAc2VjcmV0";
        private const string GoodWithAuthzid = "dGVjaAB0ZWNoAHNlY3JldA==";
        private const string WrongPassword = "AHRlY2gAd3Jvbmc=";
        private const string OtherAuthzid = "b3RoZXIAdGVjaABzZWNyZXQ=";

        [TestMethod]
        public void InitialResponse_LogsIn()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + LoggedIn, h.Run("AUTH PLAIN " + Good + "\n", true, false));
            Assert.AreEqual(Greeting + LoggedIn, new Pop3Harness().Run("auth plain " + GoodWithAuthzid + "\n", true, false));
        }

        [TestMethod]
        public void EmptyChallenge_ThenResponse_LogsIn()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + "+ \r\n" + LoggedIn, h.Run("AUTH PLAIN\n" + Good + "\n", false, true));
        }

        [TestMethod]
        public void Star_CancelsTheExchange()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + "+ \r\n-ERR Authentication cancelled.\r\n+OK nanoRelay POP3 server signing off\r\n", h.Run("AUTH PLAIN\n*\nQUIT\n", true, false));
        }

        [TestMethod]
        public void WrongPasswordOrForeignAuthzid_FailsAfterTheDelay()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + Failed + Failed, Text.Replace(h.Run("AUTH PLAIN " + WrongPassword + "\nAUTH PLAIN\n" + OtherAuthzid + "\n", true, false), "+ \r\n", ""));
            Assert.AreEqual(2 * h.Options.AuthFailureDelayMilliseconds, h.Clock.Slept);
        }

        [TestMethod]
        public void BadBase64OrUnknownMechanism_IsRefused()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + "-ERR Invalid arguments.\r\n-ERR [AUTH] Unsupported authentication mechanism.\r\n+OK nanoRelay POP3 server signing off\r\n",
                h.Run("AUTH PLAIN AHRl!2gAc2VjcmV0\nAUTH CRAM-MD5\nQUIT\n", true, false));
        }

        // RFC 4616 §2 and issue 12: a NUL only as the two separators. Anything else is refused
        // before a field is compared, and is not a failed login (no delay); the session goes on.
        [TestMethod]
        [DataRow("[NUL]tech[NUL]secret[NUL]")]
        [DataRow("[NUL]tech[NUL]secret[NUL]x")]
        [DataRow("[NUL]tech[NUL]sec[NUL]ret")]
        [DataRow("[NUL]te[NUL]ch[NUL]secret")]
        [DataRow("tech[NUL]tech[NUL]secret[NUL]")]
        [DataRow("[NUL][NUL]tech[NUL]secret")]
        [DataRow("[NUL]tech[NUL][NUL]secret")]
        [DataRow("[NUL][NUL]secret")]
        [DataRow("[NUL]tech[NUL]")]
        [DataRow("tech[NUL]secret")]
        [DataRow("techsecret")]
        public void NulOutsideTheTwoSeparators_IsMalformed_NoLogin_SessionGoesOn(string message)
        {
            string response = Octets.Base64(message);
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + Malformed + LoggedIn, h.Run("AUTH PLAIN " + response + "\nAUTH PLAIN " + Good + "\n", true, false));
            Assert.AreEqual(0L, h.Clock.Slept);

            Pop3Harness after = new Pop3Harness();
            Assert.AreEqual(Greeting + "+ \r\n" + Malformed + "+OK nanoRelay POP3 server signing off\r\n", after.Run("AUTH PLAIN\n" + response + "\nQUIT\n", true, false));
            Assert.IsFalse(after.Maildrop.IsLocked);
        }

        [TestMethod]
        public void RightPasswordFollowedByNul_NeverLogsIn()
        {
            // Cut at its third NUL this would be "[NUL]tech[NUL]secret": the right credentials.
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + Malformed + "+OK nanoRelay POP3 server signing off\r\n", h.Run("AUTH PLAIN " + Octets.Base64("[NUL]tech[NUL]secret[NUL]admin") + "\nQUIT\n", true, false));
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Secrets_NeverReachTheLog()
        {
            Pop3Harness h = new Pop3Harness();
            h.Run("AUTH PLAIN " + Good + "\nQUIT\n", true, false);
            h.Run("AUTH PLAIN\n" + Good + "\nQUIT\n", true, false);
            h.Run("USER tech\nPASS secret\nQUIT\n", true, false);
            string log = h.Log.Text;
            Assert.IsTrue(log.IndexOf(Good) < 0);
            Assert.IsTrue(log.IndexOf("secret") < 0);
            Assert.IsTrue(log.IndexOf("C: AUTH PLAIN [redacted]") >= 0);
            Assert.IsTrue(log.IndexOf("C: PASS [redacted]") >= 0);
            Assert.IsTrue(log.IndexOf("C: [redacted]") >= 0);
        }
    }
}

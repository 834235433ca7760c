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

        // base64("\0tech\0secret"), base64("tech\0tech\0secret"), base64("\0tech\0wrong"), base64("other\0tech\0secret")
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

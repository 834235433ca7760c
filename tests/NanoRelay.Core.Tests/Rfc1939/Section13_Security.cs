#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>RFC 1939 §13 and docs/catalogue.md #54: no user enumeration, a delay on every failed login.</summary>
    [TestClass]
    public class Section13_Security
    {
        [TestMethod]
        public void Case54_KnownAndUnknownUsers_IdenticalRepliesAndDelays()
        {
            Pop3Harness known = new Pop3Harness();
            Pop3Harness unknown = new Pop3Harness();
            string k = known.Run("USER tech\nPASS wrong\n", true, false);
            string u = unknown.Run("USER nobody\nPASS wrong\n", true, false);
            Assert.AreEqual("+OK POP3 server ready\r\n+OK\r\n-ERR [AUTH] Authentication failed.\r\n", k);
            Assert.AreEqual(k, u);
            Assert.AreEqual(known.Clock.Slept, unknown.Clock.Slept);
            Assert.AreEqual(2000L, known.Clock.Slept);
        }

        [TestMethod]
        public void Case54_RightPasswordForAnotherName_Fails()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual("+OK POP3 server ready\r\n+OK\r\n-ERR [AUTH] Authentication failed.\r\n", h.Run("USER Tech\nPASS secret\n", true, false));
        }

        [TestMethod]
        public void ThreeFailedLogins_CloseTheConnection()
        {
            Pop3Harness h = new Pop3Harness();
            string s = h.Run("USER tech\nPASS a\nUSER tech\nPASS b\nUSER tech\nPASS c\nUSER tech\nPASS secret\n", true, false);
            Assert.IsTrue(s.EndsWith("+OK\r\n-ERR [AUTH] Authentication failed.\r\n"));
            Assert.AreEqual(3, s.Split('\n').Length - 1 - 4);
            Assert.AreEqual(6000L, h.Clock.Slept);
        }
    }
}

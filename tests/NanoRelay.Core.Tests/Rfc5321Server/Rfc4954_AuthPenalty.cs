#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Auth;
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 4954 §4 ("a delay or a limit on the number of attempts"), across connections: failed
    /// AUTH from one address is remembered after it reconnects (issue 14 item 7).
    /// </summary>
    [TestClass]
    public class Rfc4954_AuthPenalty
    {
        private const string AlicePlain = "AGFsaWNlAHdvbmRlcmxhbmQ=";   // "\0alice\0wonderland"
        private const string WrongPlain = "AGFsaWNlAHdyb25n";           // "\0alice\0wrong"

        [TestMethod]
        public void TenFailuresAcrossReconnects_ThenAuthFromThatAddressIs454_OtherAddressesUnaffected()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.AddUser("alice", "wonderland");
            for (int connection = 0; connection < 4; connection++)
            {
                ServerHarness h = new ServerHarness("127.0.0.1", true, o);
                h.Start();
                h.Send("EHLO c\r\n");
                for (int i = 0; i < 3; i++)
                {
                    h.Send("AUTH PLAIN " + WrongPlain + "\r\n");
                }
            }

            ServerHarness blocked = new ServerHarness("127.0.0.1", true, o);
            blocked.Start();
            blocked.Send("EHLO c\r\n");
            Assert.AreEqual("454 4.7.0 Temporary authentication failure: too many failures from your address, try later\r\n", blocked.Send("AUTH PLAIN " + AlicePlain + "\r\n"));

            ServerHarness other = new ServerHarness("::1", true, o);
            other.Start();
            other.Send("EHLO c\r\n");
            Assert.AreEqual("235 2.7.0 Authentication successful\r\n", other.Send("AUTH PLAIN " + AlicePlain + "\r\n"));
        }

        [TestMethod]
        public void Table_BlocksAfterTheLimit_ForTheBlockTime_AndForgetsOldFailures()
        {
            AuthPenalty p = new AuthPenalty(4, 3, 60000, 900000);
            Assert.IsFalse(p.Failed("10.0.0.1", 0));
            Assert.IsFalse(p.Failed("10.0.0.1", 1000));
            Assert.IsFalse(p.IsBlocked("10.0.0.1", 1000));
            Assert.IsTrue(p.Failed("10.0.0.1", 2000), "the third failure in the window starts a block");
            Assert.IsTrue(p.IsBlocked("10.0.0.1", 2000));
            Assert.IsTrue(p.IsBlocked("10.0.0.1", 901999));
            Assert.IsFalse(p.IsBlocked("10.0.0.1", 902000), "the block ends");
            Assert.IsFalse(p.IsBlocked("10.0.0.2", 2000), "by address");

            Assert.IsFalse(p.Failed("10.0.0.3", 0));
            Assert.IsFalse(p.Failed("10.0.0.3", 1000));
            Assert.IsFalse(p.Failed("10.0.0.3", 70000), "the window passed: counting starts again");
            Assert.IsFalse(p.IsBlocked("10.0.0.3", 70000));
        }

        [TestMethod]
        public void Table_IsBounded_TheOldestEntryGivesWay_ARunningBlockIsKept()
        {
            AuthPenalty p = new AuthPenalty(2, 1, 60000, 900000);
            Assert.IsTrue(p.Failed("10.0.0.1", 0));
            Assert.IsTrue(p.Failed("10.0.0.2", 10));
            Assert.IsTrue(p.Failed("10.0.0.3", 20), "a third address takes the oldest slot");
            Assert.IsTrue(p.IsBlocked("10.0.0.3", 30));
            Assert.IsTrue(p.IsBlocked("10.0.0.2", 30));
        }
    }
}

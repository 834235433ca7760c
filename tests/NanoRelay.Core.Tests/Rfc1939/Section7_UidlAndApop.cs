using System.Collections;
#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>RFC 1939 §7 (UIDL, APOP) and docs/catalogue.md #52-#53.</summary>
    [TestClass]
    public class Section7_UidlAndApop
    {
        [TestMethod]
        public void Case52_Uidl_SameIdAcrossSessionsDeletionsAndArrivals_NeverReused()
        {
            Pop3Harness h = new Pop3Harness();
            string a = h.Maildrop.Add("Subject: a\r\n\r\na\r\n");
            string b = h.Maildrop.Add("Subject: b\r\n\r\nb\r\n");
            Assert.AreEqual("+OK\r\n1 " + a + "\r\n2 " + b + "\r\n.\r\n", h.AfterLogin("UIDL\n"));
            Assert.AreEqual("+OK\r\n1 " + a + "\r\n2 " + b + "\r\n.\r\n+OK message 1 deleted\r\n+OK\r\n2 " + b + "\r\n.\r\n+OK 2 " + b + "\r\n",
                Text.Replace(h.AfterLogin("UIDL\nDELE 1\nUIDL\nUIDL 2\nQUIT\n"), "+OK nanoRelay POP3 server signing off (1 messages left)\r\n", ""));
            string c = h.Maildrop.Add("Subject: c\r\n\r\nc\r\n");
            Assert.AreNotEqual(a, c);
            Assert.AreEqual("+OK\r\n1 " + b + "\r\n2 " + c + "\r\n.\r\n", h.AfterLogin("UIDL\n"));
        }

        [TestMethod]
        public void Case52_UidlListing_OfAThousandLongIds_EveryIdWhole()
        {
            Pop3Harness h = new Pop3Harness();
            LongUidMaildrop maildrop = new LongUidMaildrop(1010);
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nUIDL\nQUIT\n", true, false);
            Pop3Harness.RunOn(maildrop, h, c);
            string s = c.WrittenText;
            int at = s.IndexOf("(0 octets)\r\n+OK\r\n") + 17;
            for (int i = 0; i < 1010; i++)
            {
                string line = (i + 1) + " " + LongUidMaildrop.Uid(i) + "\r\n";
                Assert.AreEqual(line, s.Substring(at, line.Length));
                at += line.Length;
            }

            Assert.AreEqual(".\r\n", s.Substring(at, 3));
        }

        [TestMethod]
        public void Case53_GreetingTimestamps_AllDifferent_AcrossReboots()
        {
            // 2 x 1,000 greetings on the host; 2 x 250 on the device, where 2,000 sessions of one test in a
            // board-sized heap are a memory test, not a uniqueness test.
#if NANOFRAMEWORK
            const int PerBoot = 250;
#else
            const int PerBoot = 1000;
#endif
            Hashtable seen = new Hashtable();
            for (uint boot = 1; boot <= 2; boot++)
            {
                // A reboot: a new server, the counter from zero again, the clock unset; only the nonce differs.
                Pop3Harness h = new Pop3Harness();
                h.Random = new SeededRandom(boot * 7919);
                h.Options.Apop = true;
                h.Clock.SetUtc(new System.DateTime(1970, 1, 1, 0, 0, 0), false);
                for (int i = 0; i < PerBoot; i++)
                {
                    string greeting = h.Run("", true, true);
                    int lt = greeting.IndexOf('<');
                    string stamp = greeting.Substring(lt, greeting.IndexOf('>') - lt + 1);
                    Assert.IsFalse(seen.Contains(stamp), stamp);
                    seen.Add(stamp, stamp);
                }
            }

            Assert.AreEqual(2 * PerBoot, seen.Count);
        }

        [TestMethod]
        public void Case53_ApopOffByDefault_NoTimestamp()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual("+OK POP3 server ready\r\n-ERR [AUTH] APOP is not enabled.\r\n", h.Run("APOP tech 0123456789abcdef0123456789abcdef\n", true, true));
        }

        [TestMethod]
        public void Case53_ApopOn_RefusedWithoutTls()
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.Apop = true;
            string s = h.Run("APOP tech 0123456789abcdef0123456789abcdef\n", true, false);
            Assert.IsTrue(s.EndsWith("\r\n-ERR [AUTH] Cleartext authentication disallowed on non-secure (SSL/TLS) connections.\r\n"));
            Assert.AreEqual(0, h.Clock.Slept);
        }

        [TestMethod]
        public void Case53_WrongDigest_SameReplyAndDelayAsWrongPass()
        {
            Pop3Harness apop = new Pop3Harness();
            apop.Options.Apop = true;
            string a = apop.Run("APOP tech 0123456789abcdef0123456789abcdef\n", true, true);
            Pop3Harness pass = new Pop3Harness();
            string p = pass.Run("USER tech\nPASS wrong\n", true, true);
            Assert.IsTrue(a.EndsWith(">\r\n-ERR [AUTH] Authentication failed.\r\n"));
            Assert.IsTrue(p.EndsWith("+OK\r\n-ERR [AUTH] Authentication failed.\r\n"));
            Assert.AreEqual(pass.Clock.Slept, apop.Clock.Slept);
            Assert.AreEqual((long)apop.Options.AuthFailureDelayMilliseconds, apop.Clock.Slept);
        }
    }
}

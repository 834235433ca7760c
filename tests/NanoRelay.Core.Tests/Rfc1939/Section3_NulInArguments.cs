#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Crypto;
using NanoRelay.Framing;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>
    /// RFC 1939 §3 ("keywords and arguments consist of printable ASCII characters") and issue 12:
    /// a NUL or another control octet in USER, PASS or APOP is refused whole, never cut. On the
    /// device a string stops at U+0000, so "USER tech[NUL]x" kept as text would be "tech".
    /// "[NUL]" is one 0x00 octet (see Octets).
    /// </summary>
    [TestClass]
    public class Section3_NulInArguments
    {
        private const string Greeting = "+OK POP3 server ready\r\n";
        private const string Nul = "-ERR NUL octet in command.\r\n";
        private const string Control = "-ERR Control character in command.\r\n";
        private const string NoUser = "-ERR No USER given.\r\n";
        private const string SignOff = "+OK nanoRelay POP3 server signing off\r\n";
        private const string LoggedIn = "+OK tech's maildrop has 0 messages (0 octets)\r\n";

        [TestMethod]
        public void UserWithNul_IsRefused_AndPassFindsNoUser()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + Nul + NoUser + SignOff, h.Run("USER tech[NUL]x\nPASS secret\nQUIT\n", true, false));
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(0L, h.Clock.Slept, "no login was tried");
        }

        [TestMethod]
        public void RefusedUserLine_ForgetsTheEarlierUser()
        {
            // RFC 1939 §7: PASS only "immediately after a successful USER"; the refused line
            // ("USER admin" with a NUL) must not leave "tech" behind to log in with.
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + "+OK\r\n" + Nul + NoUser + SignOff, h.Run("USER tech\nUSER admin[NUL]\nPASS secret\nQUIT\n", true, false));
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        [DataRow("secret[NUL]")]
        [DataRow("secret[NUL]x")]
        [DataRow("sec[NUL]ret")]
        [DataRow("[NUL]secret")]
        public void PassWithNul_IsRefused_NeverTheTruncatedPassword(string password)
        {
            // "PASS secret[NUL]x" cut at the NUL would be the right password.
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + "+OK\r\n" + Nul + NoUser + SignOff, h.Run("USER tech\nPASS " + password + "\nPASS secret\nQUIT\n", true, false));
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(0L, h.Clock.Slept);
        }

        [TestMethod]
        public void AfterARefusedLine_TheSessionContinues_AndALoginWorks()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + Nul + "+OK\r\n" + LoggedIn, h.Run("USER tech[NUL]x\nUSER tech\nPASS secret\n", true, false));
        }

        [TestMethod]
        [DataRow("USER tech\u0001x")]
        [DataRow("USER tech\tx")]
        [DataRow("USER tech\u007F")]
        [DataRow("USER tech\rx")]
        public void UserWithAnotherControlOctet_IsRefused(string line)
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + Control + NoUser + SignOff, h.Run(line + "\nPASS secret\nQUIT\n", true, false));
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void ThreeRefusedLines_CountAsBadCommands_ThenClose()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual(Greeting + Nul + Nul + Nul + "-ERR Too many bad commands.\r\n", h.Run("USER a[NUL]\nPASS b[NUL]\nAPOP c[NUL] d\nUSER tech\n", true, false));
        }

        [TestMethod]
        public void ApopNameWithNul_IsRefused_EvenWithTheRightDigest()
        {
            string digest = ApopDigest();

            // The control: the same greeting, name and digest log in.
            Pop3Harness good = ApopHarness();
            Assert.IsTrue(good.Run("APOP tech " + digest + "\n", true, true).EndsWith(LoggedIn));

            Pop3Harness h = ApopHarness();
            string s = h.Run("APOP tech[NUL]x " + digest + "\nQUIT\n", true, true);
            Assert.IsTrue(s.EndsWith(">\r\n" + Nul + SignOff), s);
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void ApopDigestWithNul_IsRefused()
        {
            string digest = ApopDigest();
            Pop3Harness h = ApopHarness();
            string s = h.Run("APOP tech " + digest + "[NUL]\nQUIT\n", true, true);
            Assert.IsTrue(s.EndsWith(">\r\n" + Nul + SignOff), s);
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        private static Pop3Harness ApopHarness()
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.Apop = true;
            return h;
        }

        // RFC 1939 §7: MD5(timestamp + secret) in lower-case hex, for the greeting every fresh
        // ApopHarness sends (same seed, same counter).
        private static string ApopDigest()
        {
            string greeting = ApopHarness().Run("", true, true);
            int lt = greeting.IndexOf('<');
            byte[] stamp = Ascii.Bytes(greeting.Substring(lt, greeting.IndexOf('>') - lt + 1));
            byte[] secret = Ascii.Bytes("secret");
            Md5 md5 = new Md5();
            md5.Update(stamp, 0, stamp.Length);
            md5.Update(secret, 0, secret.Length);
            byte[] hash = new byte[Md5.HashSize];
            md5.Final(hash, 0);
            byte[] hex = new byte[2 * Md5.HashSize];
            Hex.Encode(hash, 0, Md5.HashSize, hex, 0);
            return Octets.Show(hex, 0, hex.Length);
        }
    }
}

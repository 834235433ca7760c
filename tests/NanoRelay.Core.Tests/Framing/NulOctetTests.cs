#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Framing
{
    /// <summary>
    /// Issue 12: nanoCLR cuts a string at U+0000, so a NUL is refused on bytes before anything
    /// becomes a string. The helpers that decide it: SaslPlain (RFC 4616 §2), Ascii.IndexOfControl
    /// (RFC 1939 §3), and Utf8.GetString as the backstop that never yields U+0000.
    /// </summary>
    [TestClass]
    public class NulOctetTests
    {
        private static string Split(string message)
        {
            byte[] b = Octets.Of("xx" + message + "yy");
            int authzid;
            int authcid;
            if (!SaslPlain.TrySplit(b, 2, b.Length - 4, out authzid, out authcid))
            {
                return "malformed";
            }

            int authcidOffset = 2 + authzid + 1;
            int passwdOffset = authcidOffset + authcid + 1;
            return Octets.Show(b, 2, authzid) + "|" + Octets.Show(b, authcidOffset, authcid) + "|" + Octets.Show(b, passwdOffset, b.Length - 2 - passwdOffset);
        }

        [TestMethod]
        public void SaslPlain_TwoSeparators_SplitsInPlace()
        {
            Assert.AreEqual("|tech|secret", Split("[NUL]tech[NUL]secret"));
            Assert.AreEqual("tech|tech|secret", Split("tech[NUL]tech[NUL]secret"));
            Assert.AreEqual("|t|s", Split("[NUL]t[NUL]s"));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("techsecret")]
        [DataRow("tech[NUL]secret")]
        [DataRow("[NUL]tech[NUL]secret[NUL]")]
        [DataRow("[NUL]tech[NUL]sec[NUL]ret")]
        [DataRow("[NUL]te[NUL]ch[NUL]secret")]
        [DataRow("[NUL][NUL]tech[NUL]secret")]
        [DataRow("[NUL]tech[NUL][NUL]secret")]
        [DataRow("[NUL][NUL]secret")]
        [DataRow("[NUL]tech[NUL]")]
        [DataRow("[NUL][NUL]")]
        [DataRow("[NUL][NUL][NUL]")]
        [DataRow("a[NUL]tech[NUL]secret[NUL]x")]
        public void SaslPlain_NulAnywhereElse_OrAnEmptyField_IsMalformed(string message)
        {
            // RFC 4616 §2: authcid = 1*SAFE, passwd = 1*SAFE, SAFE excludes NUL.
            Assert.AreEqual("malformed", Split(message));
        }

        [TestMethod]
        public void IndexOfControl_FindsNulAndOtherControls_NotSpaceOrEightBit()
        {
            byte[] b = Octets.Of("USER tech[NUL]x");
            Assert.AreEqual(9, Ascii.IndexOfControl(b, 0, b.Length));
            Assert.AreEqual(-1, Ascii.IndexOfControl(b, 0, 9));
            byte[] c = new byte[] { (byte)'a', 0x20, 0x7E, 0x80, 0xFF, 0x09, 0x7F };
            Assert.AreEqual(5, Ascii.IndexOfControl(c, 0, c.Length));
            Assert.AreEqual(6, Ascii.IndexOfControl(c, 6, 1));
            Assert.AreEqual(-1, Ascii.IndexOfControl(c, 0, 5));
        }

        [TestMethod]
        public void Utf8GetString_NulBecomesReplacementCharacter_NothingIsCut()
        {
            byte[] b = Octets.Of("tech[NUL]x");
            string s = Utf8.GetString(b, 0, b.Length);
            Assert.AreEqual(6, s.Length);
            Assert.AreEqual("tech\uFFFDx", s);
        }

        [TestMethod]
        public void Octets_MarkerIsOneZeroOctet_BothWays()
        {
            byte[] b = Octets.Of("a[NUL]b[NUL]");
            Assert.AreEqual(4, b.Length);
            Assert.AreEqual(0, (int)b[1]);
            Assert.AreEqual(0, (int)b[3]);
            Assert.AreEqual("a[NUL]b[NUL]", Octets.Show(b, 0, b.Length));
            Assert.AreEqual("[NUL", Octets.Show(Octets.Of("[NUL"), 0, 4));
            Assert.AreEqual("AHRlY2gAc2VjcmV0", Octets.Base64("[NUL]tech[NUL]secret"));
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Crypto;
using NanoRelay.Framing;

namespace NanoRelay.Core.Tests.Crypto
{
    /// <summary>RFC 1321 appendix A.5 and RFC 2104 appendix test vectors.</summary>
    [TestClass]
    public class Md5Tests
    {
        [TestMethod]
        [DataRow("", "d41d8cd98f00b204e9800998ecf8427e")]
        [DataRow("a", "0cc175b9c0f1b6a831c399e269772661")]
        [DataRow("abc", "900150983cd24fb0d6963f7d28e17f72")]
        [DataRow("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
        [DataRow("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
        [DataRow("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
        [DataRow("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
        public void Rfc1321_A5_TestSuite(string input, string expected)
        {
            byte[] data = Ascii.Bytes(input);
            Md5 md5 = new Md5();
            md5.Update(data, 0, data.Length);
            Assert.AreEqual(expected, HexOf(md5));
        }

        [TestMethod]
        public void Rfc1321_Incremental_EqualsOneShot()
        {
            byte[] data = Ascii.Bytes("12345678901234567890123456789012345678901234567890123456789012345678901234567890");
            Md5 md5 = new Md5();
            for (int i = 0; i < data.Length; i++)
            {
                md5.Update(data, i, 1);
            }

            Assert.AreEqual("57edf4a22be3c955ac49da2e2107b67a", HexOf(md5));
        }

        [TestMethod]
        public void Rfc2104_Appendix_HmacMd5Vectors()
        {
            byte[] key1 = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                key1[i] = 0x0b;
            }

            Assert.AreEqual("9294727a3638bb1c13f48ef8158bfc9d", Hmac(key1, Ascii.Bytes("Hi There")));
            Assert.AreEqual("750c783e6ab0b503eaa86e310a5db738", Hmac(Ascii.Bytes("Jefe"), Ascii.Bytes("what do ya want for nothing?")));

            byte[] key3 = new byte[16];
            byte[] data3 = new byte[50];
            for (int i = 0; i < 16; i++)
            {
                key3[i] = 0xAA;
            }

            for (int i = 0; i < 50; i++)
            {
                data3[i] = 0xDD;
            }

            Assert.AreEqual("56be34521d144c88dbb8c733f0e8b3f6", Hmac(key3, data3));
        }

        [TestMethod]
        public void Rfc2195_CramMd5Example()
        {
            // RFC 2195 §2: tim / tanstaaftanstaaf over the given challenge.
            string digest = Hmac(Ascii.Bytes("tanstaaftanstaaf"), Ascii.Bytes("<1896.697170952@postoffice.reston.mci.net>"));
            Assert.AreEqual("b913a602c7eda7a495b4e6e7334d3890", digest);
        }

        private static string HexOf(Md5 md5)
        {
            byte[] digest = new byte[16];
            md5.Final(digest, 0);
            return ToHex(digest);
        }

        private static string Hmac(byte[] key, byte[] data)
        {
            byte[] digest = new byte[16];
            HmacMd5.Compute(key, 0, key.Length, data, 0, data.Length, digest, 0);
            return ToHex(digest);
        }

        private static string ToHex(byte[] digest)
        {
            byte[] hex = new byte[32];
            Hex.Encode(digest, 0, 16, hex, 0);
            string s = "";
            for (int i = 0; i < hex.Length; i++)
            {
                s += (char)hex[i];
            }

            return s;
        }
    }
}

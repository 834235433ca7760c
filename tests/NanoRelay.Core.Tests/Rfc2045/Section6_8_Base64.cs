#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;
using NanoRelay.Framing;

namespace NanoRelay.Core.Tests.Rfc2045
{
    /// <summary>RFC 2045 §6.8: base64 in lines of at most 76 characters, with any chunking of the input.</summary>
    [TestClass]
    public class Section6_8_Base64
    {
        private static string Encode(byte[] input, int chunk)
        {
            byte[] encoded = Encoded.Base64(input, chunk);
            return Utf8.GetString(encoded, 0, encoded.Length);
        }

        // 200 octets: three full lines of 57 octets, then 29 octets ending in one pad character.
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(56)]
        [DataRow(57)]
        [DataRow(58)]
        [DataRow(1000)]
        public void Lines_Are76Characters_EndingInCrlf_AnyChunking(int chunk)
        {
            byte[] input = new byte[200];
            for (int k = 0; k < input.Length; k++)
            {
                input[k] = (byte)((k * 37) + 11);
            }

            Assert.AreEqual(
                "CzBVep/E6Q4zWH2ix+wRNluApcrvFDleg6jN8hc8YYar0PUaP2SJrtP4HUJnjLHW+yBFao+02f4j\r\n"
                + "SG2St9wBJktwlbrfBClOc5i94gcsUXabwOUKL1R5nsPoDTJXfKHG6xA1Wn+kye4TOF2Cp8zxFjtg\r\n"
                + "harP9Bk+Y4it0vccQWaLsNX6H0RpjrPY/SJHbJG22wAlSm+Uud4DKE1yl7zhBitQdZq/5AkuU3id\r\n"
                + "wucMMVZ7oMXqDzRZfqPI7RI3XIGmy/AVOl+Eqc4=\r\n",
                Encode(input, chunk));
        }

        // RFC 4648 §10 test vectors, each a line of its own.
        [TestMethod]
        [DataRow(1)]
        [DataRow(1000)]
        public void Rfc4648Vectors_PadTheLastQuantum(int chunk)
        {
            Assert.AreEqual("", Encode(Utf8.GetBytes(""), chunk));
            Assert.AreEqual("Zg==\r\n", Encode(Utf8.GetBytes("f"), chunk));
            Assert.AreEqual("Zm8=\r\n", Encode(Utf8.GetBytes("fo"), chunk));
            Assert.AreEqual("Zm9v\r\n", Encode(Utf8.GetBytes("foo"), chunk));
            Assert.AreEqual("Zm9vYg==\r\n", Encode(Utf8.GetBytes("foob"), chunk));
            Assert.AreEqual("Zm9vYmE=\r\n", Encode(Utf8.GetBytes("fooba"), chunk));
            Assert.AreEqual("Zm9vYmFy\r\n", Encode(Utf8.GetBytes("foobar"), chunk));
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Mime;

namespace NanoRelay.Core.Tests.Mime
{
    /// <summary>RFC 4648 §4 and §10 (test vectors), RFC 2045 §6.8 (line breaks, padding): streaming base64 decoding.</summary>
    [TestClass]
    public class Base64DecoderTests
    {
        // Decodes in chunks; returns the text, or "INVALID" when Decode failed, or "TRUNCATED" when Finish refused.
        private static string Run(string text, int chunk)
        {
            byte[] input = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                input[i] = (byte)text[i];
            }

            Base64Decoder d = new Base64Decoder();
            byte[] output = new byte[Base64Decoder.MaxOutput(input.Length)];
            int o = 0;
            for (int i = 0; i < input.Length; i += chunk)
            {
                int n = chunk < input.Length - i ? chunk : input.Length - i;
                int w = d.Decode(input, i, n, output, o);
                if (w < 0)
                {
                    Assert.IsTrue(d.IsFailed);
                    return "INVALID";
                }

                o += w;
            }

            if (!d.Finish())
            {
                return "TRUNCATED";
            }

            string s = "";
            for (int i = 0; i < o; i++)
            {
                s += (char)output[i];
            }

            return s;
        }

        [TestMethod]
        [DataRow("", "")]
        [DataRow("Zg==", "f")]
        [DataRow("Zm8=", "fo")]
        [DataRow("Zm9v", "foo")]
        [DataRow("Zm9vYg==", "foob")]
        [DataRow("Zm9vYmE=", "fooba")]
        [DataRow("Zm9vYmFy", "foobar")]
        public void Rfc4648_10_TestVectors_AnyChunking(string text, string expected)
        {
            for (int chunk = 1; chunk <= text.Length + 1; chunk++)
            {
                Assert.AreEqual(expected, Run(text, chunk));
            }
        }

        [TestMethod]
        public void Rfc2045_6_8_LineBreaksAndSpacesBetweenCharacters_AreSkipped()
        {
            Assert.AreEqual("foobar", Run("Zm9v\r\nYmFy\r\n", 3));
            Assert.AreEqual("foobar", Run("Zm\r\n9vY mFy", 1));
            Assert.AreEqual("fo", Run("Zm8=\r\n", 2));
            Assert.AreEqual("fo", Run("Zm8\r\n=\r\n\r\n", 1));
        }

        [TestMethod]
        [DataRow("Zm9v!mFy")]
        [DataRow("Z===")]
        [DataRow("=Zm9")]
        [DataRow("Zm=v")]
        [DataRow("Zm8=Zm9v")]
        [DataRow("Zg===")]
        [DataRow("Zm-v")]
        public void InvalidCharactersOrMisplacedPadding_AreReported(string text)
        {
            Assert.AreEqual("INVALID", Run(text, 1));
            Assert.AreEqual("INVALID", Run(text, text.Length));
        }

        [TestMethod]
        [DataRow("Zm9")]
        [DataRow("Zm9vY")]
        [DataRow("Zm8")]
        public void APartialQuantumAtTheEnd_IsTruncated(string text)
        {
            Assert.AreEqual("TRUNCATED", Run(text, 2));
        }

        [TestMethod]
        public void AfterFailure_DecodeKeepsFailing_UntilReset()
        {
            Base64Decoder d = new Base64Decoder();
            byte[] bad = new byte[] { (byte)'*' };
            byte[] good = new byte[] { (byte)'Z', (byte)'g', (byte)'=', (byte)'=' };
            byte[] output = new byte[8];
            Assert.AreEqual(-1, d.Decode(bad, 0, 1, output, 0));
            Assert.AreEqual(-1, d.Decode(good, 0, 4, output, 0));
            d.Reset();
            Assert.AreEqual(1, d.Decode(good, 0, 4, output, 0));
            Assert.AreEqual((byte)'f', output[0]);
            Assert.IsTrue(d.Finish());
        }
    }
}

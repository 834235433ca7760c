using System;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Mime;

namespace NanoRelay.Tests.Mime
{
    /// <summary>The streaming base64 decoder agrees with .NET's Convert under any chunking and any whitespace.</summary>
    [TestClass]
    public class Base64DecoderPropertyTests
    {
        [TestMethod]
        public void MimeBase64_AnyChunkingAndWhitespace_DecodesToTheData()
        {
            Gen.Select(Gen.Byte.Array[0, 2000], Gen.Int[1, 90], Gen.Int[0, 5000].Array[0, 10]).Sample((data, chunk, spaces) =>
            {
                string text = Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks);
                foreach (int at in spaces.OrderByDescending(x => x))
                {
                    text = text.Insert(at % (text.Length + 1), at % 2 == 0 ? " " : "\r\n");
                }

                var r = Decode(Encoding.ASCII.GetBytes(text), chunk);
                Assert.IsTrue(r.Ok, text);
                CollectionAssert.AreEqual(data, r.Bytes);
            }, iter: 400);
        }

        [TestMethod]
        public void DamagedText_IsRefused_ExactlyWhenConvertRefusesIt()
        {
            Gen.Select(Gen.Byte.Array[1, 60], Gen.Int[0, 1000], Gen.Byte, Gen.Int[1, 20]).Sample((data, at, replacement, chunk) =>
            {
                byte[] text = Encoding.ASCII.GetBytes(Convert.ToBase64String(data));
                text[at % text.Length] = replacement;
                byte[] expected = null;
                try
                {
                    expected = Convert.FromBase64String(Encoding.Latin1.GetString(text));
                }
                catch (FormatException)
                {
                }

                var r = Decode(text, chunk);
                Assert.AreEqual(expected != null, r.Ok, Encoding.Latin1.GetString(text));
                if (expected != null)
                {
                    CollectionAssert.AreEqual(expected, r.Bytes);
                }
            }, iter: 2000);
        }

        private static (bool Ok, byte[] Bytes) Decode(byte[] text, int chunk)
        {
            var d = new Base64Decoder();
            var output = new byte[Base64Decoder.MaxOutput(text.Length)];
            var piece = new byte[Base64Decoder.MaxOutput(chunk)];
            int o = 0;
            for (int i = 0; i < text.Length; i += chunk)
            {
                int n = Math.Min(chunk, text.Length - i);
                int w = d.Decode(text, i, n, piece, 0);
                if (w < 0)
                {
                    return (false, null);
                }

                Array.Copy(piece, 0, output, o, w);
                o += w;
            }

            return (d.Finish(), output[..o]);
        }
    }
}

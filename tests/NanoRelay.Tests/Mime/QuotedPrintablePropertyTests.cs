using System.Collections.Generic;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Mime
{
    /// <summary>
    /// The quoted-printable encoder (RFC 2045 §6.7) over octet strings dense in what its runs must stop at: SP and TAB
    /// before line breaks and at chunk ends, "=", controls, 8-bit octets, CR and LF in every combination.
    /// </summary>
    [TestClass]
    public class QuotedPrintablePropertyTests
    {
        private static readonly byte[] s_octets = { (byte)'a', (byte)'Z', (byte)'.', (byte)' ', (byte)' ', 9, 13, 10, (byte)'=', 0, 127, 0xC3, 0xFF };

        private static readonly Gen<byte[]> s_text = Gen.Int[0, s_octets.Length - 1].Select(i => s_octets[i]).Array[0, 400];

        [TestMethod]
        public void AnyChunking_GivesTheSameOutput_ThatDecodesToTheInput_WithinTheRules()
        {
            Gen.Select(s_text, Gen.Int[1, 90], Gen.Int[1, 7]).Sample((text, chunk, other) =>
            {
                byte[] whole = Encoded.QuotedPrintable(text, text.Length + 1);
                CollectionAssert.AreEqual(whole, Encoded.QuotedPrintable(text, chunk));
                CollectionAssert.AreEqual(whole, Encoded.QuotedPrintable(text, other));
                CheckRules(whole);
                CollectionAssert.AreEqual(BreaksAsCrlf(text), Decode(whole));
            }, iter: 3000);
        }

        // Rule 1, 2: only 33-126 (and SP, TAB) appear; rule 3: no SP or TAB ends a line; rule 5: lines of at most 76.
        private static void CheckRules(byte[] encoded)
        {
            int lineStart = 0;
            for (int i = 0; i <= encoded.Length; i++)
            {
                bool end = i == encoded.Length || encoded[i] == 13;
                if (end)
                {
                    Assert.IsTrue(i - lineStart <= 76, "line of " + (i - lineStart));
                    if (i > lineStart)
                    {
                        byte last = encoded[i - 1];
                        Assert.IsFalse(last == (byte)' ' || last == 9, "whitespace ends a line");
                    }

                    if (i < encoded.Length)
                    {
                        Assert.AreEqual((byte)10, encoded[i + 1]);
                        i++;
                        lineStart = i + 1;
                    }

                    continue;
                }

                byte b = encoded[i];
                Assert.IsTrue((b >= 33 && b <= 126) || b == (byte)' ' || b == 9, "octet " + b);
            }
        }

        private static byte[] Decode(byte[] encoded)
        {
            var result = new List<byte>();
            for (int i = 0; i < encoded.Length; i++)
            {
                if (encoded[i] != (byte)'=')
                {
                    result.Add(encoded[i]);
                }
                else if (encoded[i + 1] == 13)
                {
                    i += 2;   // a soft line break
                }
                else
                {
                    result.Add(System.Convert.ToByte(((char)encoded[i + 1]).ToString() + (char)encoded[i + 2], 16));
                    i += 2;
                }
            }

            return result.ToArray();
        }

        // The encoder's line breaks: CRLF, a bare CR and a bare LF each become one CRLF.
        private static byte[] BreaksAsCrlf(byte[] text)
        {
            var result = new List<byte>();
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == 13 || text[i] == 10)
                {
                    result.Add(13);
                    result.Add(10);
                    if (text[i] == 13 && i + 1 < text.Length && text[i + 1] == 10)
                    {
                        i++;
                    }
                }
                else
                {
                    result.Add(text[i]);
                }
            }

            return result.ToArray();
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Core.Tests.Rfc2045
{
    /// <summary>RFC 2045 §6.7: the quoted-printable rules, with any chunking of the input.</summary>
    [TestClass]
    public class Section6_7_QuotedPrintable
    {
        private static string Encode(string text, int chunk)
        {
            byte[] encoded = Encoded.QuotedPrintable(Utf8.GetBytes(text), chunk);
            return Utf8.GetString(encoded, 0, encoded.Length);
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        [DataRow(1000)]
        public void EightBitAndEquals_AreEscaped_LineBreaksAreHard(int chunk)
        {
            Assert.AreEqual("S=C3=A3o Paulo =3D 41 =C2=B0C\r\nfim", Encode("São Paulo = 41 °C\nfim", chunk));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(1000)]
        public void Rule3_WhitespaceBeforeALineBreak_IsEncoded(int chunk)
        {
            Assert.AreEqual("a=20\r\nb=09\r\nc=20", Encode("a \r\nb\t\nc ", chunk));
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(7)]
        [DataRow(1000)]
        public void Rule5_LinesAreAtMost76Characters_WithSoftBreaks(int chunk)
        {
            string text = new string('x', 200) + "\n" + new string('é', 80);
            string encoded = Encode(text, chunk);
            string[] lines = encoded.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(lines[i].TrimEnd('\r').Length <= 76, lines[i]);
            }

            Assert.AreEqual(new string('x', 200), encoded.Substring(0, encoded.IndexOf("\r\n\r\n") < 0 ? 0 : 0) + Decode(encoded).Substring(0, 200));
            Assert.AreEqual(Text.Replace(text, "\n", "\r\n"), Decode(encoded));
        }

        [TestMethod]
        public void BareCr_BecomesALineBreak_NotAnOctet()
        {
            Assert.AreEqual("a\r\nb\r\nc", Encode("a\rb\r\nc", 1));
        }

        // A small decoder for the assertions: soft breaks vanish, =XX becomes the octet.
        private static string Decode(string qp)
        {
            byte[] b = new byte[qp.Length];
            int n = 0;
            for (int i = 0; i < qp.Length; i++)
            {
                if (qp[i] == '=' && i + 2 < qp.Length && qp[i + 1] == '\r')
                {
                    i += 2;
                    continue;
                }

                if (qp[i] == '=')
                {
                    b[n++] = (byte)System.Convert.ToInt32(qp.Substring(i + 1, 2), 16);
                    i += 2;
                    continue;
                }

                b[n++] = (byte)qp[i];
            }

            return Utf8.GetString(b, 0, n);
        }
    }
}

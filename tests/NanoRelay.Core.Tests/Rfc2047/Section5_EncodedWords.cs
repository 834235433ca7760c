#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Mime;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc2047
{
    /// <summary>RFC 2047 §2, §5 and RFC 2231: non-ASCII header text and parameters.</summary>
    [TestClass]
    public class Section5_EncodedWords
    {
        private static string Headers(OutgoingMessage m)
        {
            MemoryFileStore store = new MemoryFileStore();
            MessageWriter w = new MessageWriter(new ManualClock(), new SeededRandom(3));
            Assert.AreEqual(MimeWriteResult.Written, w.Write(m, store.Create("m")));
            string all = NanoRelay.Framing.Utf8.GetString(store.ReadAll("m"), 0, store.ReadAll("m").Length);
            return all.Substring(0, all.IndexOf("\r\n\r\n") + 2);
        }

        private static OutgoingMessage Message(string subject)
        {
            OutgoingMessage m = new OutgoingMessage();
            m.From = "greenhouse-1@example.com";
            m.To = new string[] { "ops@example.com" };
            m.Subject = subject;
            m.MessageId = "<1@example.com>";
            m.BodyText = "x";
            return m;
        }

        [TestMethod]
        public void PortugueseSubject_IsQEncodedUtf8_FoldedIntoWordsOfAtMost75()
        {
            string h = Headers(Message("Alerta: temperatura máxima excedida em São Paulo"));
            // The first word fills the line to column 76, the rest goes on a folded line (§2: words of
            // at most 75 characters, and a line holding an encoded-word at most 76).
            Assert.IsTrue(h.IndexOf("\r\nSubject: =?utf-8?q?Alerta=3A_temperatura_m=C3=A1xima_excedida_em_S=C3=A3o_?=\r\n =?utf-8?q?Paulo?=\r\n") >= 0, h);
            string[] lines = h.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(lines[i].TrimEnd('\r').Length <= (lines[i].IndexOf("=?") >= 0 ? 76 : 78), lines[i]);
            }
        }

        [TestMethod]
        public void AsciiSubject_StaysReadable()
        {
            string h = Headers(Message("Greenhouse temperature above 35 C"));
            Assert.IsTrue(h.IndexOf("Subject: Greenhouse temperature above 35 C\r\n") >= 0, h);
        }

        [TestMethod]
        public void MostlyNonLatinSubject_IsBEncoded()
        {
            string h = Headers(Message("温度超过了最高限制"));
            Assert.IsTrue(h.IndexOf("Subject: =?utf-8?b?") >= 0, h);
        }

        [TestMethod]
        public void SubjectThatLooksLikeAnEncodedWord_IsEncoded()
        {
            string h = Headers(Message("=?utf-8?q?x?="));
            Assert.IsTrue(h.IndexOf("Subject: =?utf-8?b?PT91dGYtOD9xP3g/PQ==?=\r\n") >= 0, h);
        }

        [TestMethod]
        public void NonAsciiDisplayName_IsAnEncodedWord_AddressStaysPlain()
        {
            OutgoingMessage m = Message("s");
            m.To = new string[] { "José <jose@example.com.br>" };
            string h = Headers(m);
            Assert.IsTrue(h.IndexOf("To: =?utf-8?b?Sm9zw6k=?= <jose@example.com.br>\r\n") >= 0, h);
        }

        [TestMethod]
        public void Rfc2231_NonAsciiFileName_IsPercentEncodedUtf8()
        {
            OutgoingMessage m = Message("s");
            m.Attachments = new MimeAttachment[] { new MimeAttachment("São.csv", "text/csv", new MemoryReader(new byte[] { 1, 2, 3 })) };
            MemoryFileStore store = new MemoryFileStore();
            MessageWriter w = new MessageWriter(new ManualClock(), new SeededRandom(3));
            w.Write(m, store.Create("m"));
            string all = NanoRelay.Framing.Utf8.GetString(store.ReadAll("m"), 0, store.ReadAll("m").Length);
            Assert.IsTrue(all.IndexOf("Content-Disposition: attachment; filename*0*=utf-8''S%C3%A3o.csv\r\n") >= 0, all);
            Assert.IsTrue(all.IndexOf("\r\nAQID\r\n") >= 0, all);
        }
    }
}

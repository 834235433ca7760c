using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;
using NanoRelay.Mime;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Mime
{
    /// <summary>The writer's output parsed back by a real MIME parser (MimeKit): what we meant is what it reads.</summary>
    [TestClass]
    public class MessageWriterMimeKitTests
    {
        internal const string Portuguese = "Alerta: temperatura máxima excedida em São Paulo";

        internal static byte[] Write(OutgoingMessage m, ManualClock clock = null)
        {
            MemoryFileStore store = new MemoryFileStore();
            var writer = new MessageWriter(clock ?? new ManualClock(), new SeededRandom(7));
            var file = store.Create("msg");
            Assert.AreEqual(MimeWriteResult.Written, writer.Write(m, file), writer.Error);
            file.Flush();
            Assert.IsFalse(writer.Is8Bit);
            Assert.AreEqual(store.ReadAll("msg").Length, writer.Length);
            return store.ReadAll("msg");
        }

        internal static void AssertWireSafe(byte[] raw)
        {
            int line = 0;
            for (int i = 0; i < raw.Length; i++)
            {
                Assert.IsTrue(raw[i] < 128, "8-bit octet at " + i);
                if (raw[i] == '\r')
                {
                    Assert.IsTrue(i + 1 < raw.Length && raw[i + 1] == '\n', "bare CR at " + i);
                    Assert.IsTrue(line <= 998, "line of " + line + " octets ending at " + i);
                    line = 0;
                    i++;
                    continue;
                }

                Assert.AreNotEqual((byte)'\n', raw[i], "bare LF at " + i);
                line++;
            }

            Assert.IsTrue(line == 0, "the message does not end with CRLF");

            // RFC 2047 §2: a header line holding an encoded-word is at most 76 characters.
            string text = System.Text.Encoding.ASCII.GetString(raw);
            int headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            foreach (string h in text.Substring(0, headerEnd < 0 ? text.Length : headerEnd).Split("\r\n"))
            {
                Assert.IsTrue(h.IndexOf("=?", StringComparison.Ordinal) < 0 || h.Length <= 76, "encoded-word line of " + h.Length + ": " + h);
            }
        }

        private static MimeMessage Parse(byte[] raw)
        {
            return MimeMessage.Load(new MemoryStream(raw));
        }

        [TestMethod]
        public void PortugueseSubject_AllHeaders_BodyAndAttachments_RoundTripThroughMimeKit()
        {
            byte[] big = new byte[1024 * 1024 + 17];
            new Random(42).NextBytes(big);
            byte[] csv = Encoding.UTF8.GetBytes("time,temp\n09:30,41.5\n");
            var m = new OutgoingMessage
            {
                From = "Estufa 1 <greenhouse-1@example.com>",
                To = new[] { "ops@example.com", "José da Silva <jose@example.com.br>" },
                Cc = new[] { "\"Night shift\" <night@example.com>" },
                Bcc = new[] { "hidden@example.com" },
                ReplyTo = "noc@example.com",
                Subject = Portuguese,
                MessageId = "<1796117400.abcdef.greenhouse-1@example.com>",
                InReplyTo = "<prev@example.com>",
                References = "<first@example.com> <prev@example.com>",
                Keywords = new[] { "alert", "temperatura" },
                BodyText = "A temperatura chegou a 41,5 °C às 09:30.\r\n.linha com ponto\r\nFim.",
                Attachments = new[]
                {
                    new MimeAttachment("readings.bin", "application/octet-stream", new MemoryReader(big)),
                    new MimeAttachment("medições São Paulo.csv", "text/csv", new MemoryReader(csv)),
                },
            };

            byte[] raw = Write(m);
            AssertWireSafe(raw);
            string text = Encoding.ASCII.GetString(raw);
            Assert.IsFalse(text.Contains("hidden@example.com"), "Bcc must not appear in the header");

            MimeMessage parsed = Parse(raw);
            Assert.AreEqual(Portuguese, parsed.Subject);
            Assert.AreEqual("greenhouse-1@example.com", ((MailboxAddress)parsed.From[0]).Address);
            Assert.AreEqual("Estufa 1", parsed.From[0].Name);
            CollectionAssert.AreEqual(new[] { "ops@example.com", "jose@example.com.br" }, parsed.To.Mailboxes.Select(a => a.Address).ToArray());
            Assert.AreEqual("José da Silva", parsed.To.Mailboxes.ElementAt(1).Name);
            Assert.AreEqual("night@example.com", parsed.Cc.Mailboxes.Single().Address);
            Assert.AreEqual(0, parsed.Bcc.Count);
            Assert.AreEqual("noc@example.com", parsed.ReplyTo.Mailboxes.Single().Address);
            Assert.AreEqual(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero), parsed.Date);
            Assert.AreEqual("1796117400.abcdef.greenhouse-1@example.com", parsed.MessageId);
            Assert.AreEqual("prev@example.com", parsed.InReplyTo);
            CollectionAssert.AreEqual(new[] { "first@example.com", "prev@example.com" }, parsed.References.ToArray());
            Assert.AreEqual("alert,temperatura", parsed.Headers[HeaderId.Keywords].Replace(" ", ""));
            Assert.AreEqual("1.0", parsed.Headers[HeaderId.MimeVersion]);

            Assert.AreEqual("A temperatura chegou a 41,5 °C às 09:30.\n.linha com ponto\nFim.", parsed.TextBody.Replace("\r\n", "\n").TrimEnd('\n'));
            var parts = parsed.Attachments.OfType<MimePart>().ToArray();
            Assert.AreEqual(2, parts.Length);
            Assert.AreEqual("readings.bin", parts[0].FileName);
            Assert.AreEqual("medições São Paulo.csv", parts[1].FileName);
            Assert.AreEqual("text/csv", parts[1].ContentType.MimeType);
            CollectionAssert.AreEqual(SHA256.HashData(big), SHA256.HashData(Decode(parts[0])));
            CollectionAssert.AreEqual(SHA256.HashData(csv), SHA256.HashData(Decode(parts[1])));
        }

        private static byte[] Decode(MimePart part)
        {
            var ms = new MemoryStream();
            part.Content.DecodeTo(ms);
            return ms.ToArray();
        }

        [TestMethod]
        public void HeaderLines_AreFoldedAt78()
        {
            var m = new OutgoingMessage
            {
                From = "greenhouse-1@example.com",
                To = Enumerable.Range(0, 12).Select(i => "operator" + i + "@example.com").ToArray(),
                Subject = string.Join(" ", Enumerable.Repeat(Portuguese, 6)),
                MessageId = "<a@b>",
                BodyText = "x",
            };

            byte[] raw = Write(m);
            string head = Encoding.ASCII.GetString(raw).Split("\r\n\r\n")[0];
            foreach (string line in head.Split("\r\n"))
            {
                Assert.IsTrue(line.Length <= 78, line);
            }

            MimeMessage parsed = Parse(raw);
            Assert.AreEqual(m.Subject, parsed.Subject);
            Assert.AreEqual(12, parsed.To.Count);
        }

        [TestMethod]
        public void BodyEncoding_IsChosenByContent()
        {
            (string body, ContentTransferEncoding expected)[] cases =
            {
                ("plain ascii\r\nlines\r\n", ContentTransferEncoding.SevenBit),
                ("Olá, São Paulo: 41 °C\n", ContentTransferEncoding.QuotedPrintable),
                (new string('a', 1200), ContentTransferEncoding.QuotedPrintable),
                ("温度超过了最高限制。请检查温室。", ContentTransferEncoding.Base64),
            };
            foreach (var (body, expected) in cases)
            {
                MemoryFileStore store = new MemoryFileStore();
                var writer = new MessageWriter(new ManualClock(), new SeededRandom(1));
                var m = new OutgoingMessage { From = "a@example.com", To = new[] { "b@example.com" }, Subject = "s", MessageId = "<x@y>", BodyText = body };
                Assert.AreEqual(MimeWriteResult.Written, writer.Write(m, store.Create("m")));
                Assert.AreEqual(expected, writer.BodyEncoding, body);
                byte[] raw = store.ReadAll("m");
                AssertWireSafe(raw);
                Assert.AreEqual(body.Replace("\r\n", "\n").TrimEnd('\n'), Parse(raw).TextBody.Replace("\r\n", "\n").TrimEnd('\n'));
            }
        }

        [TestMethod]
        public void AnySubjectAndBody_RoundTrip_WireSafe()
        {
            Gen.Select(Gen.String[Gen.Char, 0, 300], Gen.String[Gen.Char, 0, 3000])
                .Sample((subject, body) =>
                {
                    subject = Clean(subject);
                    body = Clean(body).Replace("\r", "");
                    var m = new OutgoingMessage { From = "a@example.com", To = new[] { "b@example.com" }, Subject = subject, MessageId = "<x@y>", BodyText = body };
                    byte[] raw = Write(m);
                    AssertWireSafe(raw);
                    MimeMessage parsed = Parse(raw);
                    Assert.AreEqual(subject.Trim(), parsed.Subject.Trim());   // MimeKit trims the ends of a decoded Subject
                    Assert.AreEqual(body.TrimEnd('\n'), (parsed.TextBody ?? "").Replace("\r\n", "\n").TrimEnd('\n'));
                }, iter: 300);
        }

        // Lone surrogates cannot survive UTF-8 anywhere; controls other than LF and TAB are not text.
        private static string Clean(string s)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    sb.Append(c).Append(s[++i]);
                }
                else if (!char.IsSurrogate(c) && (c >= 32 || c == '\n' || c == '\t') && c != 0x7F && !(c >= 0x80 && c < 0xA0))
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        [TestMethod]
        public void UntrustedClock_WritesNothing_ClockUntrusted()
        {
            MemoryFileStore store = new MemoryFileStore();
            var clock = new ManualClock(new DateTime(1970, 1, 1, 0, 0, 5, DateTimeKind.Utc), false);
            var writer = new MessageWriter(clock, new SeededRandom(1));
            var file = store.Create("m");
            var m = new OutgoingMessage { From = "a@example.com", To = new[] { "b@example.com" }, Subject = "s", MessageId = "<x@y>", BodyText = "b" };
            Assert.AreEqual(MimeWriteResult.ClockUntrusted, writer.Write(m, file));
            Assert.AreEqual(0, file.Length);
        }
    }
}

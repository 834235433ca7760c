using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;
using NanoRelay.Fuzz;
using NanoRelay.Mime;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Fuzz
{
    /// <summary>
    /// Inputs the MIME round-trip fuzz target saved as crashes (bench/fuzz, AFL++), kept as
    /// regression tests with their bytes inline. All three were in the harness's reading of MimeKit,
    /// not in the writer: the writer's output was right each time, as the direct checks show.
    /// </summary>
    [TestClass]
    public class MimeRoundTripFindingsTests
    {
        private static string WriteToText(OutgoingMessage m)
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageWriter writer = new MessageWriter(new ManualClock(), new SeededRandom(7));
            NanoRelay.Ports.IFileWriter file = files.Create("m");
            Assert.AreEqual(MimeWriteResult.Written, writer.Write(m, file), writer.Error);
            file.Flush();
            return Encoding.ASCII.GetString(files.ReadAll("m"));
        }

        private static OutgoingMessage With(string fileName, byte[] content) => new OutgoingMessage
        {
            From = "sensor@example.com",
            To = new[] { "ops@example.com" },
            MessageId = "<1.a.sensor@example.com>",
            Subject = "",
            BodyText = "",
            Attachments = new[] { new MimeAttachment(fileName, "image/png", new MemoryReader(content)) },
        };

        [TestMethod]
        public void EmptyAttachment_EmptySubjectAndBody_RoundTrip()
        {
            // Found after 108 executions: "GG" (every field empty). MimeKit gives an empty part a
            // null Content; the target dereferenced it (NullReferenceException).
            Assert.AreEqual(MimeWriteResult.Written, MimeRoundTripTarget.Write(new byte[] { 0x47, 0x47 }));

            string raw = WriteToText(With("", new byte[0]));
            MimeMessage parsed = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw)));
            MimePart part = parsed.Attachments.OfType<MimePart>().Single();
            Assert.AreEqual("image/png", part.ContentType.MimeType);
            MemoryStream decoded = new MemoryStream();
            part.Content?.DecodeTo(decoded);
            Assert.AreEqual(0L, decoded.Length);
        }

        [TestMethod]
        public void ControlCharacterInFileName_IsPercentEncoded_Rfc2231()
        {
            // Found by AFL++: a file name starting with U+000B. The writer percent-encodes it
            // (RFC 2231 §4); MimeKit drops it when decoding, which the target now allows.
            byte[] input =
            {
                0x02, 0x22, 0x00, 0xe6, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x82, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f,
                0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x9f, 0x69, 0x20, 0xf0, 0x9f, 0x98, 0x80, 0x10, 0x00, 0x62, 0x6f, 0x64, 0x79, 0x20, 0xe6, 0x98,
                0xa5, 0xe6, 0x9c, 0xac, 0xe8, 0xaa, 0x9e, 0x0d, 0x0a, 0x0c, 0x00, 0x0b, 0x84, 0xd0, 0xb0, 0xd0, 0xb9, 0xd0, 0xbb, 0x2e, 0x70, 0x6e, 0x67,
                0x04, 0x00, 0x89, 0x50, 0x4e, 0x47,
            };
            Assert.AreEqual(MimeWriteResult.Written, MimeRoundTripTarget.Write(input));

            string raw = WriteToText(With("\u000b\ufffd\u0430\u0439\u043b.png", new byte[] { 1 }));
            string unfolded = raw.Replace("\r\n ", " ").Replace("\r\n\t", " ");
            StringAssert.Contains(unfolded, "filename*0*=utf-8''%0B%EF%BF%BD%D0%B0%D0%B9%D0%BB.png");
        }

        [TestMethod]
        public void RunOfCarriageReturnsInABase64Body_KeepsEveryOctet()
        {
            // Found by AFL++: a body with NULs and "\r\r\r\r\r\r\n". The writer sends it base64 with every
            // octet; MimeKit's TextBody drops one CR of the run, so the target compares decoded octets.
            byte[] input =
            {
                0x00, 0x00, 0x00, 0x91, 0x00, 0x00, 0x69, 0x00, 0x37, 0x00, 0x41, 0x6c, 0x65, 0x89, 0x89, 0x89, 0x89, 0x89, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d,
                0x0d, 0x0a, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0c, 0x0d, 0x0d, 0x89, 0x89, 0x89, 0xa4, 0x89,
                0x89, 0x89, 0x89, 0x35, 0x6b, 0x40, 0x2e, 0x0d, 0x1f, 0x53, 0x46, 0x29, 0x0d, 0x0d, 0x0c, 0xf1, 0x02, 0x0d, 0x0d, 0x1d, 0x0d, 0x0d, 0x0d,
                0x0d, 0x0d, 0x0d, 0x64, 0x0d, 0x89,
            };
            Assert.AreEqual(MimeWriteResult.Written, MimeRoundTripTarget.Write(input));

            Assert.IsNotNull(MimeRoundTripTarget.LastRaw);
            string raw = Encoding.ASCII.GetString(MimeRoundTripTarget.LastRaw);
            StringAssert.Contains(raw, "Content-Transfer-Encoding: base64");
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using MimeKit;
using NanoRelay.Mime;
using NanoRelay.Testing;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// The MIME writer round trip: a message with a random subject, body and attachment is written,
    /// then parsed back by MimeKit. Either the writer refuses it with a reason, or the output is
    /// 7-bit, CRLF-only with lines of at most 998 octets, and MimeKit reads back the same subject,
    /// body text (line ends aside), attachment name and attachment bytes.
    /// Input: content type pick, then length-prefixed subject, body, file name, attachment.
    /// </summary>
    public static class MimeRoundTripTarget
    {
        private static readonly string[] s_types = { "application/octet-stream", "text/csv", "image/png" };

        /// <summary>The last message written (for "NanoRelay.Fuzz dump-mime FILE").</summary>
        public static byte[] LastRaw { get; private set; }

        public static void Run(byte[] data)
        {
            Write(data);
        }

        /// <summary>Runs the round trip; returns what the writer did (the replay test checks the seeds are written, not refused).</summary>
        public static MimeWriteResult Write(byte[] data)
        {
            FuzzInput input = new FuzzInput(data);
            string type = s_types[input.Byte() % s_types.Length];
            string subject = Encoding.UTF8.GetString(input.Chunk());
            string body = Encoding.UTF8.GetString(input.Chunk());
            string fileName = Encoding.UTF8.GetString(input.Chunk());
            byte[] content = input.Chunk();

            OutgoingMessage message = new OutgoingMessage
            {
                From = "Sensor <sensor@example.com>",
                To = new[] { "ops@example.com" },
                MessageId = "<1796117400.abcdef.sensor@example.com>",
                Subject = subject,
                BodyText = body,
                Attachments = new[] { new MimeAttachment(fileName, type, new MemoryReader(content)) },
            };

            MemoryFileStore files = new MemoryFileStore();
            MessageWriter writer = new MessageWriter(new ManualClock(), new SeededRandom(7));
            NanoRelay.Ports.IFileWriter file = files.Create("m");
            MimeWriteResult result = writer.Write(message, file);
            if (result != MimeWriteResult.Written)
            {
                FuzzFailure.Check(result == MimeWriteResult.Invalid && !string.IsNullOrEmpty(writer.Error), "refused without a reason: " + result);
                return result;
            }

            file.Flush();
            byte[] raw = files.ReadAll("m");
            LastRaw = raw;
            FuzzFailure.Check(raw.Length == writer.Length, "Length says " + writer.Length + ", the file has " + raw.Length);
            FuzzFailure.Check(!writer.Is8Bit, "8-bit output");
            CheckWire(raw);

            MimeMessage parsed = MimeMessage.Load(new MemoryStream(raw));
            FuzzFailure.Check(Words(parsed.Subject) == Words(subject), "subject [" + Escape(subject) + "] read back as [" + Escape(parsed.Subject) + "]");
            // The body part's decoded octets, not MimeKit's TextBody: that drops a CR from a run of CRs before LF.
            TextPart text = parsed.BodyParts.OfType<TextPart>().FirstOrDefault(p => !p.IsAttachment);
            FuzzFailure.Check(text != null, "no text part read back");
            MemoryStream bodyBytes = new MemoryStream();
            text.Content?.DecodeTo(bodyBytes);
            string readBody = Encoding.UTF8.GetString(bodyBytes.ToArray());
            FuzzFailure.Check(Lines(readBody) == Lines(body), "body [" + Escape(body) + "] read back as [" + Escape(readBody) + "]");
            MimePart[] parts = parsed.Attachments.OfType<MimePart>().ToArray();
            FuzzFailure.Check(parts.Length == 1, parts.Length + " attachments read back");
            FuzzFailure.Check(Words(parts[0].FileName) == Words(fileName), "file name [" + Escape(fileName) + "] read back as [" + Escape(parts[0].FileName) + "]");
            FuzzFailure.Check(parts[0].ContentType.MimeType == type, "content type read back as " + parts[0].ContentType.MimeType);
            MemoryStream decoded = new MemoryStream();
            if (parts[0].Content != null)
            {
                parts[0].Content.DecodeTo(decoded);   // MimeKit leaves Content null for an empty part
            }

            FuzzFailure.Check(decoded.ToArray().AsSpan().SequenceEqual(content), "attachment bytes differ: " + content.Length + " written, " + decoded.Length + " read");
            return result;
        }

        private static string Escape(string s)
        {
            if (s == null)
            {
                return "(null)";
            }

            StringBuilder sb = new StringBuilder();
            foreach (char c in s.Length > 300 ? s.Substring(0, 300) : s)
            {
                sb.Append(c >= 32 && c < 127 ? c.ToString() : "\\u" + ((int)c).ToString("x4"));
            }

            return sb.ToString();
        }

        private static void CheckWire(byte[] raw)
        {
            int line = 0;
            for (int i = 0; i < raw.Length; i++)
            {
                FuzzFailure.Check(raw[i] < 128 && raw[i] != 0, "octet " + raw[i] + " at " + i);
                if (raw[i] == '\r')
                {
                    FuzzFailure.Check(i + 1 < raw.Length && raw[i + 1] == '\n', "bare CR at " + i);
                    FuzzFailure.Check(line <= 998, "line of " + line + " octets ending at " + i);
                    line = 0;
                    i++;
                    continue;
                }

                FuzzFailure.Check(raw[i] != '\n', "bare LF at " + i);
                line++;
            }

            FuzzFailure.Check(line == 0, "the message does not end with CRLF");
        }

        // Header text compares as words: folding and unfolding (RFC 5322 §2.2.3) may change runs of
        // white space, and MimeKit drops control characters from a decoded file name (the writer
        // sends them, percent-encoded per RFC 2231 §4).
        private static string Words(string s) =>
            string.Join(" ", new string((s ?? "").Where(c => c >= 32 && c != 127 || c == '\t').ToArray()).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));

        // Body text compares by lines: the writer stores CRLF for any line end, and a final line end is added.
        private static string Lines(string s) =>
            (s ?? "").Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n');
    }
}

using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;
using NanoRelay.Alerts;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Alerts
{
    /// <summary>The digest as a real MIME parser (MimeKit) reads it: multipart/digest, message/rfc822 parts, subjects and bodies intact.</summary>
    [TestClass]
    public class DigestMimeKitTests
    {
        internal static (AlertMessage Digest, RecordingAlertSink Sink) Flap(AlertRule rule, double[] values, string device = "greenhouse-1")
        {
            ManualClock clock = new ManualClock();
            RecordingAlertSink sink = new RecordingAlertSink(clock);
            AlertEngine engine = new AlertEngine(device, clock, sink);
            engine.Add(rule);
            foreach (double v in values)
            {
                clock.Advance(2000);
                engine.Feed(new SensorSample(rule.SensorName, rule.Kind, v, clock.MonotonicMilliseconds));
            }

            clock.Advance(rule.WindowMilliseconds);
            engine.Poll(clock.MonotonicMilliseconds);
            AlertMessage digest = Enumerable.Range(0, sink.Count).Select(i => sink[i]).Single(m => m.Kind == AlertEventKind.Digest);
            return (digest, sink);
        }

        internal static MimeMessage WriteAndParse(AlertMessage digest, out byte[] raw)
        {
            MemoryFileStore store = new MemoryFileStore();
            IFileWriter w = store.Create("digest");
            new AlertDigestWriter().WriteMessage(w, digest, "greenhouse-1@example.com", new[] { "ops@example.com" }, new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc), "spool-42");
            w.Flush();
            w.Close();
            IFileReader r = store.OpenRead("digest");
            raw = new byte[r.Length];
            int n = 0;
            while (n < raw.Length)
            {
                n += r.Read(raw, n, raw.Length - n);
            }

            return MimeMessage.Load(new MemoryStream(raw));
        }

        [TestMethod]
        public void Rfc2046_Section5_1_5_DigestOfMessages_ParsesBack()
        {
            (AlertMessage digest, _) = Flap(AlertRule.DoorOpen("front-door").WithRateLimit(1, 60000), new double[] { 1, 0, 1, 0, 1, 0, 1 });
            MimeMessage m = WriteAndParse(digest, out _);

            Assert.AreEqual(digest.Subject, m.Subject);
            Assert.AreEqual("<spool-42@example.com>", "<" + m.MessageId + ">");
            Multipart root = m.Body as Multipart;
            Assert.IsNotNull(root);
            Assert.AreEqual("multipart/digest", root.ContentType.MimeType);
            Assert.AreEqual(1 + digest.Members.Length, root.Count);

            TextPart summary = root[0] as TextPart;
            Assert.IsNotNull(summary);
            Assert.AreEqual(digest.Body, summary.Text.Replace("\r\n", "\n"));

            for (int i = 0; i < digest.Members.Length; i++)
            {
                MessagePart part = root[i + 1] as MessagePart;
                Assert.IsNotNull(part, "part " + (i + 1) + " is " + root[i + 1].GetType().Name);
                Assert.AreEqual("message/rfc822", part.ContentType.MimeType);   // the digest default, no header written
                Assert.AreEqual(digest.Members[i].Subject, part.Message.Subject);
                Assert.AreEqual("spool-42." + (i + 1) + "@example.com", part.Message.MessageId);
                Assert.AreEqual(digest.Members[i].Body, part.Message.TextBody.Replace("\r\n", "\n"));
                Assert.AreEqual(digest.Members[i].Utc, part.Message.Date.UtcDateTime);
            }
        }

        [TestMethod]
        public void NonAsciiSubjectsAndBodies_RoundTrip()
        {
            (AlertMessage digest, _) = Flap(AlertRule.Above("Gewächshaus-Süd", SensorKind.Temperature, 35, 33).WithRateLimit(1, 60000), new double[] { 36, 32, 36, 32, 36 });
            MimeMessage m = WriteAndParse(digest, out byte[] raw);
            Assert.IsTrue(raw.All(b => b < 0x80), "the digest is 7-bit clean");
            Multipart root = (Multipart)m.Body;
            for (int i = 0; i < digest.Members.Length; i++)
            {
                MimeMessage member = ((MessagePart)root[i + 1]).Message;
                StringAssert.Contains(member.Subject, "°C");
                Assert.AreEqual(digest.Members[i].Subject, member.Subject);
                Assert.AreEqual(digest.Members[i].Body, member.TextBody.Replace("\r\n", "\n"));
            }
        }

        [TestMethod]
        public void LongAsciiSubject_FoldsAtSpaces()
        {
            string device = "the north greenhouse behind the old barn at the far end of the lower field";
            (AlertMessage digest, _) = Flap(AlertRule.DoorOpen("front-door").WithRateLimit(1, 60000), new double[] { 1, 0, 1, 0 }, device);
            MimeMessage m = WriteAndParse(digest, out byte[] raw);
            Assert.AreEqual(digest.Subject, m.Subject);
            string text = System.Text.Encoding.ASCII.GetString(raw);
            Assert.IsFalse(text.Contains("=?utf-8?"), "plain ASCII needs no encoded-words");
            Assert.IsTrue(text.Split("\r\n").All(l => l.Length <= 78), "no line longer than 78");
            StringAssert.Contains(text, "of the lower\r\n field] front-door");   // folded before a space, RFC 5322 §2.2.3
        }

        [TestMethod]
        public void LongSubject_FoldsAndUnfoldsToTheSameText()
        {
            string name = string.Concat(Enumerable.Repeat("north-greenhouse-row-", 6)) + "temp";
            (AlertMessage digest, _) = Flap(AlertRule.Above(name, SensorKind.Humidity, 85, 80).WithRateLimit(1, 60000), new double[] { 90, 70, 90, 70 });
            MimeMessage m = WriteAndParse(digest, out byte[] raw);
            Assert.AreEqual(digest.Subject, m.Subject);
            string text = System.Text.Encoding.ASCII.GetString(raw);
            Assert.IsTrue(text.Split("\r\n").All(l => l.Length <= 78), "no line longer than 78");
        }
    }
}

using System;
#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Mime;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5322
{
    /// <summary>RFC 5322 §3.3 and §3.6: Date, Message-ID, Bcc; docs/catalogue.md #40 (no 1970 Date).</summary>
    [TestClass]
    public class Section3_6_FieldDefinitions
    {
        private static OutgoingMessage Message()
        {
            OutgoingMessage m = new OutgoingMessage();
            m.From = "greenhouse-1@example.com";
            m.To = new string[] { "ops@example.com" };
            m.Bcc = new string[] { "auditor@example.com" };
            m.Subject = "s";
            m.MessageId = "<1@example.com>";
            m.BodyText = "x";
            return m;
        }

        private static string Write(OutgoingMessage m, ManualClock clock)
        {
            MemoryFileStore store = new MemoryFileStore();
            MessageWriter w = new MessageWriter(clock, new SeededRandom(3));
            Assert.AreEqual(MimeWriteResult.Written, w.Write(m, store.Create("m")));
            return NanoRelay.Framing.Utf8.GetString(store.ReadAll("m"), 0, store.ReadAll("m").Length);
        }

        [TestMethod]
        public void Date_ComesFromTheClock_InRfc5322Form()
        {
            string all = Write(Message(), new ManualClock(new DateTime(2026, 1, 4, 7, 5, 9), true));
            Assert.IsTrue(all.IndexOf("\r\nDate: Sun, 4 Jan 2026 07:05:09 +0000\r\n") > 0, all);
        }

        [TestMethod]
        public void Sc40_ClockNotSet_NoMessageIsDated_TheCallerHoldsIt()
        {
            MemoryFileStore store = new MemoryFileStore();
            MessageWriter w = new MessageWriter(new ManualClock(new DateTime(1970, 1, 1, 0, 0, 3), false), new SeededRandom(3));
            IFileWriterProbe probe = new IFileWriterProbe(store.Create("m"));
            Assert.AreEqual(MimeWriteResult.ClockUntrusted, w.Write(Message(), probe.Writer));
            Assert.AreEqual(0L, probe.Writer.Length);
            Assert.IsNotNull(w.Error);
        }

        [TestMethod]
        public void MessageId_LongerThanTheHeaderWritersTokenBuffer_WrittenWholeOnItsLine()
        {
            // §3.6.4: one msg-id, unbreakable; 3 x 128 + 18 octets passes the writer's token buffer in pieces.
            string left = "";
            for (int i = 0; i < 384; i++)
            {
                left += (char)('a' + (i % 26));
            }

            OutgoingMessage m = Message();
            m.MessageId = "<" + left + "@example.com>";
            string all = Write(m, new ManualClock());
            Assert.IsTrue(all.IndexOf("\r\nMessage-ID: <" + left + "@example.com>\r\n") > 0, all);
        }

        [TestMethod]
        public void Bcc_IsInTheEnvelopeOnly()
        {
            OutgoingMessage m = Message();
            string all = Write(m, new ManualClock());
            Assert.AreEqual(-1, all.IndexOf("auditor"));
            string[] rcpt = m.EnvelopeRecipients();
            Assert.AreEqual(2, rcpt.Length);
            Assert.AreEqual("auditor@example.com", rcpt[1]);
        }

        [TestMethod]
        public void HeaderInjection_IsRefused()
        {
            OutgoingMessage m = Message();
            m.Subject = "hi\r\nBcc: victim@example.com";
            MemoryFileStore store = new MemoryFileStore();
            MessageWriter w = new MessageWriter(new ManualClock(), new SeededRandom(3));
            Assert.AreEqual(MimeWriteResult.Invalid, w.Write(m, store.Create("m")));
        }

        [TestMethod]
        public void MessageIds_AreUniqueAndWellFormed()
        {
            SeededRandom r = new SeededRandom(9);
            ManualClock c = new ManualClock();
            string a = MessageId.Create(r, c, "greenhouse 1", "example.com");
            string b = MessageId.Create(r, c, "greenhouse 1", "example.com");
            Assert.AreNotEqual(a, b);
            Assert.IsTrue(a.StartsWith("<") && a.EndsWith("@example.com>"), a);
            Assert.IsTrue(a.IndexOf("greenhouse-1") > 0, a);
            Assert.AreEqual(-1, a.IndexOf(' '));
        }

        private sealed class IFileWriterProbe
        {
            public IFileWriterProbe(NanoRelay.Ports.IFileWriter w)
            {
                Writer = w;
            }

            public NanoRelay.Ports.IFileWriter Writer { get; private set; }
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Relay;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Storage
{
    /// <summary>
    /// RFC 6152: whether a queued message has 8-bit octets (MAIL ... BODY=8BITMIME) is decided
    /// once, by the spool's writer as the content is stored, and kept in the envelope; the
    /// upstream reads the flag instead of reading the whole file again on every attempt. An
    /// envelope written before the flag existed (version 1) is scanned once per start.
    /// </summary>
    [TestClass]
    public class SpoolEightBitFlagTests
    {
        private static Spool Open(MemoryFileStore files)
        {
            Spool s = new Spool(files, new ManualClock(), new SeededRandom(5), 0, 100);
            s.Open();
            return s;
        }

        // Lines of 'a', with one octet 0xE9 at `eightBitAt` (or none when negative).
        private static byte[] Content(int length, int eightBitAt)
        {
            byte[] c = new byte[length];
            for (int i = 0; i < length; i++)
            {
                c[i] = (i % 40) == 38 ? (byte)13 : (i % 40) == 39 ? (byte)10 : (byte)'a';
            }

            if (eightBitAt >= 0)
            {
                c[eightBitAt] = 0xE9;
            }

            return c;
        }

        private static SpoolEntry Queue(Spool spool, byte[] content)
        {
            StoreWriter w = spool.Begin("sensor@lan.test", new string[] { "ops@example.com" }, "<m@lan.test>");
            w.Write(content, 0, content.Length);
            return w.Commit();
        }

        private static string ContentName(long id)
        {
            string hex = "0000000" + id.ToString();
            return Spool.Prefix + hex.Substring(hex.Length - 7) + ".msg";
        }

        [TestMethod]
        public void SevenBitContent_EnvelopeSaysSevenBit_AfterReboot()
        {
            MemoryFileStore files = new MemoryFileStore();
            SpoolEntry e = Queue(Open(files), Content(3000, -1));
            Assert.IsTrue(e.EightBitKnown);
            Assert.IsFalse(e.EightBit);

            files.Reboot();
            SpoolEntry again = Open(files).Find(e.Id);
            Assert.IsTrue(again.EightBitKnown);
            Assert.IsFalse(again.EightBit);
        }

        [TestMethod]
        public void EightBitOctetInTheLastBufferedOctets_EnvelopeSaysEightBit_AfterReboot()
        {
            // The octet is in what the writer still holds when Commit is called: the flag must be
            // taken after the last write reaches the file, not before.
            MemoryFileStore files = new MemoryFileStore();
            int length = Limits.StoreWriteBuffer * 2 + 100;
            SpoolEntry e = Queue(Open(files), Content(length, length - 5));
            Assert.IsTrue(e.EightBit);

            files.Reboot();
            SpoolEntry again = Open(files).Find(e.Id);
            Assert.IsTrue(again.EightBitKnown);
            Assert.IsTrue(again.EightBit);
            Assert.AreEqual((long)length, again.Size);
        }

        [TestMethod]
        public void KnownFlag_IsAnsweredWithoutReadingTheContent()
        {
            MemoryFileStore files = new MemoryFileStore();
            Spool spool = Open(files);
            SpoolEntry e = Queue(spool, Content(500, 10));
            Assert.IsTrue(files.Delete(ContentName(e.Id)));   // a scan would now find nothing
            Assert.IsTrue(new OutboundMessage(spool, e, e.Recipients).EightBit);
        }

        [TestMethod]
        public void VersionOneEnvelope_WithoutTheFlag_IsScannedOnce()
        {
            MemoryFileStore files = new MemoryFileStore();
            Open(files);
            MessageStore raw = new MessageStore(files, Spool.Prefix, 0, 100);
            raw.Recover();
            StoreWriter w = raw.Begin();
            byte[] content = Content(700, 650);
            w.Write(content, 0, content.Length);
            RecordWriter meta = new RecordWriter();
            meta.Byte(1);                                 // version 1: no flags byte
            meta.Text("0badcafe:1", 64);
            meta.Text("sensor@lan.test", Limits.SmtpPathOctets);
            meta.UInt32(1);
            meta.Text("ops@example.com", Limits.SmtpPathOctets);
            meta.Text("<old@lan.test>", Limits.HeaderLineMax);
            meta.Int64(0);
            w.Commit(meta.Buffer, 0, meta.Length);

            files.Reboot();
            Spool spool = Open(files);
            Assert.AreEqual(1, spool.Count);
            SpoolEntry e = spool.Find(w.Id);
            Assert.IsFalse(e.EightBitKnown);
            Assert.IsTrue(new OutboundMessage(spool, e, e.Recipients).EightBit);
            Assert.IsTrue(e.EightBitKnown);

            // Scanned once: the next attempt takes the answer kept in RAM.
            Assert.IsTrue(files.Delete(ContentName(e.Id)));
            Assert.IsTrue(new OutboundMessage(spool, e, e.Recipients).EightBit);
        }

        [TestMethod]
        public void EnvelopeWithUnknownFlags_IsQuarantined()
        {
            MemoryFileStore files = new MemoryFileStore();
            Open(files);
            MessageStore raw = new MessageStore(files, Spool.Prefix, 0, 100);
            raw.Recover();
            StoreWriter w = raw.Begin();
            w.Write(new byte[] { 65, 13, 10 }, 0, 3);
            RecordWriter meta = new RecordWriter();
            meta.Byte(2);
            meta.Text("0badcafe:1", 64);
            meta.Text("sensor@lan.test", Limits.SmtpPathOctets);
            meta.UInt32(1);
            meta.Text("ops@example.com", Limits.SmtpPathOctets);
            meta.Text("<new@lan.test>", Limits.HeaderLineMax);
            meta.Int64(0);
            meta.Byte(0x81);                              // bit 7 means nothing yet
            w.Commit(meta.Buffer, 0, meta.Length);

            files.Reboot();
            Spool spool = Open(files);
            Assert.AreEqual(0, spool.Count);
            Assert.AreEqual("envelope flags unknown", spool.Store.LastRecovery.Quarantined[0].Reason);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Storage
{
    /// <summary>docs/catalogue.md #60: record files are parsed with the distrust of network input.</summary>
    [TestClass]
    public class StoreRecordTests
    {
        private static byte[] Whole(string payload)
        {
            MemoryFileStore files = new MemoryFileStore();
            byte[] p = Ascii.Bytes(payload);
            StoreRecord.Write(files, "r", StoreRecord.KindCommit, p, p.Length);
            return files.ReadAll("r");
        }

        [TestMethod]
        public void WrittenRecord_ReadsBackExactly()
        {
            byte[] payload;
            Assert.AreEqual(RecordStatus.Ok, StoreRecord.Parse(Whole("hello"), StoreRecord.KindCommit, out payload));
            Assert.AreEqual("hello", Utf8.GetString(payload, 0, payload.Length));
        }

        [TestMethod]
        public void EveryTruncation_IsDetected()
        {
            byte[] b = Whole("envelope bytes");
            for (int n = 0; n < b.Length; n++)
            {
                byte[] cut = new byte[n];
                System.Array.Copy(b, cut, n);
                byte[] payload;
                Assert.IsTrue(RecordStatus.Ok != StoreRecord.Parse(cut, StoreRecord.KindCommit, out payload));
                Assert.IsNull(payload);
            }
        }

        [TestMethod]
        public void EverySingleBitFlip_IsDetected()
        {
            byte[] b = Whole("sender and recipients");
            for (int i = 0; i < b.Length; i++)
            {
                for (int bit = 0; bit < 8; bit++)
                {
                    byte[] c = (byte[])b.Clone();
                    c[i] ^= (byte)(1 << bit);
                    byte[] payload;
                    Assert.IsTrue(RecordStatus.Ok != StoreRecord.Parse(c, StoreRecord.KindCommit, out payload));
                }
            }
        }

        [TestMethod]
        public void LengthFieldOf2Pow31_IsBadLength_WithoutAllocating()
        {
            byte[] b = Whole("x");
            b[4] = 0x80;
            b[5] = 0;
            b[6] = 0;
            b[7] = 0;
            byte[] payload;
            Assert.AreEqual(RecordStatus.BadLength, StoreRecord.Parse(b, StoreRecord.KindCommit, out payload));
        }

        [TestMethod]
        public void RandomBytes_AreNotARecord()
        {
            SeededRandom r = new SeededRandom(60);
            for (int i = 0; i < 200; i++)
            {
                byte[] b = new byte[1 + (i % 64)];
                r.NextBytes(b, 0, b.Length);
                byte[] payload;
                Assert.IsTrue(RecordStatus.Ok != StoreRecord.Parse(b, StoreRecord.KindCommit, out payload));
            }
        }

        [TestMethod]
        public void TrailingBytes_AreRejected()
        {
            byte[] b = Whole("x");
            byte[] longer = new byte[b.Length + 1];
            System.Array.Copy(b, longer, b.Length);
            byte[] payload;
            Assert.AreEqual(RecordStatus.TrailingBytes, StoreRecord.Parse(longer, StoreRecord.KindCommit, out payload));
        }

        [TestMethod]
        public void RecordOfAnotherKind_IsRejected()
        {
            byte[] payload;
            Assert.AreEqual(RecordStatus.BadMagic, StoreRecord.Parse(Whole("x"), StoreRecord.KindState, out payload));
        }

        [TestMethod]
        public void HugeFile_IsRefusedBeforeReading()
        {
            MemoryFileStore files = new MemoryFileStore();
            files.Corrupt("big", new byte[Limits.StoreRecordMax + StoreRecord.Overhead + 1]);
            byte[] payload;
            Assert.AreEqual(RecordStatus.BadLength, StoreRecord.Read(files, "big", StoreRecord.KindCommit, out payload));
        }

        [TestMethod]
        public void Reader_ShortPayload_FailsWithoutThrowing()
        {
            RecordReader r = new RecordReader(new byte[] { 0, 5, 1, 2 }, 0, 4);
            Assert.IsNull(r.Bytes(100));
            Assert.IsTrue(r.Failed);
            Assert.AreEqual(0L, r.UInt32());
        }
    }
}

using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Storage
{
    /// <summary>The fault model the power-cut walks rely on behaves as its summary says.</summary>
    [TestClass]
    public class MemoryFileStoreTests
    {
        private static bool Throws(System.Action a)
        {
            try
            {
                a();
                return false;
            }
            catch (StoreException)
            {
                return true;
            }
        }

        [TestMethod]
        public void UnflushedBytes_AreLostAtReboot_FlushedOnesKept()
        {
            var f = new MemoryFileStore();
            IFileWriter w = f.Create("a");
            w.Write(new byte[] { 1, 2 }, 0, 2);
            w.Flush();
            w.Write(new byte[] { 3 }, 0, 1);
            w.Close();
            f.Reboot();
            CollectionAssert.AreEqual(new byte[] { 1, 2 }, f.ReadAll("a"));
        }

        [TestMethod]
        public void CutAfterK_TheNextMutationThrows_AndEverythingAfter()
        {
            var f = new MemoryFileStore { PowerCutAfter = 2 };
            IFileWriter w = f.Create("a");
            w.Write(new byte[] { 1 }, 0, 1);
            Assert.IsTrue(Throws(() => w.Flush()));
            Assert.IsTrue(f.PoweredOff);
            Assert.IsTrue(Throws(() => f.Exists("a")));
        }

        [TestMethod]
        public void TornWrite_KeepsAPrefix_OrScrambledBytes()
        {
            var f = new MemoryFileStore { PowerCutAfter = 1, TornBytes = 3 };
            IFileWriter w = f.Create("a");
            Assert.IsTrue(Throws(() => w.Write(new byte[] { 1, 2, 3, 4, 5 }, 0, 5)));
            f.Reboot();
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, f.ReadAll("a"));

            var g = new MemoryFileStore { PowerCutAfter = 1, TornBytes = 3, TornGarbage = true };
            IFileWriter v = g.Create("a");
            Assert.IsTrue(Throws(() => v.Write(new byte[] { 1, 2, 3, 4, 5 }, 0, 5)));
            g.Reboot();
            Assert.AreEqual(3, g.ReadAll("a").Length);
            CollectionAssert.AreNotEqual(new byte[] { 1, 2, 3 }, g.ReadAll("a"));
        }

        [TestMethod]
        public void CreateNeedsFlush_AFileNeverFlushedIsGoneAfterReboot()
        {
            var f = new MemoryFileStore { CreateNeedsFlush = true };
            f.Create("never").Write(new byte[] { 1 }, 0, 1);
            IFileWriter w = f.Create("flushed");
            w.Flush();
            f.Reboot();
            Assert.IsFalse(f.Exists("never"));
            Assert.IsTrue(f.Exists("flushed"));

            var g = new MemoryFileStore();
            g.Create("kept");
            g.Reboot();
            Assert.IsTrue(g.Exists("kept"), "by default a created name is durable at once");
        }

        [TestMethod]
        public void FullStore_CreateAndWriteFailWithIsFull()
        {
            var f = new MemoryFileStore(4);
            IFileWriter w = f.Create("a");
            w.Write(new byte[4], 0, 4);
            StoreException e = null;
            try
            {
                w.Write(new byte[1], 0, 1);
            }
            catch (StoreException x)
            {
                e = x;
            }

            Assert.IsTrue(e != null && e.IsFull);
            e = null;
            try
            {
                f.Create("b");
            }
            catch (StoreException x)
            {
                e = x;
            }

            Assert.IsTrue(e != null && e.IsFull);
        }

        [TestMethod]
        public void CreateOntoAnExistingName_Throws_AndCountsAsAHotSpot()
        {
            var f = new MemoryFileStore();
            f.Create("a").Close();
            Assert.IsTrue(Throws(() => f.Create("a")));
            f.Delete("a");
            f.Create("a");
            Assert.AreEqual(2, f.MaxCreatesOfOneName);
        }

        // nanoFramework FileSystemManager.AddToOpenList: File.Delete opens with FileShare.None.
        [TestMethod]
        public void DeviceSharing_DeleteOfAnOpenFile_Throws_LikeFileDelete()
        {
            var f = new MemoryFileStore();
            IFileWriter w = f.Create("a");
            Assert.IsTrue(Throws(() => f.Delete("a")), "open writer");
            w.Close();
            IFileReader r = f.OpenRead("a");
            Assert.IsTrue(Throws(() => f.Delete("a")), "open reader");
            Assert.AreEqual(0L, f.Length("a"), "Length reads the directory entry (FileInfo), it opens nothing");
            r.Close();
            Assert.IsTrue(f.Delete("a"));
            Assert.AreEqual(0, f.OpenHandles);
        }

        // A second open needs FileShare.ReadWrite: with nano's default (Read) two readers collide.
        [TestMethod]
        public void DeviceSharing_SecondOpenWithDefaultShare_Throws_WithReadWrite_Works()
        {
            var f = new MemoryFileStore();
            IFileWriter w = f.Create("a");
            w.Write(new byte[] { 1 }, 0, 1);
            IFileReader during = f.OpenRead("a");   // writer shares Read, reader asks ReadWrite: allowed
            during.Close();
            w.Close();

            f.ReaderShare = MemoryFileStore.ShareRead;   // FileStream(path, Open, Read): nano's default share
            IFileReader first = f.OpenRead("a");
            Assert.IsTrue(Throws(() => f.OpenRead("a")));
            first.Close();
        }

        // LittleFS gives each file whole blocks and reports no free space: the raw store fails with a plain I/O error.
        [TestMethod]
        public void Blocks_SmallFilesTakeAWholeBlockEach_AndTheRawStoreFailsWithoutIsFull()
        {
            var f = new MemoryFileStore(4 * 4096) { BlockBytes = 4096, FreeSpaceUnknown = true };
            for (int i = 0; i < 4; i++)
            {
                IFileWriter w = f.Create("m" + i);
                w.Write(new byte[100], 0, 100);
                w.Close();
            }

            Assert.AreEqual(-1L, f.FreeBytes);
            StoreException e = null;
            try
            {
                f.Create("m4");
            }
            catch (StoreException x)
            {
                e = x;
            }

            Assert.IsTrue(e != null && !e.IsFull, "400 bytes of content filled 16 KB");
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Ports;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Storage
{
    /// <summary>
    /// The spool on flash that allocates whole blocks and cannot say how much is free (LittleFS on
    /// I:, 4 KB blocks): the budget is counted in blocks and files, and the spool says "full"
    /// (SMTP 452) before the partition, which holds the config and the Wi-Fi settings too, runs out.
    /// </summary>
    [TestClass]
    public class BlockBudgetStoreTests
    {
        private const int Block = 4096;

        // The I: partition of esp32-devkitc (256 KB) as LittleFS sees it.
        private static MemoryFileStore Partition()
        {
            MemoryFileStore f = new MemoryFileStore(262144);
            f.BlockBytes = Block;
            f.FreeSpaceUnknown = true;
            return f;
        }

        private static void Put(IFileStore store, string name, int bytes)
        {
            IFileWriter w = store.Create(name);
            w.Write(new byte[bytes], 0, bytes);
            w.Flush();
            w.Close();
        }

        private static StoreException Queue(Spool spool, int bytes)
        {
            try
            {
                StoreWriter w = spool.Begin("sensor@lan.test", new string[] { "ops@example.com" }, null);
                byte[] content = new byte[bytes];
                for (int i = 0; i < content.Length; i++)
                {
                    content[i] = (byte)'a';
                }

                w.Write(content, 0, content.Length);
                w.Commit();
                return null;
            }
            catch (StoreException e)
            {
                return e;
            }
        }

        [TestMethod]
        public void SpoolOfSmallMessages_IsFullByBlocks_BeforeTheFlashIs()
        {
            MemoryFileStore flash = Partition();
            Put(flash, "nanorelay.json", 1500);
            BlockBudgetStore budget = new BlockBudgetStore(flash, Block, 131072, 64);
            Spool spool = new Spool(budget, new ManualClock(), new SeededRandom(7), 131072, 1024);
            spool.Open();

            StoreException refused = null;
            int queued = 0;
            while (refused == null && queued < 200)
            {
                refused = Queue(spool, 1500);
                if (refused == null)
                {
                    queued++;
                }
            }

            // 128 KB by bytes would be ~85 messages of 1.5 KB; by blocks (content + commit file) far fewer.
            Assert.IsNotNull(refused);
            Assert.IsTrue(refused.IsFull, refused.Message);
            Assert.IsTrue(queued >= 10 && queued < 20, queued + " queued");
            Assert.IsTrue(budget.UsedBlocks <= 32);

            // The rest of I: still takes a config save (the Wi-Fi settings live there too).
            Put(flash, "wifi.cfg", 300);
        }

        [TestMethod]
        public void ByteBudgetAlone_OnASmallPartition_FailsAsARawIoError()
        {
            // What the spool did before: 128 KB counted in bytes, on 64 KB of blocks.
            MemoryFileStore flash = new MemoryFileStore(65536);
            flash.BlockBytes = Block;
            flash.FreeSpaceUnknown = true;
            Spool spool = new Spool(flash, new ManualClock(), new SeededRandom(7), 131072, 1024);
            spool.Open();
            StoreException refused = null;
            for (int i = 0; i < 100 && refused == null; i++)
            {
                refused = Queue(spool, 1500);
            }

            Assert.IsNotNull(refused);
            Assert.IsFalse(refused.IsFull, "the board saw an I/O error, not spool full");
        }

        [TestMethod]
        public void FileCap_RefusesTheNextFile_AndADeleteGivesRoomBack()
        {
            BlockBudgetStore budget = new BlockBudgetStore(Partition(), Block, 131072, 3);
            Put(budget, "a", 10);
            Put(budget, "b", 5000);
            Put(budget, "c", 0);
            Assert.AreEqual(3, budget.FileCount);
            Assert.AreEqual(4L, budget.UsedBlocks);
            Assert.AreEqual(0L, budget.FreeBytes);
            StoreException e = null;
            try
            {
                budget.Create("d");
            }
            catch (StoreException x)
            {
                e = x;
            }

            Assert.IsTrue(e != null && e.IsFull);
            Assert.IsTrue(budget.Delete("b"));
            Assert.AreEqual(2L, budget.UsedBlocks);
            Put(budget, "d", 4097);
            Assert.AreEqual(4L, budget.UsedBlocks);
        }

        [TestMethod]
        public void WritePastTheLastBlock_IsFull_AndCountsOnlyWhatWasWritten()
        {
            MemoryFileStore flash = Partition();
            BlockBudgetStore budget = new BlockBudgetStore(flash, Block, 2 * Block, 10);
            IFileWriter w = budget.Create("a");
            w.Write(new byte[Block], 0, Block);
            w.Write(new byte[Block], 0, Block);
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
            Assert.AreEqual(2L, budget.UsedBlocks);
            w.Close();

            // Opened again after a reboot: the count starts from what is on the flash.
            BlockBudgetStore again = new BlockBudgetStore(flash, Block, 2 * Block, 10);
            Assert.AreEqual(2L, again.UsedBlocks);
            Assert.AreEqual(1, again.FileCount);
        }
    }
}

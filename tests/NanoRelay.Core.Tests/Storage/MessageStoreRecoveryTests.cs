#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Storage
{
    /// <summary>
    /// docs/catalogue.md #56, #59 and #60 at the level of single files: recovery keeps what is
    /// committed and whole, removes what was never committed, quarantines what is torn or corrupt.
    /// </summary>
    [TestClass]
    public class MessageStoreRecoveryTests
    {
        private static MessageStore Open(MemoryFileStore files)
        {
            MessageStore s = new MessageStore(files, "q", 0, 100);
            s.Recover();
            return s;
        }

        private static StoreEntry Put(MessageStore s, string content, string meta)
        {
            StoreWriter w = s.Begin();
            byte[] c = Ascii.Bytes(content);
            w.Write(c, 0, c.Length);
            byte[] m = Ascii.Bytes(meta);
            return w.Commit(m, 0, m.Length);
        }

        private static string ContentOf(MessageStore s, StoreEntry e)
        {
            IFileReader r = s.OpenContent(e);
            byte[] b = new byte[(int)r.Length];
            int n = r.Read(b, 0, b.Length);
            r.Close();
            return Utf8.GetString(b, 0, n);
        }

        [TestMethod]
        public void CommittedEntry_SurvivesReboot_WithContentAndMeta()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = Open(files);
            StoreEntry e = Put(s, "Subject: a\r\n\r\nbody\r\n", "meta");
            files.Reboot();
            MessageStore t = Open(files);
            Assert.AreEqual(1, t.Count);
            StoreEntry r = t.Find(e.Id);
            Assert.AreEqual("Subject: a\r\n\r\nbody\r\n", ContentOf(t, r));
            Assert.AreEqual("meta", Utf8.GetString(r.Meta, 0, r.Meta.Length));
            Assert.AreEqual(0, t.LastRecovery.Quarantined.Length);
        }

        [TestMethod]
        public void ContentWithoutCommitRecord_IsRemoved_NotQuarantined()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = Open(files);
            StoreWriter w = s.Begin();
            w.Write(new byte[] { 1, 2, 3 }, 0, 3);
            files.Reboot();
            MessageStore t = Open(files);
            Assert.AreEqual(0, t.Count);
            Assert.AreEqual(1, t.LastRecovery.OrphansRemoved);
            Assert.AreEqual(0, files.List("q0").Length);
        }

        [TestMethod]
        public void CommitRecordWithoutContent_IsQuarantined()
        {
            MemoryFileStore files = new MemoryFileStore();
            StoreEntry e = Put(Open(files), "x\r\n", "m");
            files.Delete("q0000001.msg");
            MessageStore t = Open(files);
            Assert.AreEqual(0, t.Count);
            Assert.AreEqual(1, t.LastRecovery.Quarantined.Length);
            Assert.AreEqual("commit record without content", t.LastRecovery.Quarantined[0].Reason);
            Assert.AreEqual(e.Id, t.LastRecovery.Quarantined[0].Id);
        }

        [TestMethod]
        public void TruncatedCommitRecord_IsQuarantined_AndStaysQuarantinedAfterReboot()
        {
            MemoryFileStore files = new MemoryFileStore();
            Put(Open(files), "x\r\n", "m");
            byte[] env = files.ReadAll("q0000001.env");
            byte[] cut = new byte[env.Length - 3];
            System.Array.Copy(env, cut, cut.Length);
            files.Corrupt("q0000001.env", cut);
            MessageStore t = Open(files);
            Assert.AreEqual(0, t.Count);
            Assert.AreEqual("commit record truncated", t.LastRecovery.Quarantined[0].Reason);
            Assert.IsTrue(files.Exists("q0000001.bad"));
            Assert.IsFalse(files.Exists("q0000001.env"));

            MessageStore u = Open(files);
            Assert.AreEqual(0, u.Count);
            Assert.AreEqual(0, u.LastRecovery.NewlyQuarantined);
            Assert.AreEqual("commit record truncated", u.LastRecovery.Quarantined[0].Reason);
        }

        [TestMethod]
        public void RandomBytesAsCommitRecord_IsQuarantined_OthersFlow()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = Open(files);
            Put(s, "one\r\n", "1");
            Put(s, "two\r\n", "2");
            byte[] junk = new byte[40];
            new SeededRandom(7).NextBytes(junk, 0, junk.Length);
            files.Corrupt("q0000001.env", junk);
            MessageStore t = Open(files);
            Assert.AreEqual(1, t.Count);
            Assert.AreEqual("two\r\n", ContentOf(t, t.Entries()[0]));
            Assert.AreEqual("commit record not a record", t.LastRecovery.Quarantined[0].Reason);
        }

        [TestMethod]
        public void ContentChangedAfterCommit_IsQuarantined()
        {
            MemoryFileStore files = new MemoryFileStore();
            Put(Open(files), "abc\r\n", "m");
            files.Corrupt("q0000001.msg", Ascii.Bytes("abd\r\n"));
            MessageStore t = Open(files);
            Assert.AreEqual(0, t.Count);
            Assert.AreEqual("content checksum mismatch", t.LastRecovery.Quarantined[0].Reason);
        }

        [TestMethod]
        public void ContentShorterThanCommitted_IsQuarantined()
        {
            MemoryFileStore files = new MemoryFileStore();
            Put(Open(files), "abcdef\r\n", "m");
            files.Corrupt("q0000001.msg", Ascii.Bytes("abc"));
            MessageStore t = Open(files);
            Assert.AreEqual(0, t.Count);
            Assert.AreEqual("content is 3 bytes, commit record says 8", t.LastRecovery.Quarantined[0].Reason);
        }

        [TestMethod]
        public void QuarantinedEntry_CanBeDropped()
        {
            MemoryFileStore files = new MemoryFileStore();
            Put(Open(files), "abc\r\n", "m");
            files.Corrupt("q0000001.msg", Ascii.Bytes("zzz\r\n"));
            MessageStore t = Open(files);
            Assert.IsTrue(t.DropQuarantined(1));
            Assert.AreEqual(0, files.List("q0").Length);
            Assert.AreEqual(0, Open(files).LastRecovery.Quarantined.Length);
        }

        [TestMethod]
        public void NamesOutsideThePattern_AreLeftAlone()
        {
            MemoryFileStore files = new MemoryFileStore();
            files.Corrupt("qconfig.json", Ascii.Bytes("{}"));
            files.Corrupt("q0000zzz.msg", Ascii.Bytes("x"));
            MessageStore t = Open(files);
            Assert.AreEqual(0, t.Count);
            Assert.IsTrue(files.Exists("qconfig.json"));
            Assert.IsTrue(files.Exists("q0000zzz.msg"));
        }

        [TestMethod]
        public void NewestValidState_Wins_TornNewerStateIsDiscarded()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = Open(files);
            StoreEntry e = Put(s, "x\r\n", "m");
            s.WriteState(e, new byte[] { 1 }, 1);
            s.WriteState(e, new byte[] { 2 }, 1);
            Assert.AreEqual(1, files.List("q0000001.t").Length);

            // A third state whose write tears: the second must win after the reboot.
            files.PowerCutAfter = files.Operations + 1;
            files.TornBytes = 5;
            try
            {
                s.WriteState(e, new byte[] { 3 }, 1);
                Assert.IsTrue(false, "the power cut did not happen");
            }
            catch (StoreException)
            {
            }

            files.Reboot();
            MessageStore t = Open(files);
            StoreEntry r = t.Find(e.Id);
            Assert.AreEqual(2L, r.Generation);
            Assert.AreEqual((byte)2, r.State[0]);
            Assert.AreEqual(1, files.List("q0000001.t").Length);
        }

        [TestMethod]
        public void IdOfRemovedNewestEntry_IsNeverReused_AfterReboot()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = Open(files);
            StoreEntry a = Put(s, "a\r\n", "a");
            StoreEntry b = Put(s, "b\r\n", "b");
            Assert.IsTrue(s.Remove(b));
            files.Reboot();
            MessageStore t = Open(files);
            StoreEntry c = Put(t, "c\r\n", "c");
            Assert.IsTrue(c.Id > b.Id);
            Assert.IsTrue(b.Id > a.Id);
        }

        [TestMethod]
        public void FullStore_RefusesNewMessages_ButStillRecordsStateAndRemoves()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = new MessageStore(files, "q", Limits.StoreReserveBytes + 2000, 100);
            s.Recover();
            StoreEntry first = Put(s, new string('a', 900), "m");
            bool refused = false;
            try
            {
                StoreWriter w = s.Begin();
                try
                {
                    byte[] big = new byte[1500];
                    w.Write(big, 0, big.Length);
                }
                catch (StoreException e)
                {
                    refused = e.IsFull;
                    w.Abort();
                }
            }
            catch (StoreException e)
            {
                refused = e.IsFull;
            }

            Assert.IsTrue(refused);
            s.WriteState(first, new byte[300], 300);
            Assert.IsTrue(s.Remove(first));
            Assert.AreEqual(0, s.Count);
        }

        [TestMethod]
        public void EntryCountBound_RefusesTheNextMessage()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = new MessageStore(files, "q", 0, 2);
            s.Recover();
            Put(s, "a", "a");
            Put(s, "b", "b");
            bool full = false;
            try
            {
                s.Begin();
            }
            catch (StoreException e)
            {
                full = e.IsFull;
            }

            Assert.IsTrue(full);
        }

        [TestMethod]
        public void FileStoreWithNoFreeSpace_RefusesWithIsFull()
        {
            MemoryFileStore files = new MemoryFileStore(Limits.StoreReserveBytes + 100);
            MessageStore s = Open(files);
            bool full = false;
            StoreWriter w = s.Begin();
            try
            {
                // The writer gathers content into whole writes: the refusal comes at the write that
                // reaches the file, at the latest the commit's.
                w.Write(new byte[200], 0, 200);
                w.Commit(new byte[1], 0, 1);
            }
            catch (StoreException e)
            {
                full = e.IsFull;
                w.Abort();
            }

            Assert.IsTrue(full);
            Assert.AreEqual(0, s.Count);
        }
    
        [TestMethod]
        public void QuarantineIsBounded_OldestDroppedAtRecovery_NoOperatorNeeded()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = Open(files);
            for (int i = 0; i < Limits.StoreQuarantineKept + 3; i++)
            {
                StoreEntry e = Put(s, "m\r\n", "m");
                files.Corrupt("q000000" + "0123456789abcdef"[(int)e.Id] + ".msg", Ascii.Bytes("junk"));
            }

            MessageStore t = Open(files);
            QuarantinedEntry[] q = t.LastRecovery.Quarantined;
            Assert.AreEqual(Limits.StoreQuarantineKept, q.Length);
            Assert.AreEqual(4L, q[0].Id);
            Assert.AreEqual(Limits.StoreQuarantineKept, files.List("q").Length - 1 - Limits.StoreQuarantineKept);   // .msg + .bad each, and the sequence
            Assert.IsFalse(files.Exists("q0000001.bad"));
        }
    
        [TestMethod]
        public void BytesWrittenPerMessage_AreReported_ContentPlusRecords()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore s = Open(files);
            long before = files.BytesWritten;
            Put(s, "0123456789", "meta");
            Assert.AreEqual(files.BytesWritten - before, s.LastCommitBytes);
            before = files.BytesWritten;
            Put(s, "0123456789", "meta");
            Assert.AreEqual(files.BytesWritten - before, s.LastCommitBytes);
            Assert.AreEqual(10L + 16 + 4 + StoreRecord.Overhead, s.LastCommitBytes, "content, then the commit record: id, length, CRC, meta");
            Assert.AreEqual(files.BytesWritten, s.BytesWritten);
        }
    }
}

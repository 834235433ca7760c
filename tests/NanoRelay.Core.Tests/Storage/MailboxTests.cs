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
    /// <summary>The mailbox as POP3 sees it (RFC 1939 §5-§8; docs/catalogue.md #49 and #52).</summary>
    [TestClass]
    public class MailboxTests
    {
        private static Mailbox Open(MemoryFileStore files, uint seed)
        {
            Mailbox m = new Mailbox(files, new SeededRandom(seed), 0, 100);
            m.Open();
            return m;
        }

        private static string Deliver(Mailbox m, string text)
        {
            byte[] b = Ascii.Bytes(text);
            return m.Deliver(b, 0, b.Length, null);
        }

        private static string Read(Mailbox m, int index)
        {
            IFileReader r = m.OpenMessage(index);
            byte[] b = new byte[(int)r.Length];
            int n = r.Read(b, 0, b.Length);
            r.Close();
            return Utf8.GetString(b, 0, n);
        }

        [TestMethod]
        public void Section7_Uidl_IdsAre1To70PrintableCharacters()
        {
            Mailbox m = Open(new MemoryFileStore(), 1);
            for (int i = 0; i < 40; i++)
            {
                Deliver(m, "x\r\n");
            }

            m.Refresh();
            for (int i = 0; i < m.Count; i++)
            {
                string uid = m.UidOf(i);
                Assert.IsTrue(uid.Length >= 1 && uid.Length <= 70);
                for (int c = 0; c < uid.Length; c++)
                {
                    Assert.IsTrue(uid[c] >= 0x21 && uid[c] <= 0x7E);
                }
            }
        }

        [TestMethod]
        public void Section7_Uidl_StableAcrossReboots_NeverReusedAfterDeletion()
        {
            MemoryFileStore files = new MemoryFileStore();
            Mailbox m = Open(files, 1);
            string a = Deliver(m, "a\r\n");
            string b = Deliver(m, "b\r\n");
            m.Refresh();
            Assert.AreEqual(a, m.UidOf(0));
            Assert.IsTrue(m.Remove(1));

            files.Reboot();
            Mailbox n = Open(files, 1);   // the same seed: the nonce repeats, the id must not
            string c = Deliver(n, "c\r\n");
            n.Refresh();
            Assert.AreEqual(2, n.Count);
            Assert.AreEqual(a, n.UidOf(0));
            Assert.AreEqual(c, n.UidOf(1));
            Assert.IsFalse(c == b);
            Assert.IsFalse(c == a);
        }

        [TestMethod]
        public void Section11_SizeOf_IsTheStoredCrlfOctets_BareLineEndsNormalised()
        {
            Mailbox m = Open(new MemoryFileStore(), 2);
            Deliver(m, "Subject: t\nX: y\r\n\rbody\r\nlast");
            m.Refresh();
            string stored = Read(m, 0);
            Assert.AreEqual("Subject: t\r\nX: y\r\n\r\nbody\r\nlast\r\n", stored);
            Assert.AreEqual((long)stored.Length, m.SizeOf(0));
        }

        [TestMethod]
        public void Deliver_CrlfSplitAcrossChunks_IsKeptAsOneLineEnd()
        {
            Mailbox m = Open(new MemoryFileStore(), 3);
            MailboxDelivery d = m.BeginDelivery(null);
            byte[] a = Ascii.Bytes("line\r");
            byte[] b = Ascii.Bytes("\nnext\r\n");
            d.Write(a, 0, a.Length);
            d.Write(b, 0, b.Length);
            d.Commit();
            m.Refresh();
            Assert.AreEqual("line\r\nnext\r\n", Read(m, 0));
        }

        [TestMethod]
        public void Section8_Lock_IsExclusive_AndReleased()
        {
            Mailbox m = Open(new MemoryFileStore(), 4);
            Assert.IsTrue(m.TryLock());
            Assert.IsFalse(m.TryLock());
            m.Unlock();
            Assert.IsTrue(m.TryLock());
        }

        [TestMethod]
        public void Section8_Lock_NeverSurvivesAReboot()
        {
            MemoryFileStore files = new MemoryFileStore();
            Mailbox m = Open(files, 5);
            Assert.IsTrue(m.TryLock());
            files.Reboot();
            Assert.IsTrue(Open(files, 5).TryLock());
        }

        [TestMethod]
        public void Refresh_IsASnapshot_NewArrivalsWaitForTheNext()
        {
            Mailbox m = Open(new MemoryFileStore(), 6);
            Deliver(m, "a\r\n");
            Assert.AreEqual(1, m.Refresh());
            Deliver(m, "b\r\n");
            Assert.AreEqual(1, m.Count);
            Assert.AreEqual(2, m.Refresh());
        }

        [TestMethod]
        public void Section6_Remove_MessageIsGoneForGood()
        {
            MemoryFileStore files = new MemoryFileStore();
            Mailbox m = Open(files, 7);
            Deliver(m, "a\r\n");
            Deliver(m, "b\r\n");
            m.Refresh();
            Assert.IsTrue(m.Remove(0));
            Assert.IsFalse(m.Remove(0));
            Assert.IsNull(m.OpenMessage(0));
            files.Reboot();
            Mailbox n = Open(files, 7);
            Assert.AreEqual(1, n.Refresh());
            Assert.AreEqual("b\r\n", Read(n, 0));
        }

        [TestMethod]
        public void SourceKey_IsRemembered_AcrossReboots()
        {
            MemoryFileStore files = new MemoryFileStore();
            Mailbox m = Open(files, 8);
            byte[] b = Ascii.Bytes("x\r\n");
            m.Deliver(b, 0, b.Length, "q:abc:1");
            Assert.IsTrue(m.Contains("q:abc:1"));
            files.Reboot();
            Assert.IsTrue(Open(files, 8).Contains("q:abc:1"));
            Assert.IsFalse(Open(files, 8).Contains("q:abc:2"));
        }
    
        [TestMethod]
        public void Section7_StoredUidOutsideTheRange_IsQuarantined_NeverServed()
        {
            MemoryFileStore files = new MemoryFileStore();
            MessageStore raw = new MessageStore(files, Mailbox.Prefix, 0, 10);
            raw.Recover();
            StoreWriter w = raw.Begin();
            w.Write(new byte[] { 65, 13, 10 }, 0, 3);
            w.Commit(new byte[] { 0, 3, 65, 32, 66, 0, 0 }, 0, 7);   // "A B": a space is not allowed
            Mailbox m = Open(files, 9);
            Assert.AreEqual(0, m.Refresh());
            Assert.AreEqual("unique-id invalid", m.Store.LastRecovery.Quarantined[0].Reason);
        }
    }
}

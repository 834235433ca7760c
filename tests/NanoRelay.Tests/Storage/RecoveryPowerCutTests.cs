using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Framing;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Storage
{
    /// <summary>
    /// docs/catalogue.md #56, second order: the power fails again while recovery itself is
    /// quarantining and cleaning up. Recovery is re-entrant: the next boot ends in the same
    /// store as an uninterrupted recovery would have.
    /// </summary>
    [TestClass]
    public class RecoveryPowerCutTests
    {
        private static MemoryFileStore Damaged()
        {
            var files = new MemoryFileStore();
            var s = new MessageStore(files, "q", 0, 100);
            s.Recover();
            for (int i = 0; i < 4; i++)
            {
                byte[] c = Ascii.Bytes("message " + i + "\r\n");
                StoreWriter w = s.Begin();
                w.Write(c, 0, c.Length);
                StoreEntry e = w.Commit(c, 0, 2);
                s.WriteState(e, new byte[] { 1 }, 1);
            }

            StoreWriter open = s.Begin();                                  // an ingest cut short: an orphan
            open.Write(new byte[] { 1, 2, 3 }, 0, 3);
            files.Corrupt("q0000002.env", new byte[] { 78, 82, 67, 1, 0x80, 0, 0, 0, 1, 2, 3, 4 });   // torn commit, huge length
            files.Corrupt("q0000003.msg", Ascii.Bytes("massage 2\r\n"));   // content no longer matches
            files.Corrupt("q0000004.t05", Ascii.Bytes("junk"));            // a stray state file
            files.Reboot();
            return files;
        }

        private static string Summary(MemoryFileStore files)
        {
            var s = new MessageStore(files, "q", 0, 100);
            RecoveryReport r = s.Recover();
            return string.Join(",", s.Entries().Select(e => e.Id + ":" + e.Generation))
                + " | " + string.Join(",", r.Quarantined.Select(q => q.Id + ":" + q.Reason))
                + " | " + string.Join(",", files.List("q").OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [TestMethod]
        public void PowerCutDuringRecovery_NextRecoveryEndsInTheSameStore()
        {
            string expected = Summary(Damaged());
            StringAssert.Contains(expected, "2:commit record length out of bounds");
            StringAssert.Contains(expected, "3:content checksum mismatch");

            foreach (CutMode mode in CutMode.All)
            {
                for (int k = 0; k < 100; k++)
                {
                    MemoryFileStore files = Damaged();
                    mode.Apply(files);
                    files.PowerCutAfter = k;
                    bool cut = false;
                    try
                    {
                        new MessageStore(files, "q", 0, 100).Recover();
                    }
                    catch (NanoRelay.Ports.StoreException) when (files.PoweredOff)
                    {
                        cut = true;
                    }

                    files.Reboot();
                    Assert.AreEqual(expected, Summary(files), "k=" + k + " " + mode);
                    if (!cut)
                    {
                        break;
                    }
                }
            }
        }
    }
}

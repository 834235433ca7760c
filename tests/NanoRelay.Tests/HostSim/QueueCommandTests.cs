using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>`hostsim queue` and the data-directory lock a running relay holds.</summary>
    [TestClass]
    public class QueueCommandTests
    {
        // Found by tests/interop/40: `queue` opened (and recovered) the spool of a running relay.
        // Recovery deletes content without a commit record, which in a running relay is the
        // message its ingress is receiving at that moment.
        [TestMethod]
        public void WhileTheRelayHoldsTheDataDirectory_QueueListsReadOnly_RefusesDrop_AndLeavesAnIngestInProgressAlone()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-queue-").FullName;
            try
            {
                string receiving = Path.Combine(dir, "q0000001.msg");   // content being written, not yet committed
                File.WriteAllText(receiving, "Subject: half-received\r\n");
                using (FileStream held = RelayHost.TakeLock(dir))
                {
                    string[] before = Directory.GetFiles(dir).OrderBy(f => f).ToArray();
                    Assert.AreEqual(Program.ExitOk, QueueCommand.Execute(null, dir, false, null), "a read-only listing beside the running relay");
                    Assert.AreEqual(Program.ExitFailure, QueueCommand.Execute(null, dir, false, "1"), "--drop needs the relay stopped");
                    Assert.IsTrue(File.Exists(receiving), "the running relay's ingest must survive `queue`");
                    CollectionAssert.AreEqual(before, Directory.GetFiles(dir).OrderBy(f => f).ToArray(), "the listing changed nothing");

                    Assert.AreEqual(Program.ExitOk, QueueCommand.Execute(null, dir, true, null), "--retry-now becomes a request");
                    Assert.IsTrue(File.Exists(Path.Combine(dir, RelayHost.RetryRequestFileName)));
                    Assert.IsTrue(File.Exists(receiving));
                    File.Delete(Path.Combine(dir, RelayHost.RetryRequestFileName));
                }

                // Released (the relay stopped): queue runs, and its recovery removes the unfinished write.
                Assert.AreEqual(Program.ExitOk, QueueCommand.Execute(null, dir, false, null));
                Assert.IsFalse(File.Exists(receiving));
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void WhileQueueRuns_TheRelayCannotTakeTheDataDirectory()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-queue-").FullName;
            try
            {
                using (RelayHost.TakeLock(dir))
                {
                    Assert.ThrowsExactly<RelayBusyException>(() => RelayHost.TakeLock(dir));
                }

                RelayHost.TakeLock(dir).Dispose();
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}

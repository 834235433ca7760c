using System.IO;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>`run --board` holds the relay to the board: its spool bytes and its TLS concurrency.</summary>
    [TestClass]
    public class BoardLimitsTests
    {
        [TestMethod]
        public void BoardSpool_SmallerThanTheConfigs_BoundsBothStores()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-board-spool").FullName;
            try
            {
                HostConfig config = new HostConfig();
                Assert.AreEqual(8388608, config.Spool.MaxBytes);
                using (RelayHost host = RelayHost.Open(config, dir, new ManualClock(), new SeededRandom(1), new MemoryLog(), 131072))
                {
                    Assert.AreEqual(131072, host.StoreBytes);
                    Assert.AreEqual(131072, host.Spool.Store.MaxBytes);
                    Assert.AreEqual(131072, host.Mailbox.Store.MaxBytes);
                }

                using (RelayHost host = RelayHost.Open(config, dir, new ManualClock(), new SeededRandom(1), new MemoryLog()))
                {
                    Assert.AreEqual(8388608, host.StoreBytes);
                }
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        [DoNotParallelize]
        public void TlsGate_OneSessionBoard_RefusesASecondHandshake_UntilTheFirstCloses()
        {
            int wait = TlsSlots.WaitMilliseconds;
            try
            {
                TlsSlots.Configure(1);
                TlsSlots.WaitMilliseconds = 200;
                SemaphoreSlim first = TlsSlots.Enter();
                Assert.IsNotNull(first);
                ConnectionException refused = Assert.ThrowsExactly<ConnectionException>(() => TlsSlots.Enter());
                Assert.IsTrue(refused.IsTls);
                StringAssert.Contains(refused.Message, "1 TLS session(s) at a time");
                first.Release();
                SemaphoreSlim again = TlsSlots.Enter();
                Assert.IsNotNull(again);
                again.Release();
            }
            finally
            {
                TlsSlots.Configure(0);
                TlsSlots.WaitMilliseconds = wait;
            }

            Assert.IsNull(TlsSlots.Enter(), "no board: no limit");
        }
    }
}

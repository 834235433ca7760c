#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using NanoRelay.Supervision;

namespace NanoRelay.Core.Tests.Supervision
{
    /// <summary>
    /// The heap gate (Supervision/HeapGate): message-sized work admitted by its cost against the board's
    /// capacity; background work deferred, a session's transfer waiting a bounded time; one piece alone always
    /// admitted. Threads only where a session waits (a releaser thread, bounded by the gate's wait).
    /// </summary>
    [TestClass]
    public class HeapGateTests
    {
        [TestMethod]
        public void BackgroundWork_AdmittedWhileItFits_DeferredWhenNot()
        {
            HeapGate gate = new HeapGate(10000, 0);
            Assert.IsTrue(gate.TryEnter(6000));
            Assert.IsTrue(gate.TryEnter(4000), "6,000 + 4,000 fits 10,000 exactly");
            Assert.IsFalse(gate.TryEnter(1), "full");
            Assert.AreEqual(1, gate.Deferrals);
            Assert.AreEqual(10000, gate.InUse);
            gate.Exit(4000);
            Assert.IsFalse(gate.TryEnter(4001), "6,000 + 4,001 does not fit");
            Assert.IsTrue(gate.TryEnter(4000));
            Assert.AreEqual(2, gate.Deferrals);
            Assert.AreEqual(10000, gate.Peak);
        }

        [TestMethod]
        public void OnePieceAlone_IsAlwaysAdmitted_EvenAboveTheCapacity()
        {
            HeapGate gate = new HeapGate(1000, 0);
            Assert.IsTrue(gate.TryEnter(5000), "nothing else runs: a board too small for two runs them one at a time");
            Assert.IsFalse(gate.TryEnter(1));
            gate.Exit(5000);
            Assert.AreEqual(0, gate.InUse);
            Assert.IsTrue(gate.Enter(5000));
        }

        [TestMethod]
        public void CapacityZero_IsNoLimit()
        {
            HeapGate gate = new HeapGate(0, 0);
            for (int i = 0; i < 10; i++)
            {
                Assert.IsTrue(gate.TryEnter(100000));
            }

            Assert.AreEqual(1000000, gate.InUse);
            Assert.AreEqual(0, gate.Deferrals);
        }

        [TestMethod]
        public void Session_WaitsForRoom_ThenIsAdmitted()
        {
            HeapGate gate = new HeapGate(10000, 5000);
            Assert.IsTrue(gate.TryEnter(8000));
            Releaser r = new Releaser(gate, 8000, 200);
            Thread t = new Thread(new ThreadStart(r.Run));
            t.Start();
            Assert.IsTrue(gate.Enter(6000), "admitted once the background work gave its share back");
            t.Join();
            Assert.AreEqual(6000, gate.InUse);
            Assert.AreEqual(1, gate.Waits);
            Assert.AreEqual(0, gate.Overruns);
        }

        [TestMethod]
        public void Session_AfterTheWait_GoesAheadAnyway_AndIsCounted()
        {
            HeapGate gate = new HeapGate(10000, 100);
            Assert.IsTrue(gate.TryEnter(8000));
            Assert.IsFalse(gate.Enter(6000), "no room after 100 ms: a client is not kept waiting longer");
            Assert.AreEqual(14000, gate.InUse);
            Assert.AreEqual(1, gate.Overruns);
            Assert.AreEqual(14000, gate.Peak);
        }

        [TestMethod]
        public void BackgroundWork_IsNotAdmittedWhileASessionWaits()
        {
            HeapGate gate = new HeapGate(10000, 5000);
            Assert.IsTrue(gate.TryEnter(8000));
            Waiter w = new Waiter(gate, 6000);
            Thread t = new Thread(new ThreadStart(w.Run));
            t.Start();
            for (int i = 0; i < 100 && gate.Waits == 0; i++)
            {
                Thread.Sleep(10);
            }

            Assert.AreEqual(1, gate.Waits, "the session waits");
            int deferrals = gate.Deferrals;
            Assert.IsFalse(gate.TryEnter(1000), "1,000 would fit beside the 8,000, but the waiting session goes first");
            Assert.AreEqual(deferrals + 1, gate.Deferrals);
            gate.Exit(8000);
            t.Join();
            Assert.IsTrue(w.Admitted);
            Assert.AreEqual(6000, gate.InUse);
            Assert.IsTrue(gate.TryEnter(4000), "nobody waits now");
        }

        private sealed class Releaser
        {
            private readonly HeapGate _gate;
            private readonly int _bytes;
            private readonly int _afterMs;

            public Releaser(HeapGate gate, int bytes, int afterMs)
            {
                _gate = gate;
                _bytes = bytes;
                _afterMs = afterMs;
            }

            public void Run()
            {
                Thread.Sleep(_afterMs);
                _gate.Exit(_bytes);
            }
        }

        private sealed class Waiter
        {
            private readonly HeapGate _gate;
            private readonly int _bytes;

            public Waiter(HeapGate gate, int bytes)
            {
                _gate = gate;
                _bytes = bytes;
            }

            public bool Admitted { get; private set; }

            public void Run()
            {
                Admitted = _gate.Enter(_bytes);
            }
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;
using NanoRelay.Tls;

namespace NanoRelay.Core.Tests.Rfc8446
{
    /// <summary>
    /// RFC 8446 §5.1 records, seen before a server handshake: the device's native handshake blocks
    /// every thread, so it starts only once the client's whole first record is readable.
    /// </summary>
    [TestClass]
    public class Section5_1_ClientHelloWaitTests
    {
        private const int Timeout = 30000;

        // A handshake record header (type 22, version 3.1) announcing `length` bytes, then them.
        private static byte[] Record(int length)
        {
            byte[] r = new byte[5 + length];
            r[0] = 22;
            r[1] = 3;
            r[2] = 1;
            r[3] = (byte)(length >> 8);
            r[4] = (byte)length;
            for (int i = 5; i < r.Length; i++)
            {
                r[i] = (byte)i;
            }

            return r;
        }

        private static byte[] Part(byte[] b, int offset, int count)
        {
            byte[] p = new byte[count];
            System.Array.Copy(b, offset, p, 0, count);
            return p;
        }

        [TestMethod]
        public void SilentClient_TimesOutOnTheManagedDeadline()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            Assert.AreEqual((int)ClientHelloStatus.TimedOut, (int)ClientHelloWait.Run(peer, clock, Timeout));
            Assert.AreEqual(30000L, clock.MonotonicMilliseconds);

            // One-second polls: the waiting thread never blocks longer than that.
            Assert.AreEqual(30, peer.Polls);
            Assert.AreEqual("the client sent no whole ClientHello within 30000 ms", ClientHelloWait.Explain(ClientHelloStatus.TimedOut, Timeout));
            Assert.IsNull(ClientHelloWait.Explain(ClientHelloStatus.Ready, Timeout));
        }

        [TestMethod]
        public void WholeClientHello_IsReadyAtOnce()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            peer.Send(0, Record(300));
            Assert.AreEqual((int)ClientHelloStatus.Ready, (int)ClientHelloWait.Run(peer, clock, Timeout));
            Assert.AreEqual(0L, clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void ClientHelloAfterAPause_IsReadyWhenItArrives()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            peer.Send(2500, Record(512));
            Assert.AreEqual((int)ClientHelloStatus.Ready, (int)ClientHelloWait.Run(peer, clock, Timeout));
            Assert.AreEqual(2500L, clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void HeaderThenSilence_TimesOut_NoHandshakeOnAHalfRecord()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            byte[] hello = Record(400);
            peer.Send(0, Part(hello, 0, 100));
            Assert.AreEqual((int)ClientHelloStatus.TimedOut, (int)ClientHelloWait.Run(peer, clock, Timeout));
            Assert.AreEqual(30000L, clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void RecordInTwoSegments_IsReadyWhenTheSecondArrives()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            byte[] hello = Record(1400);
            peer.Send(0, Part(hello, 0, 3));
            peer.Send(700, Part(hello, 3, hello.Length - 3));
            Assert.AreEqual((int)ClientHelloStatus.Ready, (int)ClientHelloWait.Run(peer, clock, Timeout));
            Assert.IsTrue(clock.MonotonicMilliseconds >= 700 && clock.MonotonicMilliseconds < 800);
        }

        [TestMethod]
        public void PlaintextOnATlsPort_IsNotTls()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            peer.Send(0, new byte[] { 0x55, 0x53, 0x45, 0x52, 0x20, 0x74 });   // "USER t"
            Assert.AreEqual((int)ClientHelloStatus.NotTls, (int)ClientHelloWait.Run(peer, clock, Timeout));
        }

        [TestMethod]
        public void RecordLongerThan2To14_IsNotTls()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            peer.Send(0, new byte[] { 22, 3, 3, 0x40, 0x01 });
            Assert.AreEqual((int)ClientHelloStatus.NotTls, (int)ClientHelloWait.Run(peer, clock, Timeout));
        }

        [TestMethod]
        public void ClientThatCloses_IsClosed_BeforeTheDeadline()
        {
            ManualClock clock = new ManualClock();
            ScriptedPendingInput peer = new ScriptedPendingInput(clock);
            peer.CloseAt(4200);
            Assert.AreEqual((int)ClientHelloStatus.Closed, (int)ClientHelloWait.Run(peer, clock, Timeout));
            Assert.AreEqual(4200L, clock.MonotonicMilliseconds);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Pop3;
using NanoRelay.Supervision;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>
    /// RFC 1939 §5 RETR through the board's heap gate (Supervision/HeapGate): the copy buffers are made only
    /// once the transfer's share is admitted, and given back when the message has been sent; a listing takes none.
    /// </summary>
    [TestClass]
    public class HeapGateRetr
    {
        private const string Message = "Subject: gate\r\n\r\nline one\r\n.dot line\r\n";

        [TestMethod]
        public void Retr_TakesTheTransfersShare_AndGivesItBack()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Message);
            HeapGate gate = new HeapGate(20000, 0);
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nLIST\nRETR 1\nQUIT\n", true, false);
            Pop3ServerDriver d = new Pop3ServerDriver(h.Server, c, 64);
            d.Heap = gate;
            d.Run();
            Assert.IsTrue(c.WrittenText.IndexOf("line one\r\n..dot line\r\n.\r\n") > 0, c.WrittenText);
            Assert.AreEqual(Limits.MailboxTransferHeapBytes, gate.Peak, "one transfer at a time, LIST took nothing");
            Assert.AreEqual(0, gate.InUse);
            Assert.AreEqual(0, gate.Waits);
        }

        [TestMethod]
        public void Retr_WithTheGateFull_WaitsItsTime_ThenSendsAnyway()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Message);
            HeapGate gate = new HeapGate(10000, 100);
            Assert.IsTrue(gate.TryEnter(8000), "the relay's round runs");
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\nRETR 1\nQUIT\n", true, false);
            Pop3ServerDriver d = new Pop3ServerDriver(h.Server, c, 64);
            d.Heap = gate;
            d.Run();
            Assert.IsTrue(c.WrittenText.IndexOf("line one\r\n..dot line\r\n.\r\n") > 0, "the client gets its message: " + c.WrittenText);
            Assert.AreEqual(1, gate.Waits);
            Assert.AreEqual(1, gate.Overruns);
            Assert.AreEqual(8000 + Limits.MailboxTransferHeapBytes, gate.Peak);
            Assert.AreEqual(8000, gate.InUse, "the transfer's share given back");
            Assert.IsTrue(h.Log.Text.IndexOf("waiting 100 ms for the heap gate") > 0, h.Log.Text);
        }
    }
}

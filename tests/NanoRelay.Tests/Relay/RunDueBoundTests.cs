using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Relay;

using NanoRelay.Smtp;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// RunDue(maxEntries): the device runs one entry at a time so its worker thread can beat the
    /// supervisor's heartbeat between messages; the queue drains the same way as with RunDue().
    /// </summary>
    [TestClass]
    public class RunDueBoundTests
    {
        [TestMethod]
        public void OneAtATime_AttemptsOneEntryPerCall_UntilNoneIsDue()
        {
            var h = new RelayHarness();
            h.Queue(RelayHarness.Message("1", "<1@x>"), "<1@x>");
            h.Queue(RelayHarness.Message("2", "<2@x>"), "<2@x>");
            h.Queue(RelayHarness.Message("3", "<3@x>"), "<3@x>");

            Assert.AreEqual(1, h.Worker.RunDue(1));
            Assert.AreEqual(2, h.Spool.Count);
            Assert.AreEqual(1, h.Worker.RunDue(1));
            Assert.AreEqual(1, h.Worker.RunDue(1));
            Assert.AreEqual(0, h.Worker.RunDue(1), "nothing left");
            Assert.AreEqual(0, h.Spool.Count);
            Assert.AreEqual(3, h.Worker.Counters.Sent);
            Assert.AreEqual(3, h.Upstream.Log.Count);
        }

        [TestMethod]
        public void OneAtATime_AnUnreachableUpstream_StillBlocksTheRestOfTheQueue()
        {
            var h = new RelayHarness();
            h.Upstream.Script = m => UpstreamResult.Failed(SmtpFailure.Connection, "connect: connection refused");
            h.Queue(RelayHarness.Message("1", "<1@x>"), "<1@x>");
            h.Queue(RelayHarness.Message("2", "<2@x>"), "<2@x>");

            Assert.AreEqual(1, h.Worker.RunDue(1));
            Assert.AreEqual(0, h.Worker.RunDue(1), "RFC 5321 §4.5.4.1: the unreachable host is remembered between calls");
            Assert.AreEqual(1, h.Upstream.Log.Count);
        }

        [TestMethod]
        public void LocalDelivery_TwoAtATime_DeliversTwoThenTheRest()
        {
            var h = new RelayHarness(withUpstream: false);
            for (int i = 0; i < 5; i++)
            {
                h.Queue(RelayHarness.Message("m" + i, "<" + i + "@x>"), "<" + i + "@x>");
            }

            Assert.AreEqual(2, h.Worker.RunDue(2));
            Assert.AreEqual(2, h.Mailbox.Refresh());
            Assert.AreEqual(3, h.Worker.RunDue());
            Assert.AreEqual(5, h.Mailbox.Refresh());
        }
    }
}

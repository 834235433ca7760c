#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>RFC 2177 §3: the IDLE example, replayed from Rfc2177_Example.txt whole, line by line and byte by byte.</summary>
    [TestClass]
    public class Rfc2177_Example
    {
        [TestMethod]
        public void ReplayedWhole_ServerSaysWhatTheTranscriptShows()
        {
            Replay(0);
        }

        [TestMethod]
        public void ReplayedLineByLine_ServerSaysWhatTheTranscriptShows()
        {
            Replay(-1);
        }

        [TestMethod]
        public void ReplayedByteByByte_ServerSaysWhatTheTranscriptShows()
        {
            Replay(1);
        }

        private static void Replay(int chunk)
        {
            ImapHarness h = new ImapHarness();
            h.Add(Section6_Commands.Alert);
            h.Add(Section6_Commands.Alert);
            h.Add(Section6_Commands.Alert);
            long before = h.Clock.MonotonicMilliseconds;
            string s = h.Replay("Rfc9051/Rfc2177_Example.txt", Section6_Commands.Alert, true, chunk);
            Assert.AreEqual(h.Expected, s);
            Assert.IsTrue(h.Closed);

            // Each update went out at the first poll after the change: well within a second.
            Assert.IsTrue(h.Clock.MonotonicMilliseconds - before <= 5 * 250, "" + (h.Clock.MonotonicMilliseconds - before));
            Assert.AreEqual(3, h.Mailbox.Messages().Length);
        }
    }
}

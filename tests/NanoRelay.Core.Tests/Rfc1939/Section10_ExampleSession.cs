#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Pop3;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>RFC 1939 §10: the example session, replayed from Section10_ExampleSession.txt whole, line by line and byte by byte.</summary>
    [TestClass]
    public class Section10_ExampleSession
    {
        internal const string Message1 = "From: mrose@dbc.mtview.ca.us\r\nTo: tech@dbc.mtview.ca.us\r\nSubject: one\r\n\r\n.A line that starts with a dot\r\nxxxxxxxxxxxxx\r\n";
        internal const string Message2 = "From: mrose@dbc.mtview.ca.us\r\nTo: tech@dbc.mtview.ca.us\r\nSubject: two\r\n\r\nThe second message of the RFC 1939 section 10 example session.\r\n..\r\n.\r\nyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n";

        [TestMethod]
        public void ReplayedWhole_ServerSaysExactlyWhatTheRfcShows()
        {
            Replay(0);
        }

        [TestMethod]
        public void ReplayedLineByLine_ServerSaysExactlyWhatTheRfcShows()
        {
            Replay(-1);
        }

        [TestMethod]
        public void ReplayedByteByByte_ServerSaysExactlyWhatTheRfcShows()
        {
            Replay(1);
        }

        /// <summary>chunk 0: the whole script in one read (pipelined); -1: one line per read; n: n bytes per read.</summary>
        private static void Replay(int chunk)
        {
            byte[] client;
            int[] lineEnds;
            string expected;
            Pop3Harness.LoadTranscript("Rfc1939/Section10_ExampleSession.txt", out client, out lineEnds, out expected);

            Pop3Harness h = new Pop3Harness();
            h.Options.User = "mrose";
            h.Options.Password = "tanstaaf";
            h.Options.Apop = true;
            h.Options.HostName = "dbc.mtview.ca.us";
            h.Options.ServerName = "dewey";

            // The RFC's timestamp <1896.697170952@dbc.mtview.ca.us>: nonce 1896, greeting number 697170952.
            h.Random = new FixedRandom(new byte[] { 0x00, 0x00, 0x07, 0x68 });
            h.GreetingCounterStart = 697170951;
            h.Maildrop.Add(Message1);
            h.Maildrop.Add(Message2);
            Assert.AreEqual(120, Message1.Length);
            Assert.AreEqual(200, Message2.Length);

            ScriptedConnection c = new ScriptedConnection(client, chunk < 0 ? lineEnds : null, chunk == 0 ? client.Length : chunk);
            c.IsSecure = true;   // APOP is accepted only under TLS (here: implicit TLS)
            h.Run(c);

            Assert.AreEqual(expected, c.WrittenText);
            Assert.IsTrue(c.IsClosed);
            Assert.AreEqual(0, h.Maildrop.Stored);
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(0, h.Maildrop.OpenReaders);
        }
    }
}

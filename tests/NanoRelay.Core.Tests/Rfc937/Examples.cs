#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc1939;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc937
{
    /// <summary>RFC 937 "Examples" 1 to 3, replayed from Examples_ExampleN.txt whole, line by line and byte by byte.</summary>
    [TestClass]
    public class Examples
    {
        [TestMethod]
        public void Example1_ReplayedWhole_TwoMessagesReadAndDeleted()
        {
            Example1(0);
        }

        [TestMethod]
        public void Example1_ReplayedLineByLine_TwoMessagesReadAndDeleted()
        {
            Example1(-1);
        }

        [TestMethod]
        public void Example1_ReplayedByteByByte_TwoMessagesReadAndDeleted()
        {
            Example1(1);
        }

        [TestMethod]
        public void Example2_ReplayedWhole_MessageTwentySevenReadAndKept()
        {
            Example2(0);
        }

        [TestMethod]
        public void Example2_ReplayedLineByLine_MessageTwentySevenReadAndKept()
        {
            Example2(-1);
        }

        [TestMethod]
        public void Example2_ReplayedByteByByte_MessageTwentySevenReadAndKept()
        {
            Example2(1);
        }

        [TestMethod]
        public void Example3_ReplayedWhole_EmptyMailboxGetsZeroAndTheClientLeaves()
        {
            Example3(0);
        }

        [TestMethod]
        public void Example3_ReplayedByteByByte_EmptyMailboxGetsZeroAndTheClientLeaves()
        {
            Example3(1);
        }

        private static void Example1(int chunk)
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.User = "POSTEL";
            h.Options.Password = "SECRET";
            h.Options.HostName = "USC-ISIF.ARPA";
            string[] messages = new string[] { Pop2Harness.Message(1, 537), Pop2Harness.Message(2, 234) };
            Assert.AreEqual(537, messages[0].Length);
            Assert.AreEqual(234, messages[1].Length);
            h.Maildrop.Add(messages[0]);
            h.Maildrop.Add(messages[1]);

            ScriptedConnection c = Replay(h, "Rfc937/Examples_Example1.txt", messages, chunk);
            Assert.AreEqual(0, h.Maildrop.Stored);   // both ACKD, removed at QUIT
        }

        private static void Example2(int chunk)
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.User = "smith";
            h.Options.Password = "secret";
            h.Options.HostName = "ISI-VAXA.ARPA";
            string[] messages = new string[27];
            for (int i = 0; i < 27; i++)
            {
                messages[i] = Pop2Harness.Message(i + 1, i == 26 ? 10123 : 100 + i);
                h.Maildrop.Add(messages[i]);
            }

            Assert.AreEqual(10123, messages[26].Length);
            Replay(h, "Rfc937/Examples_Example2.txt", messages, chunk);
            Assert.AreEqual(27, h.Maildrop.Stored);   // ACKS keeps it
        }

        private static void Example3(int chunk)
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.User = "Jones";
            h.Options.Password = "secret";
            h.Options.HostName = "ISI-VAXA.ARPA";
            Replay(h, "Rfc937/Examples_Example3.txt", new string[0], chunk);
        }

        /// <summary>chunk 0: the whole script in one read (pipelined); -1: one line per read; n: n bytes per read.</summary>
        private static ScriptedConnection Replay(Pop3Harness h, string transcript, string[] messages, int chunk)
        {
            byte[] client;
            int[] lineEnds;
            string expected;
            Pop2Harness.LoadTranscript(transcript, messages, out client, out lineEnds, out expected);
            ScriptedConnection c = new ScriptedConnection(client, chunk < 0 ? lineEnds : null, chunk == 0 ? client.Length : chunk);
            c.IsLoopback = true;
            c.Clock = h.Clock;
            Pop2Harness.Run(h, c, false);

            Assert.AreEqual(expected, c.WrittenText);
            Assert.IsTrue(c.IsClosed);
            Assert.IsFalse(h.Maildrop.IsLocked);
            Assert.AreEqual(0, h.Maildrop.OpenReaders);
            return c;
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Boards;

namespace NanoRelay.Core.Tests.Boards
{
    /// <summary>The core's board.json reader: the numbers both runtimes size themselves from, and the refusals.</summary>
    [TestClass]
    public class BoardProfileTests
    {
        private const string Valid =
            "{ \"name\": \"t\", \"target\": \"ESP32_REV0\", \"chip\": \"ESP32\", \"psram\": false, \"network\": \"wifi\",\n" +
            "  \"flashBytes\": 4194304, \"deployBytes\": 1835008, \"internalFsBytes\": 262144,\n" +
            "  \"managedHeapBudgetBytes\": 65536, \"sdCard\": true,\n" +
            "  \"spool\": { \"drive\": \"I\", \"maxBytes\": 131072, \"blockBytes\": 4096, \"maxFiles\": 64 },\n" +
            "  \"sessions\": { \"pop3\": 1, \"smtpIngress\": 1 },\n" +
            "  \"tls\": { \"sessions\": 1, \"minFreeNativeBytes\": 45056, \"handshakeTimeoutMs\": 30000 },\n" +
            "  \"sockets\": { \"max\": 16, \"listening\": 8 },\n" +
            "  \"sensors\": [ { \"name\": \"door\", \"input\": \"gpio\", \"pin\": 4 }, { \"name\": \"a0\", \"input\": \"adc\", \"channel\": 6 } ] }";

        /// <summary>The board text with its one occurrence of <paramref name="from"/> replaced (nano's string has no Replace).</summary>
        private static string Swap(string text, string from, string to)
        {
            int at = text.IndexOf(from);
            Assert.IsTrue(at >= 0);
            return text.Substring(0, at) + to + text.Substring(at + from.Length);
        }

        private static string ParseError(string json)
        {
            string error;
            BoardProfile b = BoardProfile.Parse(json, out error);
            Assert.IsNull(b);
            Assert.IsNotNull(error);
            return error;
        }

        [TestMethod]
        public void ValidBoard_ParsesEveryNumber()
        {
            string error;
            BoardProfile b = BoardProfile.Parse(Valid, out error);
            Assert.IsNull(error);
            Assert.IsNotNull(b);
            Assert.AreEqual("ESP32_REV0", b.Target);
            Assert.IsFalse(b.Psram);
            Assert.AreEqual(131072L, b.SpoolMaxBytes);
            Assert.AreEqual("I", b.SpoolDrive);
            Assert.AreEqual(1, b.TlsSessions);
            Assert.AreEqual(2, b.Sensors.Length);
            Assert.AreEqual("adc", b.Sensors[1].Input);
            Assert.AreEqual(6, b.Sensors[1].Number);
            Assert.AreEqual(8, b.SocketsNeeded);
        }

        [TestMethod]
        public void NoMemorySection_MeansNoMeasuredCosts()
        {
            string error;
            BoardProfile b = BoardProfile.Parse(Valid, out error);
            Assert.IsNull(error);
            Assert.IsFalse(b.HasMeasuredMemory);
            Assert.AreEqual(-1L, b.MemoryPop3SessionBytes);
            Assert.IsNull(b.MemorySource);
        }

        [TestMethod]
        public void MemorySection_IsReadWhole()
        {
            string json = Swap(Valid, "\"sdCard\": true,", "\"sdCard\": true, \"memory\": { \"source\": \"nanoCLR\", \"baseBytes\": 21433, \"pop3SessionBytes\": 8808, \"smtpSessionBytes\": 7944, \"spoolEntryBytes\": 1161 },");
            string error;
            BoardProfile b = BoardProfile.Parse(json, out error);
            Assert.IsNull(error);
            Assert.IsTrue(b.HasMeasuredMemory);
            Assert.AreEqual("nanoCLR", b.MemorySource);
            Assert.AreEqual(21433L, b.MemoryBaseBytes);
            Assert.AreEqual(8808L, b.MemoryPop3SessionBytes);
            Assert.AreEqual(7944L, b.MemorySmtpSessionBytes);
            Assert.AreEqual(1161L, b.MemorySpoolEntryBytes);
            Assert.AreEqual(-1L, b.MemoryImapSessionBytes);   // optional: the IMAP session measured apart
        }

        [TestMethod]
        public void TransferHeapBytes_IsTheBudgetLessTheIdleRelayItsSessionsAndTheReserve()
        {
            string error;
            BoardProfile none = BoardProfile.Parse(Valid, out error);
            Assert.AreEqual(0L, none.TransferHeapBytes, "no measured figures: no limit");

            string json = Swap(Valid, "\"sdCard\": true,", "\"sdCard\": true, \"memory\": { \"source\": \"nanoCLR\", \"baseBytes\": 21433, \"pop3SessionBytes\": 8808, \"smtpSessionBytes\": 7944, \"spoolEntryBytes\": 1161 },");
            BoardProfile b = BoardProfile.Parse(json, out error);
            Assert.AreEqual(65536L - 21433 - 8808 - 7944 - Limits.HeapGateReserveBytes, b.TransferHeapBytes);

            BoardProfile tight = BoardProfile.Parse(Swap(json, "\"managedHeapBudgetBytes\": 65536", "\"managedHeapBudgetBytes\": 40960"), out error);
            Assert.IsNull(error);
            Assert.AreEqual(1L, tight.TransferHeapBytes, "nothing left beside the sessions: one piece of work at a time");
        }

        [TestMethod]
        public void MemorySection_ImapSessionBytes_IsReadOrRefusedByName()
        {
            string figures = "\"source\": \"nanoCLR\", \"baseBytes\": 21433, \"pop3SessionBytes\": 8808, \"smtpSessionBytes\": 7944, \"spoolEntryBytes\": 1161";
            string error;
            BoardProfile b = BoardProfile.Parse(Swap(Valid, "\"sdCard\": true,", "\"sdCard\": true, \"memory\": { " + figures + ", \"imapSessionBytes\": 46704 },"), out error);
            Assert.IsNull(error);
            Assert.AreEqual(46704L, b.MemoryImapSessionBytes);
            Assert.AreEqual("memory.imapSessionBytes: must be above 0, beside the other measured figures", ParseError(Swap(Valid, "\"sdCard\": true,", "\"sdCard\": true, \"memory\": { " + figures + ", \"imapSessionBytes\": 0 },")));
        }

        [TestMethod]
        public void MemorySectionMissingAFigure_IsRefused()
        {
            string json = Swap(Valid, "\"sdCard\": true,", "\"sdCard\": true, \"memory\": { \"source\": \"nanoCLR\", \"baseBytes\": 21433, \"pop3SessionBytes\": 8808, \"smtpSessionBytes\": 7944 },");
            Assert.AreEqual("memory: needs source, baseBytes, pop3SessionBytes, smtpSessionBytes and spoolEntryBytes, each above 0", ParseError(json));
        }

        [TestMethod]
        public void TwoTlsSessionsWithoutPsram_IsRefused()
        {
            Assert.AreEqual("tls.sessions: must be 1 on a board without PSRAM",
                ParseError(Swap(Valid, "\"tls\": { \"sessions\": 1", "\"tls\": { \"sessions\": 2")));
        }

        [TestMethod]
        public void SpoolOnSdWithoutSdCard_IsRefused()
        {
            string json = Swap(Swap(Valid, "\"sdCard\": true", "\"sdCard\": false"), "\"drive\": \"I\"", "\"drive\": \"D\"");
            Assert.AreEqual("spool.drive: D needs an SD card, and this board's firmware has none", ParseError(json));
        }

        [TestMethod]
        public void SessionsBeyondTheSocketBudget_AreRefused()
        {
            Assert.AreEqual("sessions: need 17 sockets, the board has 16",
                ParseError(Swap(Swap(Valid, "\"pop3\": 1,", "\"pop3\": 10,"), "\"managedHeapBudgetBytes\": 65536", "\"managedHeapBudgetBytes\": 1048576")));
        }

        [TestMethod]
        public void SpoolEatingTheConfigReserveOfI_IsRefused()
        {
            Assert.AreEqual("spool.blockBytes: must be 512 to 65536, with room for at least 16 blocks in spool.maxBytes",
                ParseError(Swap(Valid, "\"blockBytes\": 4096", "\"blockBytes\": 16384")));
            Assert.AreEqual("spool.maxFiles: must be 8 to 2048",
                ParseError(Swap(Valid, "\"maxFiles\": 64", "\"maxFiles\": 4")));
            Assert.AreEqual("spool.maxBytes: must leave 65536 bytes of I: for config and certificates",
                ParseError(Swap(Valid, "\"maxBytes\": 131072", "\"maxBytes\": 262144")));
        }

        [TestMethod]
        public void MissingField_NamesIt()
        {
            Assert.AreEqual("tls.handshakeTimeoutMs: is required", ParseError(Swap(Valid, ", \"handshakeTimeoutMs\": 30000", "")));
        }

        [TestMethod]
        public void WrongType_NamesFieldAndType()
        {
            Assert.AreEqual("psram: must be true or false", ParseError(Swap(Valid, "\"psram\": false", "\"psram\": \"no\"")));
        }

        [TestMethod]
        public void Fraction_IsRefusedWithLine()
        {
            Assert.AreEqual("line 3: only whole numbers are allowed here", ParseError(Swap(Valid, "65536", "65536.5")));
        }

        [TestMethod]
        public void DuplicateKey_IsRefused()
        {
            Assert.AreEqual("line 1: duplicate member \"name\"", ParseError("{ \"name\": \"a\", \"name\": \"b\" }"));
        }

        [TestMethod]
        [DataRow("", "line 1: empty document")]
        [DataRow("{", "line 1: unexpected end of document")]
        [DataRow("{ \"a\": 1 } x", "line 1: unexpected text after the document")]
        [DataRow("{ \"a\": 1", "line 1: unexpected end of document")]
        [DataRow("{ \"a\": 01 }", "line 1: leading zero in a number")]
        [DataRow("{ \"a\": tru }", "line 1: unknown word (expected true)")]
        [DataRow("{ \"a\": \"x\n\" }", "line 1: control character in a string")]
        [DataRow("{ a: 1 }", "line 1: expected a member name in quotes")]
        [DataRow("[[[[[[[[[[1]]]]]]]]]]", "line 1: nested deeper than 8")]
        [DataRow("[1,\n2,\n3 4]", "line 3: expected ',' or ']'")]
        public void MalformedJson_OneLineErrorWithLineNumber(string json, string expected)
        {
            string error;
            Assert.IsNull(JsonSubsetParser.Parse(json, out error));
            Assert.AreEqual(expected, error);
        }

        [TestMethod]
        public void Escapes_AreDecoded()
        {
            string error;
            JsonNode n = JsonSubsetParser.Parse("{ \"s\": \"a\\\"b\\\\c\\u0041\\n\" }", out error);
            Assert.IsNull(error);
            Assert.AreEqual("a\"b\\cA\n", n.Get("s").Text);
        }

        [TestMethod]
        public void NegativeAndLargeIntegers_AreRead()
        {
            string error;
            JsonNode n = JsonSubsetParser.Parse("[-5, 0, 8388608]", out error);
            Assert.IsNull(error);
            Assert.AreEqual(-5L, n.At(0).Integer);
            Assert.AreEqual(0L, n.At(1).Integer);
            Assert.AreEqual(8388608L, n.At(2).Integer);
        }
    }
}

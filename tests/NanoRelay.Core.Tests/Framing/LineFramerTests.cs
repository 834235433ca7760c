#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;

namespace NanoRelay.Core.Tests.Framing
{
    /// <summary>docs/catalogue.md #1-#5 and RFC 5321 §2.3.8 line ends.</summary>
    [TestClass]
    public class LineFramerTests
    {
        private const string MultiLine = "250-a\r\n250-b\r\n250 c\r\n";

        [TestMethod]
        public void Case1_MultiLineReply_SameLinesWholeAndByteByByte()
        {
            string whole = FramerProbe.Run(LineFramer.ForSmtpReplies(), MultiLine, 4096);
            Assert.AreEqual("L:250-a\nL:250-b\nL:250 c\n", whole);
            for (int chunk = 1; chunk < MultiLine.Length; chunk++)
            {
                Assert.AreEqual(whole, FramerProbe.Run(LineFramer.ForSmtpReplies(), MultiLine, chunk));
            }
        }

        [TestMethod]
        public void Case2_CrAtBufferEdge_ThenLf_IsOneLine()
        {
            Assert.AreEqual("L:abc\nL:def\n", FramerProbe.Run(LineFramer.ForSmtpReplies(), "abc\r\ndef\r\n", 4));
        }

        [TestMethod]
        public void Case2_CrAtBufferEdge_ThenOther_IsBareCrNotALine()
        {
            Assert.AreEqual("L:abc[CR]xdef +BareCr\n", FramerProbe.Run(LineFramer.ForSmtpReplies(), "abc\rxdef\r\n", 4));
        }

        [TestMethod]
        [DataRow("A\n", "")]
        [DataRow("A\r", "")]
        [DataRow("\n", "")]
        [DataRow("A\nB\r\n", "L:A[LF]B +BareLf\n")]
        [DataRow("A\rB\r\n", "L:A[CR]B +BareCr\n")]
        [DataRow("A\r\r\n", "L:A[CR] +BareCr\n")]
        [DataRow("\r\n\r", "L:\n")]
        public void Case3_NonCrlfTerminators_NeverEndALine_Smtp(string input, string expected)
        {
            Assert.AreEqual(expected, FramerProbe.Run(LineFramer.ForSmtpServer(), input, 1));
            Assert.AreEqual(expected, FramerProbe.Run(LineFramer.ForSmtpServer(), input, 64));
        }

        [TestMethod]
        public void Pop3Server_AcceptsBareLfFromClients()
        {
            Assert.AreEqual("L:USER tech\nL:PASS x\n", FramerProbe.Run(LineFramer.ForPop3Server(), "USER tech\nPASS x\r\n", 3));
        }

        [TestMethod]
        public void Case4_CommandOf512OctetsPasses_513IsTooLongOnce()
        {
            string ok = "NOOP " + new string('a', 505) + "\r\n";
            Assert.AreEqual(512, ok.Length);
            Assert.AreEqual("L:" + ok.Substring(0, 510) + "\n", FramerProbe.Run(LineFramer.ForSmtpServer(), ok, 7));

            string over = "NOOP " + new string('a', 506) + "\r\nQUIT\r\n";
            Assert.AreEqual("TOO-LONG\nL:QUIT\n", FramerProbe.Run(LineFramer.ForSmtpServer(), over, 7));
            Assert.AreEqual("TOO-LONG\nL:QUIT\n", FramerProbe.Run(LineFramer.ForSmtpServer(), over, 1));
        }

        [TestMethod]
        public void Case4_Pop3Line255Passes_256IsTooLong()
        {
            string ok = "USER " + new string('u', 248) + "\r\n";
            Assert.AreEqual(255, ok.Length);
            Assert.AreEqual("L:" + ok.Substring(0, 253) + "\n", FramerProbe.Run(LineFramer.ForPop3Server(), ok, 255));

            string over = "USER " + new string('u', 249) + "\r\nNOOP\r\n";
            Assert.AreEqual("TOO-LONG\nL:NOOP\n", FramerProbe.Run(LineFramer.ForPop3Server(), over, 10));
        }

        [TestMethod]
        public void Case4_HundredKilobytesWithoutCrlf_IsReportedOnce_AndNeverSurfaces()
        {
            LineFramer framer = LineFramer.ForSmtpServer();
            string junk = new string('x', 100 * 1024);
            Assert.AreEqual("TOO-LONG\nL:NOOP\n", FramerProbe.Run(framer, junk + "\r\nNOOP\r\n", 1000));
            Assert.AreEqual(1001, framer.Buffer.Length);
        }

        [TestMethod]
        public void Case4_TooLongLineEndingInCrAtTheLimit_EndsAtItsLf()
        {
            // 511 octets then CR: the line would be 513 octets with its LF.
            string over = new string('a', 511) + "\r\nQUIT\r\n";
            Assert.AreEqual("TOO-LONG\nL:QUIT\n", FramerProbe.Run(LineFramer.ForSmtpServer(), over, 1));
        }

        [TestMethod]
        public void Case5_NulIsFlagged_AndTheLineIsNotTruncated()
        {
            Assert.AreEqual("L:NOOP[NUL]QUIT +Nul\n", FramerProbe.Run(LineFramer.ForSmtpServer(), "NOOP[NUL]QUIT\r\n", 1));
        }

        [TestMethod]
        public void Case5_EightBitBytes_PassThrough()
        {
            byte[] input = new byte[] { (byte)'N', 0x80, 0xFF, 13, 10 };
            LineFramer framer = LineFramer.ForSmtpServer();
            framer.Feed(input, 0, input.Length);
            Assert.AreEqual(FrameResult.Line, framer.TryTakeLine());
            Assert.AreEqual(3, framer.LineLength);
            Assert.AreEqual(LineFlags.None, framer.Flags);
        }

        [TestMethod]
        public void MaxLine_CanGrowForDataLines_UpToCapacity()
        {
            LineFramer framer = LineFramer.ForSmtpServer();
            framer.MaxLine = Limits.SmtpTextLine;
            string text = new string('t', 998) + "\r\n";
            Assert.AreEqual("L:" + new string('t', 998) + "\n", FramerProbe.Run(framer, text, 100));
        }

        [TestMethod]
        public void DiscardBuffered_DropsInjectedBytes()
        {
            LineFramer framer = LineFramer.ForSmtpServer();
            string input = "STARTTLS\r\nMAIL FROM:<evil@x>\r\n";
            framer.Feed(Ascii.Bytes(input), 0, input.Length);
            Assert.AreEqual(FrameResult.Line, framer.TryTakeLine());
            Assert.AreEqual(20, framer.Buffered);
            framer.DiscardBuffered();
            Assert.AreEqual(0, framer.Buffered);
            Assert.AreEqual(FrameResult.NeedMore, framer.TryTakeLine());
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §2.3.8 (only CRLF ends a line) and §4.5.3.1.4 (512-octet command lines):
    /// docs/catalogue.md #10 (bare LF in a command), #17 (overlong lines and the error limit) and
    /// #18 (junk and cross-protocol input).
    /// </summary>
    [TestClass]
    public class Section2_3_8_CommandLines
    {
        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case10_BareLfInCommand_OneBadLine_MailInsideNeverAnswered(int mode)
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("bare-lf-in-command", mode, h);
            Assert.AreEqual(0, ServerHarness.CountReplies(h.All(), "250"));
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case17_OverlongCommand_500_SessionUsable_TenErrorsThen421(int mode)
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("overlong-and-error-limit", mode, h);
            Assert.AreEqual(0, ServerHarness.CountReplies(h.All(), "221"), "the QUIT at the end of an overlong line never runs");
        }

        [TestMethod]
        public void Case17_CommandOf512OctetsWithCrlf_Accepted_513_TooLong()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            Assert.AreEqual("250 2.0.0 Ok\r\n", h.Send("NOOP " + new string('x', 505) + "\r\n"));
            Assert.AreEqual("500 5.5.2 Line too long\r\n", h.Send("NOOP " + new string('x', 506) + "\r\n"));
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case18_JunkAndCrossProtocolInput_500Each_NoCrash(int mode)
        {
            Transcript.Replay("junk-cross-protocol", mode, new ServerHarness());
        }

        [TestMethod]
        public void Case18_TlsClientHelloOnThePlainPort_OneLineTooLong_RestDiscarded()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            byte[] hello = new byte[6000];
            for (int i = 0; i < hello.Length; i++)
            {
                hello[i] = (byte)((i * 7) | 1);   // no CR/LF pair: 6000 octets of one "line"
                if (hello[i] == 13)
                {
                    hello[i] = 15;
                }
            }

            hello[0] = 0x16;
            h.Session.Receive(hello, 0, hello.Length);
            Assert.AreEqual("500 5.5.2 Line too long\r\n", h.Take());
            Assert.IsFalse(h.Session.IsClosed);
            Assert.AreEqual(string.Empty, h.Send("NOOP\r\n"), "still inside the discarded line");
            Assert.AreEqual("250 2.0.0 Ok\r\n", h.Send("NOOP\r\n"));
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Framing
{
    /// <summary>RFC 5321 §4.5.2 / §4.1.1.4 and RFC 1939 §3: reading dot-stuffed data up to CRLF.CRLF; docs/catalogue.md #7 and #8.</summary>
    [TestClass]
    public class DotUnstufferTests
    {
        private static void AssertEveryChunking(string wire, string expected)
        {
            int octets = Octets.Of(wire).Length;
            for (int chunk = 1; chunk <= octets; chunk++)
            {
                Assert.AreEqual(expected, UnstuffProbe.Run(wire, chunk), "chunk " + chunk);
            }
        }

        [TestMethod]
        public void Rfc5321_4_5_2_LeadingDotIsRemoved_OnlyOnce()
        {
            AssertEveryChunking("..\r\n...x\r\n.y\r\na.b\r\n.\r\n", ".[CR][LF]..x[CR][LF]y[CR][LF]a.b[CR][LF]|consumed=22|end");
        }

        [TestMethod]
        public void Rfc5321_4_1_1_4_TheCrlfBeforeTheDotBelongsToTheMessage()
        {
            AssertEveryChunking("Subject: t\r\n\r\nbody\r\n.\r\n", "Subject: t[CR][LF][CR][LF]body[CR][LF]|consumed=23|end");
        }

        [TestMethod]
        public void Rfc5321_4_1_1_4_DotCrlfStraightAfter354_IsAnEmptyMessage()
        {
            AssertEveryChunking(".\r\nQUIT\r\n", "|consumed=3|end");
        }

        [TestMethod]
        public void BytesAfterTheTerminator_AreNotConsumed()
        {
            // Pipelined (RFC 2920) or smuggled commands after the end belong to the command phase.
            Assert.AreEqual("a[CR][LF]|consumed=6|end", UnstuffProbe.Run("a\r\n.\r\nQUIT\r\n", 12));
            Assert.AreEqual("a[CR][LF]|consumed=6|end", UnstuffProbe.Run("a\r\n.\r\nQUIT\r\n", 5));
        }

        [TestMethod]
        public void WithoutTheTerminator_EverythingIsConsumed_AndMoreIsAwaited()
        {
            AssertEveryChunking("line\r\n.", "line[CR][LF]|consumed=7|more");
            AssertEveryChunking("line\r\n.\r", "line[CR][LF]|consumed=8|more");
        }

        [TestMethod]
        [DataRow("\n.\n")]
        [DataRow("\r.\r")]
        [DataRow("\r.\n")]
        [DataRow("\n.\r")]
        [DataRow("\n.\r\n")]
        [DataRow("\r\n.\n")]
        [DataRow("\r.\r\n")]
        [DataRow("\r\n.\r")]
        [DataRow("\r\n[NUL].\r\n")]
        [DataRow("\r\n.[NUL]\r\n")]
        [DataRow("\r\n.\r\r\n")]
        [DataRow("\r\r\n.\r\r\n")]
        public void Case8_SmugglingEndings_NeverEndTheData(string fakeEnd)
        {
            // RFC 5321 §2.3.8 and CVE-2023-51764: only CRLF.CRLF ends; the smuggled MAIL stays message text.
            // A NUL is written "[NUL]" (nanoCLR cuts strings at U+0000): count octets, not chars.
            string wire = "body" + fakeEnd + "MAIL FROM:<ceo@corp>\r\nRCPT TO:<x@y>\r\nDATA\r\nevil\r\n.\r\n";
            int octets = Octets.Of(wire).Length;
            for (int chunk = 1; chunk <= octets; chunk++)
            {
                string r = UnstuffProbe.Run(wire, chunk);
                Assert.IsTrue(r.IndexOf("|consumed=" + octets + "|end") > 0, "chunk " + chunk + ": " + r);
                Assert.IsTrue(r.IndexOf("MAIL FROM:<ceo@corp>[CR][LF]RCPT TO:<x@y>[CR][LF]DATA[CR][LF]evil[CR][LF]|") > 0, r);
            }
        }

        [TestMethod]
        public void Case8_BareCrAndBareLf_AreReported_NulToo()
        {
            Assert.AreEqual("a[LF]b[CR][LF]|consumed=8|end +BareLf", UnstuffProbe.Run("a\nb\r\n.\r\n", 1));
            Assert.AreEqual("a[CR]b[CR][LF]|consumed=8|end +BareCr", UnstuffProbe.Run("a\rb\r\n.\r\n", 1));
            Assert.AreEqual("a[NUL][CR][LF]|consumed=7|end +Nul", UnstuffProbe.Run("a[NUL]\r\n.\r\n", 3));
            Assert.AreEqual("x[CR][LF][CR][CR][LF]|consumed=10|end +BareCr", UnstuffProbe.Run("x\r\n.\r\r\n.\r\n", 2));
        }

        [TestMethod]
        public void Reset_StartsANewMessage()
        {
            DotUnstuffer u = new DotUnstuffer();
            byte[] wire = new byte[] { (byte)'a', (byte)'\n', 13, 10, (byte)'.', 13, 10 };
            byte[] output = new byte[16];
            Assert.AreEqual(4, u.Unstuff(wire, 0, wire.Length, output, 0));
            Assert.IsTrue(u.IsComplete);
            Assert.AreEqual(0, u.Unstuff(wire, 0, wire.Length, output, 0));
            Assert.AreEqual(0, u.Consumed);
            u.Reset();
            Assert.IsFalse(u.IsComplete);
            Assert.AreEqual(LineFlags.None, u.Flags);
            Assert.AreEqual(0, u.Unstuff(wire, 4, 3, output, 0));
            Assert.IsTrue(u.IsComplete);
        }
    }
}

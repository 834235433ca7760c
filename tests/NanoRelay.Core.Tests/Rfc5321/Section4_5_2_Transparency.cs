#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>RFC 5321 §4.5.2 and §2.3.8: what reaches the wire during DATA (docs/catalogue.md #42).</summary>
    [TestClass]
    public class Section4_5_2_Transparency
    {
        [TestMethod]
        public void Sc42_DamagedContent_IsCanonicalOnTheWire()
        {
            string body = "a\n.\r\nb\r.\rc\rd\r\n.leading\r\n..two\r\n" + new string('x', 1500) + "\r\nno final CRLF";
            string expectedBody = "a\r\n..\r\nb\r\n..\r\nc\r\nd\r\n..leading\r\n...two\r\n" + new string('x', 1500) + "\r\nno final CRLF\r\n.\r\n";
            SmtpHarness h = Section4_2_1_ReplyClasses.Plain(Section4_2_1_ReplyClasses.Hello + Section4_2_1_ReplyClasses.Mail + "S: 250 ok\n" + Section4_2_1_ReplyClasses.Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\nC: " + Text.Replace(expectedBody, "\r\n", "\nC: ").TrimEnd(' ', ':', 'C') + "S: 250 queued\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) }, body);
            string wire = h.Connection.WrittenText;
            int data = wire.IndexOf("DATA\r\n") + 6;
            int end = wire.IndexOf("QUIT\r\n");
            string sent = wire.Substring(data, end - data);

            Assert.AreEqual(expectedBody, sent);
            Assert.IsTrue(o.Accepted);
            for (int i = 0; i < sent.Length; i++)
            {
                if (sent[i] == '\r')
                {
                    Assert.AreEqual('\n', sent[i + 1], "bare CR at " + i);
                }

                if (sent[i] == '\n')
                {
                    Assert.AreEqual('\r', sent[i - 1], "bare LF at " + i);
                }
            }

            Assert.AreEqual(sent.Length - 5, sent.IndexOf("\r\n.\r\n"));
        }

        [TestMethod]
        public void BodyOfManyChunks_LineStartingWithDotAtAChunkBoundary_IsStillStuffed()
        {
            // The driver reads the spool in 512-octet chunks: put a line start exactly on the boundary.
            string body = new string('a', 510) + "\r\n.x\r\n";
            SmtpHarness h = Section4_2_1_ReplyClasses.Plain(Section4_2_1_ReplyClasses.Hello + Section4_2_1_ReplyClasses.Mail + "S: 250 ok\n" + Section4_2_1_ReplyClasses.Rcpt + "S: 250 ok\nC: DATA\nS: 354 go\nC: " + new string('a', 510) + "\nC: ..x\nC: .\nS: 250 queued\nC: QUIT\nS: 221 bye\n");
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) }, body);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
            Assert.IsTrue(o.Accepted);
        }
    }
}

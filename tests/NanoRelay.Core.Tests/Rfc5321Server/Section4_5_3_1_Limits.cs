#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>RFC 5321 §4.5.3.1 and RFC 1870: docs/catalogue.md #20 (recipients), #22 (size) and #23 (spool full).</summary>
    [TestClass]
    public class Section4_5_3_1_Limits
    {
        [TestMethod]
        public void Case20_HundredRecipientsAccepted_101st_452_EarlierOnesDelivered()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO c\r\n");
            h.Send("MAIL FROM:<a@lan>\r\n");
            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual("250 2.1.5 Ok\r\n", h.Send("RCPT TO:<r" + i + "@example.com>\r\n"), "recipient " + (i + 1));
            }

            Assert.AreEqual("452 4.5.3 Error: too many recipients\r\n", h.Send("RCPT TO:<r100@example.com>\r\n"));
            h.Send("DATA\r\n");
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send("x\r\n.\r\n"));
            Assert.AreEqual(100, h.Sink[0].Recipients.Length);
            Assert.AreEqual("r99@example.com", h.Sink[0].Recipients[99]);
        }

        [TestMethod]
        public void Case20_HundredRecipientsPipelinedInOneGroup_AllAnswered()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO c\r\n");
            string group = "MAIL FROM:<a@lan>\r\n";
            for (int i = 0; i < 101; i++)
            {
                group += "RCPT TO:<r" + i + "@example.com>\r\n";
            }

            string r = h.Send(group + "DATA\r\n");
            Assert.AreEqual(100, ServerHarness.CountReplies(r, "250") - 1);
            Assert.AreEqual(1, ServerHarness.CountReplies(r, "452"));
            Assert.IsTrue(r.EndsWith("354 End data with <CR><LF>.<CR><LF>\r\n"));
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case22_SizeDeclaredTooBig_552AtMail_UndeclaredReadToEndThen552_StillInStep(int mode)
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("size-limits", mode, h);
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Open, "the partial message is gone");
            Assert.AreEqual(1, h.Sink.Aborted);
        }

        [TestMethod]
        public void Case22_ContentOfExactlyMaxMessageBytes_Accepted_OneMore_552()
        {
            // The limit counts the client's content as stored (lines with CRLF, unstuffed); the
            // Received header the relay adds is not the client's.
            ServerHarness h = new ServerHarness();
            string body = string.Empty;
            long left = h.Options.MaxMessageBytes;
            while (left > 0)
            {
                int n = left > 990 ? 988 : (int)left - 2;
                body += new string('k', n) + "\r\n";
                left -= n + 2;
            }

            Assert.AreEqual(h.Options.MaxMessageBytes, (long)body.Length);
            h.OpenData();
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send(body + ".\r\n"));
            Assert.IsTrue(h.Sink[0].Text.EndsWith(body));
            h.Send("MAIL FROM:<a@lan>\r\n");
            h.Send("RCPT TO:<o@example.com>\r\n");
            h.Send("DATA\r\n");
            Assert.AreEqual("552 5.3.4 Message size exceeds fixed maximum message size\r\n", h.Send("k" + body + ".\r\n"));
            Assert.AreEqual(1, h.Sink.Count);
        }

        [TestMethod]
        public void Case23_SpoolFullDuringData_452AfterTheEnd_Never250_ThenAcceptedOnceFreed()
        {
            ServerHarness h = new ServerHarness();
            h.Sink.Capacity = 4000;
            h.OpenData();
            string line = new string('f', 98) + "\r\n";
            string body = string.Empty;
            for (int i = 0; i < 50; i++)
            {
                body += line;
            }

            Assert.AreEqual("452 4.3.1 Insufficient system storage\r\n", h.Send(body + ".\r\n"));
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Open);
            Assert.AreEqual(4000L, h.Sink.FreeBytes, "the partial message's bytes are released");

            Assert.AreEqual("452 4.3.1 Insufficient system storage\r\n", h.Send("MAIL FROM:<a@lan> SIZE=5000\r\n"), "RFC 1870: 452 at MAIL when SIZE exceeds the free space");

            h.Sink.Capacity = 100000;
            h.Send("MAIL FROM:<a@lan> SIZE=5000\r\n");
            h.Send("RCPT TO:<o@example.com>\r\n");
            h.Send("DATA\r\n");
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send(body + ".\r\n"));
        }

        [TestMethod]
        public void Case23_CommitFails_451_NothingQueued()
        {
            ServerHarness h = new ServerHarness();
            h.Sink.FailCommit = true;
            h.OpenData();
            Assert.AreEqual("451 4.3.0 Local error in processing\r\n", h.Send("x\r\n.\r\n"));
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Open);
        }

        [TestMethod]
        public void Section4_5_3_1_6_TextLineOf1000OctetsAccepted_1001_Refused500AfterTheEnd()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send(new string('t', 998) + "\r\n." + new string('s', 998) + "\r\n.\r\n"));
            h.Send("MAIL FROM:<a@lan>\r\n");
            h.Send("RCPT TO:<o@example.com>\r\n");
            h.Send("DATA\r\n");
            Assert.AreEqual("500 5.5.2 Line too long\r\n", h.Send(new string('t', 999) + "\r\nafter\r\n.\r\n"));
            Assert.AreEqual(1, h.Sink.Count);
            Assert.AreEqual("250 2.0.0 Ok\r\n", h.Send("NOOP\r\n"));
        }
    }
}

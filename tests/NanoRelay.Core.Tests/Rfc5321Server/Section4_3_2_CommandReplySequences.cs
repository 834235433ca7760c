#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>RFC 5321 §4.3.2 and §4.2: whole dialogues, replayed whole, line by line and byte by byte.</summary>
    [TestClass]
    public class Section4_3_2_CommandReplySequences
    {
        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void BasicSession_OneMessage_StoredUnstuffedWithEnvelope(int mode)
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("basic-session", mode, h);
            Assert.AreEqual(1, h.Sink.Count);
            Assert.AreEqual("device@lan", h.Sink[0].ReversePath);
            Assert.AreEqual(2, h.Sink[0].Recipients.Length);
            Assert.AreEqual("Second.Person@Example.COM", h.Sink[0].Recipients[1]);
            Assert.IsTrue(h.Sink[0].Text.EndsWith("\r\nSubject: alert\r\n\r\n.leading dot doubled by the client\r\nlast line\r\n"), h.Sink[0].Text);
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void HeloSession_OneLine250_ReceivedSaysWithSmtp(int mode)
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("helo-session", mode, h);
            Assert.IsTrue(h.Sink[0].Text.StartsWith("Received: from printer ([192.168.1.20])\r\n\tby relay.test (nanoRelay) with SMTP id "), h.Sink[0].Text);
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Rfc2920_PipelinedGroupAfterEhlo_AnsweredInOrder(int mode)
        {
            ServerHarness h = new ServerHarness();
            Transcript.Replay("pipelined-group", mode, h);
            Assert.AreEqual(1, h.Sink.Count);
            Assert.AreEqual(2, h.Sink[0].Recipients.Length);
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void ObsoleteAndUnknownCommands_502And500(int mode)
        {
            Transcript.Replay("obsolete-and-unknown", mode, new ServerHarness());
        }

        [TestMethod]
        [DataRow(Transcript.Whole)]
        [DataRow(Transcript.LineByLine)]
        [DataRow(Transcript.ByteByByte)]
        public void Case19_SequenceErrorsAndSyntax_503_501_250ForRset_221ForQuit(int mode)
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.BadCommandLimit = 50;
            ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, o);
            Transcript.Replay("sequence-errors", mode, h);
            Assert.AreEqual(0, h.Sink.Begun, "never 354");
        }

        [TestMethod]
        public void Case19_DataWithEveryRecipientRejected_Never354()
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO c\r\n");
            h.Send("MAIL FROM:<a@lan>\r\n");
            Assert.AreEqual("550 5.7.1 Relay access denied\r\n", h.Send("RCPT TO:<a%b@c>\r\n"));
            string r = h.Send("DATA\r\n");
            Assert.AreEqual("554 5.5.1 Error: no valid recipients\r\n", r);
            Assert.AreEqual(0, ServerHarness.CountReplies(h.All(), "354"));
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;
using NanoRelay.Framing;
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>RFC 5321 §4.2: every reply line is validated before the state machine sees it (docs/catalogue.md #28, #29, #43).</summary>
    [TestClass]
    public class Section4_2_ReplyCodes
    {
        private const string TwentyLineEhlo =
            "250-mail.example.com at your service, [192.0.2.1]\r\n250-SIZE 35882577\r\n250-8BITMIME\r\n250-STARTTLS\r\n" +
            "250-ENHANCEDSTATUSCODES\r\n250-PIPELINING\r\n250-CHUNKING\r\n250-SMTPUTF8\r\n250-AUTH LOGIN PLAIN XOAUTH2 CRAM-MD5\r\n" +
            "250-AUTH=LOGIN PLAIN\r\n250-DSN\r\n250-ETRN\r\n250-VRFY\r\n250-XCLIENT NAME\r\n250-X-EXPS GSSAPI NTLM\r\n250-BINARYMIME\r\n" +
            "250-DELIVERBY 300\r\n250-MT-PRIORITY\r\n250-REQUIRETLS\r\n250 HELP\r\n";

        private static string Parse(byte[] input, int split, out SmtpCapabilities caps)
        {
            LineFramer framer = LineFramer.ForSmtpReplies();
            SmtpReplyReader reader = new SmtpReplyReader();
            caps = new SmtpCapabilities();
            reader.Begin(caps);
            int fed = 0;
            string result = "";
            while (true)
            {
                FrameResult r = framer.TryTakeLine();
                if (r == FrameResult.Line)
                {
                    SmtpReplyStatus s = reader.Accept(framer.Buffer, framer.LineOffset, framer.LineLength, framer.Flags);
                    result += s.ToString() + ";";
                    continue;
                }

                if (r == FrameResult.TooLong)
                {
                    result += "TooLong;";
                    continue;
                }

                if (fed >= input.Length)
                {
                    return result + reader.Reply.Code + ";" + reader.Reply.LineCount + ";" + caps.Extensions + ";" + caps.Mechanisms + ";" + caps.MaxSize;
                }

                int n = fed < split ? split - fed : input.Length - fed;
                fed += framer.Feed(input, fed, n);
            }
        }

        [TestMethod]
        public void Sc28_TwentyLineEhloReply_SplitAtEveryPoint_ParsesLikeOneBlock()
        {
            byte[] input = Ascii.Bytes(TwentyLineEhlo);
            SmtpCapabilities caps;
            string whole = Parse(input, input.Length, out caps);
            Assert.AreEqual(SmtpExtensions.StartTls | SmtpExtensions.Auth | SmtpExtensions.Size | SmtpExtensions.EightBitMime | SmtpExtensions.SmtpUtf8 | SmtpExtensions.Pipelining | SmtpExtensions.EnhancedStatusCodes, caps.Extensions);
            Assert.AreEqual(SaslMechanisms.Plain | SaslMechanisms.Login | SaslMechanisms.CramMd5 | SaslMechanisms.XOAuth2, caps.Mechanisms);
            Assert.AreEqual(35882577L, caps.MaxSize);
            for (int split = 1; split < input.Length; split++)
            {
                Assert.AreEqual(whole, Parse(input, split, out caps), "split at " + split);
            }
        }

        [TestMethod]
        [DataRow(TranscriptConnection.Whole)]
        [DataRow(TranscriptConnection.ByteByByte)]
        public void Sc28_EhloReplyOneBytePerRead_SameSessionAsOneBlock(int mode)
        {
            string t = "S: 220 mx\nC: EHLO relay.example\nS: " + Text.Replace(TwentyLineEhlo, "\r\n", "\\r\\n") + "\\\nC: STARTTLS\nS: 220 go\n** TLS\nC: EHLO relay.example\nS: 250-mx\nS: 250 AUTH PLAIN\n" +
                "C: AUTH PLAIN AGFsZXJ0c0BleGFtcGxlLmNvbQBhcHAtcGFzc3dvcmQ=\nS: 235 ok\nC: QUIT\nS: 221 bye\n";
            SmtpHarness h = new SmtpHarness(t, mode);
            h.Run(new SmtpEnvelope[0]);
            Assert.IsNull(h.OpenOutcome);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }

        [TestMethod]
        [DataRow("XXX ok")]
        [DataRow("0")]
        [DataRow("01")]
        [DataRow("012")]
        [DataRow("1234 x")]
        [DataRow("2500 ok")]
        [DataRow("666 Really bad reply")]
        [DataRow("220-a\r\nS: 340 b")]
        [DataRow("120 wait")]
        [DataRow("220\tmx")]
        [DataRow("220 mx\\r\\rbare CR")]
        public void Sc29_MalformedGreeting_IsProtocolError_NothingSent(string line)
        {
            SmtpHarness h = new SmtpHarness("S: " + line + "\n", TranscriptConnection.Whole);
            h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
            Assert.AreEqual("", h.Connection.WrittenText);
            Assert.AreEqual(SmtpFailure.Protocol, h.Outcomes[0].Failure);
            Assert.IsFalse(h.Outcomes[0].Accepted);
        }

        [TestMethod]
        [DataRow("250 o[NUL]k", "reply line holds a bare CR, bare LF or NUL")]
        [DataRow("250-mx[NUL]\r\n250 ok", "reply line holds a bare CR, bare LF or NUL")]
        [DataRow("535 5.7.8 no\u0001pe", "reply text holds a control character")]
        [DataRow("250 ok\u007F", "reply text holds a control character")]
        public void ReplyTextWithNulOrControl_IsInvalid_NeverText(string wire, string error)
        {
            // Issue 12: reply text becomes a string (outcomes, bounces, logs); one cut at a NUL on
            // the device would say less than on the host, so the line is refused on its bytes.
            byte[] input = Octets.Of(wire + "\r\n");
            LineFramer framer = LineFramer.ForSmtpReplies();
            SmtpReplyReader reader = new SmtpReplyReader();
            reader.Begin(null);
            framer.Feed(input, 0, input.Length);
            SmtpReplyStatus last = SmtpReplyStatus.Partial;
            while (last == SmtpReplyStatus.Partial && framer.TryTakeLine() == FrameResult.Line)
            {
                last = reader.Accept(framer.Buffer, framer.LineOffset, framer.LineLength, framer.Flags);
            }

            Assert.AreEqual(SmtpReplyStatus.Invalid, last);
            Assert.AreEqual(error, reader.Error);
        }

        [TestMethod]
        public void Sc29_BareCodeWithoutSpace_IsAccepted()
        {
            // RFC 5321 §4.2: clients "MUST be prepared" for "250" with no text.
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            SmtpHarness h = new SmtpHarness("S: 220\nC: EHLO relay.example\nS: 250\nC: QUIT\nS: 221\n", TranscriptConnection.ByteByByte, s);
            h.Run(new SmtpEnvelope[0]);
            Assert.IsNull(h.OpenOutcome);
            Assert.AreEqual(h.Connection.ExpectedClient, h.Connection.WrittenText);
        }

        [TestMethod]
        public void Sc29_HundredKilobyteReplyWithoutCrlf_IsProtocolError_MemoryBounded()
        {
            string big = new string('x', 100 * 1024);
            SmtpHarness h = new SmtpHarness("S: 220 " + big + "\\\n", TranscriptConnection.Whole);
            h.Run(new SmtpEnvelope[0]);
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
            Assert.AreEqual("reply line longer than 512 octets", h.OpenOutcome.Reply);
        }

        [TestMethod]
        public void ReplyLineOf512OctetsWithCrlf_IsAccepted_513_IsNot()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            string ok = "220 " + new string('a', 512 - 6);
            SmtpHarness h = new SmtpHarness("S: " + ok + "\nC: EHLO relay.example\nS: 250 x\nC: QUIT\nS: 221\n", TranscriptConnection.Whole, s);
            h.Run(new SmtpEnvelope[0]);
            Assert.IsNull(h.OpenOutcome);

            h = new SmtpHarness("S: " + ok + "a\n", TranscriptConnection.Whole, s);
            h.Run(new SmtpEnvelope[0]);
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
        }

        [TestMethod]
        public void MultilineReplyWithMismatchedCodes_IsProtocolError()
        {
            SmtpHarness h = new SmtpHarness("S: 220 mx\nC: EHLO relay.example\nS: 250-mx\nS: 251 STARTTLS\n", TranscriptConnection.LineByLine);
            h.Run(new SmtpEnvelope[0]);
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
            Assert.AreEqual("multiline reply changes its code", h.OpenOutcome.Reply);
        }

        [TestMethod]
        public void ReplyOfMoreThan64Lines_IsProtocolError()
        {
            string t = "S: 220 mx\nC: EHLO relay.example\n";
            for (int i = 0; i < 70; i++)
            {
                t += "S: 250-X" + i + "\n";
            }

            SmtpHarness h = new SmtpHarness(t + "S: 250 end\n", TranscriptConnection.Whole);
            h.Run(new SmtpEnvelope[0]);
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
        }

        [TestMethod]
        public void EnhancedStatusCode_IsParsed_OnlyWhenItsClassMatchesTheCode()
        {
            SmtpReplyReader reader = new SmtpReplyReader();
            reader.Begin(null);
            byte[] line = Ascii.Bytes("535 5.7.8 Error: authentication failed");
            Assert.AreEqual(SmtpReplyStatus.Complete, reader.Accept(line, 0, line.Length, LineFlags.None));
            Assert.AreEqual(5, reader.Reply.StatusClass);
            Assert.AreEqual(7, reader.Reply.StatusSubject);
            Assert.AreEqual(8, reader.Reply.StatusDetail);
            Assert.AreEqual("535 5.7.8 Error: authentication failed", reader.Reply.ToString());

            reader.Begin(null);
            line = Ascii.Bytes("250 5.7.8 mismatched");
            reader.Accept(line, 0, line.Length, LineFlags.None);
            Assert.AreEqual(0, reader.Reply.StatusClass);
        }

        [TestMethod]
        public void Sc43_TwoRepliesForOneCommand_IsProtocolError_NeverPairedWithTheNextCommand()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            SmtpHarness h = new SmtpHarness("S: 220 mx\nC: EHLO relay.example\nS: 250 mx\\r\\n250 extra\\r\\n\\\n", TranscriptConnection.Whole, s);
            h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });
            Assert.AreEqual(SmtpFailure.Protocol, h.OpenOutcome.Failure);
            Assert.IsFalse(h.Outcomes[0].Accepted);
            Assert.AreEqual(-1, h.Connection.WrittenText.IndexOf("MAIL"));
        }

        [TestMethod]
        public void Sc43_354And250Together_BodyNeverSent_NotMarkedDelivered()
        {
            SmtpClientSettings s = SmtpHarness.Settings(SmtpTlsMode.None);
            s.User = null;
            SmtpHarness h = new SmtpHarness("S: 220 mx\nC: EHLO relay.example\nS: 250 mx\nC: MAIL FROM:<greenhouse-1@example.com>\nS: 250 ok\nC: RCPT TO:<ops@example.com>\nS: 250 ok\nC: DATA\nS: 354 go\\r\\n250 queued\\r\\n\\\n", TranscriptConnection.Whole, s);
            SmtpOutcome o = h.Run(new SmtpEnvelope[] { SmtpHarness.Envelope(new string[] { "ops@example.com" }) });
            Assert.IsFalse(o.Accepted);
            Assert.AreEqual(SmtpFailure.Protocol, o.Failure);
            Assert.AreEqual(-1, h.Connection.WrittenText.IndexOf("Temperature"));
        }

        [TestMethod]
        public void Sc43_BytesBeforeTheGreeting_AreAProtocolError()
        {
            SmtpHarness h = new SmtpHarness("S: 250 early\\r\\n220 mx\\r\\n\\\n", TranscriptConnection.Whole);
            h.Run(new SmtpEnvelope[0]);
            Assert.IsNotNull(h.OpenOutcome);
            Assert.AreEqual(-1, h.Connection.WrittenText.IndexOf("EHLO"));
        }
    }
}

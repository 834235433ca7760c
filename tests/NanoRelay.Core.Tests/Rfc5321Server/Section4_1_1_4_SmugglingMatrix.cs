#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §4.1.1.4 and §2.3.8: only CRLF "." CRLF ends the mail data. docs/catalogue.md #8 (the
    /// smtpsmug / SEC Consult end-of-data matrix), case 9 (bare LF content) and case 27 (a client
    /// vanishing during DATA).
    /// </summary>
    [TestClass]
    public class Section4_1_1_4_SmugglingMatrix
    {
        // hannob/smtpsmug and The-Login/SMTP-Smuggling-Tools end-of-data candidates. "[NUL]" is a
        // 0x00 octet (ServerHarness sends it as one; nanoCLR would cut a string holding U+0000).
        internal static readonly string[] Variants =
        {
            "\n.\n", "\r.\r", "\r.\n", "\n.\r", "\n.\r\n", "\r\n.\n",
            "\r.\r\n", "\r\n.\r", "\r\n[NUL].\r\n", "\r\n.[NUL]\r\n", "\r\n.\r\r\n", "\r\r\n.\r\r\n",
        };

        private const string Smuggled = "MAIL FROM:<ceo@corp>\r\nRCPT TO:<x@y>\r\nDATA\r\nSubject: smuggled\r\n\r\nwire $1M\r\n.\r\n";

        internal static string Payload(int variant)
        {
            return "Subject: report\r\n\r\nbody" + Variants[variant] + Smuggled;
        }

        private static bool HasNul(int variant)
        {
            return Octets.HasNul(Variants[variant]);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        public void Case08_SmugglingVariant_RejectMode_NoMessageAndNoSmuggledReply(int variant)
        {
            for (int byteByByte = 0; byteByByte < 2; byteByByte++)
            {
                ServerHarness h = new ServerHarness();
                h.OpenData();
                string replies = byteByByte == 1 ? h.SendByteByByte(Payload(variant)) : h.Send(Payload(variant));

                // One reply, after the real end; the smuggled MAIL/RCPT/DATA are content, never answered.
                string expected = HasNul(variant) ? "554 5.6.0 Error: NUL octet received\r\n" : "550 5.5.2 Error: bare CR or LF received\r\n";
                Assert.AreEqual(expected, replies, "variant " + variant + " byteByByte " + byteByByte);
                Assert.AreEqual(0, h.Sink.Count);
                Assert.AreEqual(0, h.Sink.Open);
                Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
                Assert.AreEqual("221 2.0.0 relay.test closing connection\r\n", h.Send("QUIT\r\n"));
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        public void Case08_SmugglingVariant_NormalizeMode_AtMostOneMessageHoldingTheSmuggledText(int variant)
        {
            for (int byteByByte = 0; byteByByte < 2; byteByByte++)
            {
                SmtpServerOptions o = ServerHarness.NewOptions();
                o.BareLineEnds = BareLineEnds.Normalize;
                ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, o);
                h.OpenData();
                string replies = byteByByte == 1 ? h.SendByteByByte(Payload(variant)) : h.Send(Payload(variant));
                if (HasNul(variant))
                {
                    Assert.AreEqual("554 5.6.0 Error: NUL octet received\r\n", replies);
                    Assert.AreEqual(0, h.Sink.Count);
                    continue;
                }

                // One message: the would-be second transaction is its content, with every line end CRLF.
                Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", replies, "variant " + variant);
                Assert.AreEqual(1, h.Sink.Count);
                string text = h.Sink[0].Text;
                Assert.IsTrue(text.IndexOf("\r\nMAIL FROM:<ceo@corp>\r\n") >= 0 || text.IndexOf(".MAIL FROM:<ceo@corp>\r\n") >= 0, text);
                Assert.AreEqual(0, BareLineEndCount(h.Sink[0].Content), "bare CR/LF stored for variant " + variant);
                Assert.AreEqual(1, h.Sink[0].Recipients.Length);
                Assert.AreEqual("ops@example.com", h.Sink[0].Recipients[0]);
            }
        }

        [TestMethod]
        public void Case09_BareLfBody_CanonicalEnd_RejectMode_550AndNothingStored()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            Assert.AreEqual("550 5.5.2 Error: bare CR or LF received\r\n", h.Send("line one\nline two\nline three\r\n.\r\n"));
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(1, h.Sink.Aborted);
            Assert.AreEqual("250 2.0.0 Ok\r\n", h.Send("NOOP\r\n"));
        }

        [TestMethod]
        public void Case09_BareLfBody_CanonicalEnd_NormalizeMode_StoredWithCrlfOnly()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.BareLineEnds = BareLineEnds.Normalize;
            ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, o);
            h.OpenData();
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send("Subject: t\n\nline one\nline two\r\n.\r\n"));
            string text = h.Sink[0].Text;
            Assert.IsTrue(text.EndsWith("\r\nSubject: t\r\n\r\nline one\r\nline two\r\n"), text);
            Assert.AreEqual(0, BareLineEndCount(h.Sink[0].Content));
        }

        // Issue 14 item 4: a device whose every line ends in a bare LF, "\n.\n" included.
        internal static string LfOnlyPayload(int variant)
        {
            return "Subject: report\n\nbody" + Variants[variant] + Smuggled;
        }

        [TestMethod]
        public void Case09_LfOnlyMessage_NormalizeMode_LfDotLfEndsIt_250AtOnce_ThenOnlyQuit()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.BareLineEnds = BareLineEnds.Normalize;
            ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, o);
            h.OpenData();
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send("Subject: t\n\nline one\n..dot\n\nline two\n.\n"));
            Assert.AreEqual(1, h.Sink.Count);
            string text = h.Sink[0].Text;
            Assert.IsTrue(text.EndsWith("\r\nSubject: t\r\n\r\nline one\r\n.dot\r\n\r\nline two\r\n"), text);
            Assert.AreEqual(0, BareLineEndCount(h.Sink[0].Content));
            Assert.AreEqual(SmtpServerState.Refused, h.Session.State);
            Assert.AreEqual("503 5.5.1 Bad sequence of commands\r\n", h.Send("MAIL FROM:<device@lan>\r\n"));
            Assert.AreEqual("221 2.0.0 relay.test closing connection\r\n", h.Send("QUIT\r\n"));
        }

        [TestMethod]
        public void Case09_LfOnlyMessage_NormalizeMode_LongerThanOneLineBuffer_Stored()
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.BareLineEnds = BareLineEnds.Normalize;
            ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, o);
            h.OpenData();
            string line = "0123456789012345678901234567890123456789012345678901234567890123456789\n";
            string body = "Subject: long\n\n";
            for (int i = 0; i < 40; i++)
            {
                body += line;
            }

            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.SendByteByByte(body + ".\n"));
            Assert.AreEqual(0, BareLineEndCount(h.Sink[0].Content));
            Assert.IsTrue(h.Sink[0].Text.EndsWith(line.Substring(0, 70) + "\r\n" + line.Substring(0, 70) + "\r\n"));
        }

        [TestMethod]
        public void Case09_LfOnlyMessage_RejectMode_550AtOnce_NoTimeout_ThenOnlyQuit()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            Assert.AreEqual("550 5.5.2 Error: bare CR or LF received\r\n", h.Send("Subject: t\n\nline one\nline two\n.\n"));
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Open);
            Assert.AreEqual(SmtpServerState.Refused, h.Session.State);
            Assert.AreEqual("221 2.0.0 relay.test closing connection\r\n", h.Send("QUIT\r\n"));
        }

        [TestMethod]
        public void Case09_CrlfThenLfDotLf_StillContent_BothModes()
        {
            for (int normalize = 0; normalize < 2; normalize++)
            {
                SmtpServerOptions o = ServerHarness.NewOptions();
                o.BareLineEnds = normalize == 1 ? BareLineEnds.Normalize : BareLineEnds.Reject;
                ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, o);
                h.OpenData();
                Assert.AreEqual(string.Empty, h.Send("Subject: t\r\n\r\na\n.\nb\n.\n"));
                Assert.AreEqual(SmtpServerState.Data, h.Session.State);
                Assert.AreEqual(normalize == 1 ? "250 2.0.0 Ok: queued as M1\r\n" : "550 5.5.2 Error: bare CR or LF received\r\n", h.Send("\r\n.\r\n"));
                Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
            }
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        public void Case08_LfOnlyMessage_SmugglingVariant_BothModes_NothingSmuggled(int variant)
        {
            for (int mode = 0; mode < 4; mode++)
            {
                bool normalize = mode >= 2;
                SmtpServerOptions o = ServerHarness.NewOptions();
                o.BareLineEnds = normalize ? BareLineEnds.Normalize : BareLineEnds.Reject;
                ServerHarness h = new ServerHarness(ServerHarness.LanClient, false, o);
                h.OpenData();
                string replies = mode % 2 == 1 ? h.SendByteByByte(LfOnlyPayload(variant)) : h.Send(LfOnlyPayload(variant));
                string where = "variant " + variant + " mode " + mode + ": " + replies;

                // Never a 354 nor a second 250: the smuggled MAIL/RCPT/DATA never ran.
                Assert.IsTrue(replies.IndexOf("354") < 0, where);
                Assert.IsTrue(replies.IndexOf("250 2.1") < 0, where);
                int first = replies.IndexOf("250 ");
                Assert.IsTrue(first < 0 || replies.IndexOf("250 ", first + 1) < 0, where);
                Assert.AreEqual(normalize && !HasNul(variant) ? 1 : 0, h.Sink.Count, where);
                for (int i = 0; i < h.Sink.Count; i++)
                {
                    Assert.AreEqual(1, h.Sink[i].Recipients.Length);
                    Assert.AreEqual("ops@example.com", h.Sink[i].Recipients[0], where);
                    Assert.AreEqual(0, BareLineEndCount(h.Sink[i].Content), where);
                }

                Assert.AreEqual(0, h.Sink.Open, where);
            }
        }

        [TestMethod]
        public void Case09_DotAloneRightAfter354_EndsAnEmptyMessage()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send(".\r\n"));
            Assert.IsTrue(h.Sink[0].Text.StartsWith("Received: from client.lan ([192.168.1.20])\r\n"));
        }

        [TestMethod]
        public void Case27_ClientVanishesMidData_NothingQueued()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            string line = new string('x', 98) + "\r\n";
            for (int i = 0; i < 100; i++)
            {
                h.Send(line);
            }

            Assert.AreEqual(1, h.Sink.Open);
            h.Session.ConnectionLost();
            Assert.AreEqual(string.Empty, h.Take());
            Assert.AreEqual(0, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Open);
            Assert.AreEqual(1, h.Sink.Aborted);
        }

        [TestMethod]
        public void Case27_ClientVanishesRightAfterTheEnd_CommittedExactlyOnce()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send("body\r\n.\r\n"));
            h.Session.ConnectionLost();
            Assert.AreEqual(1, h.Sink.Count);
            Assert.AreEqual(0, h.Sink.Aborted);
        }

        [TestMethod]
        public void Section4_5_2_LeadingDotRemoved_AndLineOfTwoDotsIsContent()
        {
            ServerHarness h = new ServerHarness();
            h.OpenData();
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send("..\r\n...x\r\n.y\r\n.\r\n"));
            Assert.IsTrue(h.Sink[0].Text.EndsWith("\r\n.\r\n..x\r\ny\r\n"), h.Sink[0].Text);
        }

        internal static int BareLineEndCount(byte[] b)
        {
            int n = 0;
            for (int i = 0; i < b.Length; i++)
            {
                bool crlf = b[i] == 13 && i + 1 < b.Length && b[i + 1] == 10;
                if (crlf)
                {
                    i++;
                }
                else if (b[i] == 13 || b[i] == 10)
                {
                    n++;
                }
            }

            return n;
        }
    }
}

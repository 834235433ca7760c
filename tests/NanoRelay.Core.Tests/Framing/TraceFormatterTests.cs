#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Framing
{
    /// <summary>--trace: C:/S: lines, secrets redacted where the RFCs put them, bodies elided.</summary>
    [TestClass]
    public class TraceFormatterTests
    {
        // The device's test launcher calls test methods with a null `this`: each test makes its own trace.
        private sealed class Trace
        {
            public readonly MemoryLog Log = new MemoryLog();
            public readonly TraceFormatter Formatter;

            public Trace()
            {
                Formatter = new TraceFormatter(Log, "smtp", 2);
            }

            public void C(string line)
            {
                byte[] b = Ascii.Bytes(line + "\r\n");
                Formatter.Client(b, 0, b.Length);
            }

            public void S(string line)
            {
                byte[] b = Ascii.Bytes(line + "\r\n");
                Formatter.Server(b, 0, b.Length);
            }

            public string Lines()
            {
                string[] lines = Log.Lines;
                string text = "";
                for (int i = 0; i < lines.Length; i++)
                {
                    string line = lines[i].StartsWith("smtp: ") ? lines[i].Substring(6) : lines[i];
                    text += i == 0 ? line : "\n" + line;
                }

                return text;
            }
        }

        [TestMethod]
        public void Rfc9051_Section6_2_3_Login_UserAndPasswordAreRedacted_OtherCommandsShown()
        {
            Trace t = new Trace();
            t.S("* OK IMAP4rev2 Service Ready");
            t.C("a1 LOGIN tech secret");
            t.S("a1 OK LOGIN completed");
            t.C("a2 SELECT INBOX");
            t.S("a2 OK [READ-WRITE] SELECT completed");
            Assert.AreEqual("S: * OK IMAP4rev2 Service Ready\nC: a1 LOGIN [redacted]\nS: a1 OK LOGIN completed\nC: a2 SELECT INBOX\nS: a2 OK [READ-WRITE] SELECT completed", t.Lines());
        }

        [TestMethod]
        public void Rfc9051_Section6_2_3_LoginWithLiterals_EveryLineUpToTheTaggedReplyIsRedacted()
        {
            Trace t = new Trace();
            t.S("* OK IMAP4rev2 Service Ready");
            t.C("a1 LOGIN {4}");
            t.S("+ Ready for literal data");
            t.C("tech {6}");
            t.S("+ Ready for literal data");
            t.C("secret");
            t.S("a1 OK LOGIN completed");
            t.C("a2 NOOP");
            Assert.AreEqual("S: * OK IMAP4rev2 Service Ready\nC: a1 LOGIN [redacted]\nS: + Ready for literal data\nC: [redacted]\nS: + Ready for literal data\nC: [redacted]\nS: a1 OK LOGIN completed\nC: a2 NOOP", t.Lines());
        }

        [TestMethod]
        public void Rfc9051_Section6_2_2_Authenticate_InitialResponseAndSaslResponsesAreRedacted()
        {
            Trace t = new Trace();
            t.S("* OK IMAP4rev2 Service Ready");
            t.C("a1 AUTHENTICATE PLAIN AHRlY2gAc2VjcmV0");
            t.S("a1 OK AUTHENTICATE completed");
            t.C("a2 AUTHENTICATE PLAIN");
            t.S("+ ");
            t.C("AHRlY2gAc2VjcmV0");
            t.S("a2 NO [AUTHENTICATIONFAILED] Invalid credentials");
            Assert.AreEqual("S: * OK IMAP4rev2 Service Ready\nC: a1 AUTHENTICATE PLAIN [redacted]\nS: a1 OK AUTHENTICATE completed\nC: a2 AUTHENTICATE PLAIN\nS: + \nC: [redacted]\nS: a2 NO [AUTHENTICATIONFAILED] Invalid credentials", t.Lines());
        }

        [TestMethod]
        public void Rfc4954_Section4_InitialResponse_IsRedacted()
        {
            Trace t = new Trace();
            t.C("AUTH PLAIN AHRlY2gAc2VjcmV0");
            t.S("235 2.7.0 Authentication successful");
            Assert.AreEqual("C: AUTH PLAIN [redacted]\nS: 235 2.7.0 Authentication successful", t.Lines());
        }

        [TestMethod]
        public void Rfc4954_Section4_ResponsesTo334_AreRedacted_CancelIsShown()
        {
            Trace t = new Trace();
            t.C("AUTH LOGIN");
            t.S("334 VXNlcm5hbWU6");
            t.C("dGVjaA==");
            t.S("334 UGFzc3dvcmQ6");
            t.C("c2VjcmV0");
            t.S("235 2.7.0 ok");
            t.C("AUTH CRAM-MD5");
            t.S("334 PDEyMzQ1QGhvc3Q+");
            t.C("*");
            t.S("501 5.0.0 cancelled");
            t.C("MAIL FROM:<a@b.c>");
            Assert.AreEqual(
                "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: [redacted]\nS: 334 UGFzc3dvcmQ6\nC: [redacted]\nS: 235 2.7.0 ok\n"
                + "C: AUTH CRAM-MD5\nS: 334 PDEyMzQ1QGhvc3Q+\nC: *\nS: 501 5.0.0 cancelled\nC: MAIL FROM:<a@b.c>",
                t.Lines());
            Assert.AreEqual(-1, t.Log.Text.IndexOf("dGVjaA=="));
            Assert.AreEqual(-1, t.Log.Text.IndexOf("c2VjcmV0"));
        }

        [TestMethod]
        public void Rfc1939_Section7_PassAndApopDigest_AreRedacted_UserIsNot()
        {
            Trace t = new Trace();
            t.C("USER tech");
            t.S("+OK");
            t.C("pass secret");
            t.S("-ERR [AUTH] invalid");
            t.C("APOP tech c4c9334bac560ecc979e58001b3e22fb");
            t.S("+OK maildrop has 1 message");
            Assert.AreEqual("C: USER tech\nS: +OK\nC: pass [redacted]\nS: -ERR [AUTH] invalid\nC: APOP tech [redacted]\nS: +OK maildrop has 1 message", t.Lines());
        }

        [TestMethod]
        public void Rfc5034_Section4_ResponsesToPlus_AreRedacted()
        {
            Trace t = new Trace();
            t.C("AUTH PLAIN");
            t.S("+ ");
            t.C("AHRlY2gAc2VjcmV0");
            t.S("+OK logged in");
            t.C("STAT");
            Assert.AreEqual("C: AUTH PLAIN\nS: + \nC: [redacted]\nS: +OK logged in\nC: STAT", t.Lines());
        }

        [TestMethod]
        public void Rfc5321_Section4_1_1_4_BodyIsElidedAfterNLines()
        {
            Trace t = new Trace();
            t.C("DATA");
            t.S("354 End data with <CR><LF>.<CR><LF>");
            t.C("Subject: hi");
            t.C("");
            t.C("line 1");
            t.C("..line 2 starts with a dot");
            t.C("line 3");
            t.C(".");
            t.S("250 2.0.0 queued");
            t.C("QUIT");
            Assert.AreEqual(
                "C: DATA\nS: 354 End data with <CR><LF>.<CR><LF>\nC: Subject: hi\nC: \nC: [... 3 more body lines elided]\nC: .\nS: 250 2.0.0 queued\nC: QUIT",
                t.Lines());
            Assert.AreEqual(3L, t.Formatter.TotalElided);
        }

        [TestMethod]
        public void DataRefused_NoBodyMode()
        {
            Trace t = new Trace();
            t.C("DATA");
            t.S("554 5.5.1 no valid recipients");
            t.C("RSET");
            t.C("NOOP");
            t.C("QUIT");
            Assert.AreEqual("C: DATA\nS: 554 5.5.1 no valid recipients\nC: RSET\nC: NOOP\nC: QUIT", t.Lines());
        }

        [TestMethod]
        public void Rfc1939_Section7_RetrBodyIsElided_ErrIsNotABody()
        {
            Trace t = new Trace();
            t.C("RETR 9");
            t.S("-ERR no such message");
            t.C("RETR 1");
            t.S("+OK 120 octets");
            t.S("From: a@b.c");
            t.S("Subject: x");
            t.S("");
            t.S("text");
            t.S(".");
            t.C("TOP 1 0");
            t.S("+OK");
            t.S("From: a@b.c");
            t.S(".");
            Assert.AreEqual(
                "C: RETR 9\nS: -ERR no such message\nC: RETR 1\nS: +OK 120 octets\nS: From: a@b.c\nS: Subject: x\nS: [... 2 more body lines elided]\nS: .\nC: TOP 1 0\nS: +OK\nS: From: a@b.c\nS: .",
                t.Lines());
        }

        [TestMethod]
        public void Rfc2920_Section3_1_PipelinedData_BodyStillElided()
        {
            Trace t = new Trace();
            t.S("220 mx.example.com ESMTP");
            t.C("EHLO relay");
            t.S("250-mx.example.com");
            t.S("250-PIPELINING");
            t.S("250 8BITMIME");
            t.C("MAIL FROM:<a@b.c>");
            t.C("RCPT TO:<d@e.f>");
            t.C("DATA");
            t.S("250 2.1.0 ok");
            t.S("250 2.1.5 ok");
            t.S("354 go ahead");
            t.C("l1");
            t.C("l2");
            t.C("l3");
            t.C(".");
            t.S("250 2.0.0 queued");
            Assert.AreEqual(
                "S: 220 mx.example.com ESMTP\nC: EHLO relay\nS: 250-mx.example.com\nS: 250-PIPELINING\nS: 250 8BITMIME\n"
                + "C: MAIL FROM:<a@b.c>\nC: RCPT TO:<d@e.f>\nC: DATA\nS: 250 2.1.0 ok\nS: 250 2.1.5 ok\nS: 354 go ahead\n"
                + "C: l1\nC: l2\nC: [... 1 more body lines elided]\nC: .\nS: 250 2.0.0 queued",
                t.Lines());
        }

        [TestMethod]
        public void Rfc2920_Section3_1_PipelinedDataRefused_NoBody()
        {
            Trace t = new Trace();
            t.S("220 mx.example.com ESMTP");
            t.C("MAIL FROM:<a@b.c>");
            t.C("RCPT TO:<d@e.f>");
            t.C("DATA");
            t.S("250 2.1.0 ok");
            t.S("354 a broken server says go too early");
            t.S("554 5.5.1 no valid recipients");
            t.C("QUIT");
            t.C("l1");
            t.C("l2");
            t.C("l3");
            Assert.IsTrue(t.Lines().EndsWith("C: QUIT\nC: l1\nC: l2\nC: l3"));
        }

        [TestMethod]
        public void Rfc1939_ListLinesAreNotReplies()
        {
            Trace t = new Trace();
            t.S("+OK POP3 ready");
            t.C("LIST");
            t.C("RETR 1");
            t.S("+OK 2 messages");
            t.S("1 120");
            t.S("2 340");
            t.S(".");
            t.S("+OK 120 octets");
            t.S("a");
            t.S("b");
            t.S("c");
            t.S(".");
            Assert.IsTrue(t.Lines().EndsWith("S: +OK 120 octets\nS: a\nS: b\nS: [... 1 more body lines elided]\nS: ."), t.Lines());
        }

        [TestMethod]
        public void ControlBytes_AreEscaped_LongLinesCut()
        {
            Trace t = new Trace();
            byte[] b = new byte[] { (byte)'N', (byte)'O', 0x1B, (byte)'[', (byte)'2', (byte)'J', 0xC3, 0xA9 };
            t.Formatter.Client(b, 0, b.Length);
            byte[] longLine = new byte[Limits.TraceLineChars + 50];
            for (int i = 0; i < longLine.Length; i++)
            {
                longLine[i] = (byte)'x';
            }

            t.Formatter.Server(longLine, 0, longLine.Length);
            string[] lines = t.Log.Lines;
            Assert.AreEqual("smtp: C: NO\\x1b[2J\\xc3\\xa9", lines[0]);
            Assert.IsTrue(lines[1].EndsWith("x [... 50 more bytes]"));
            Assert.AreEqual(6 + 3 + Limits.TraceLineChars + " [... 50 more bytes]".Length, lines[1].Length);
        }

        [TestMethod]
        public void TraceOff_WritesNothing()
        {
            SilentLog silent = new SilentLog();
            TraceFormatter t = new TraceFormatter(silent, "pop3");
            byte[] b = Ascii.Bytes("PASS secret");
            t.Client(b, 0, b.Length);
            Assert.AreEqual(0, silent.Writes);
        }

        private sealed class SilentLog : ILog
        {
            public int Writes;

            public bool IsTraceEnabled { get { return false; } }

            public void Write(LogLevel level, string source, string message)
            {
                Writes++;
            }
        }
    }
}

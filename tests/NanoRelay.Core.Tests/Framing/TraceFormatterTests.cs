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
        private MemoryLog _log;
        private TraceFormatter _trace;

        public void Setup()
        {
            _log = new MemoryLog();
            _trace = new TraceFormatter(_log, "smtp", 2);
        }

        private void C(string line)
        {
            byte[] b = Ascii.Bytes(line + "\r\n");
            _trace.Client(b, 0, b.Length);
        }

        private void S(string line)
        {
            byte[] b = Ascii.Bytes(line + "\r\n");
            _trace.Server(b, 0, b.Length);
        }

        private string Lines()
        {
            string[] lines = _log.Lines;
            string text = "";
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].StartsWith("smtp: ") ? lines[i].Substring(6) : lines[i];
                text += i == 0 ? line : "\n" + line;
            }

            return text;
        }

        [TestMethod]
        public void Rfc4954_Section4_InitialResponse_IsRedacted()
        {
            Setup();
            C("AUTH PLAIN AHRlY2gAc2VjcmV0");
            S("235 2.7.0 Authentication successful");
            Assert.AreEqual("C: AUTH PLAIN [redacted]\nS: 235 2.7.0 Authentication successful", Lines());
        }

        [TestMethod]
        public void Rfc4954_Section4_ResponsesTo334_AreRedacted_CancelIsShown()
        {
            Setup();
            C("AUTH LOGIN");
            S("334 VXNlcm5hbWU6");
            C("dGVjaA==");
            S("334 UGFzc3dvcmQ6");
            C("c2VjcmV0");
            S("235 2.7.0 ok");
            C("AUTH CRAM-MD5");
            S("334 PDEyMzQ1QGhvc3Q+");
            C("*");
            S("501 5.0.0 cancelled");
            C("MAIL FROM:<a@b.c>");
            Assert.AreEqual(
                "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: [redacted]\nS: 334 UGFzc3dvcmQ6\nC: [redacted]\nS: 235 2.7.0 ok\n"
                + "C: AUTH CRAM-MD5\nS: 334 PDEyMzQ1QGhvc3Q+\nC: *\nS: 501 5.0.0 cancelled\nC: MAIL FROM:<a@b.c>",
                Lines());
            Assert.AreEqual(-1, _log.Text.IndexOf("dGVjaA=="));
            Assert.AreEqual(-1, _log.Text.IndexOf("c2VjcmV0"));
        }

        [TestMethod]
        public void Rfc1939_Section7_PassAndApopDigest_AreRedacted_UserIsNot()
        {
            Setup();
            C("USER tech");
            S("+OK");
            C("pass secret");
            S("-ERR [AUTH] invalid");
            C("APOP tech c4c9334bac560ecc979e58001b3e22fb");
            S("+OK maildrop has 1 message");
            Assert.AreEqual("C: USER tech\nS: +OK\nC: pass [redacted]\nS: -ERR [AUTH] invalid\nC: APOP tech [redacted]\nS: +OK maildrop has 1 message", Lines());
        }

        [TestMethod]
        public void Rfc5034_Section4_ResponsesToPlus_AreRedacted()
        {
            Setup();
            C("AUTH PLAIN");
            S("+ ");
            C("AHRlY2gAc2VjcmV0");
            S("+OK logged in");
            C("STAT");
            Assert.AreEqual("C: AUTH PLAIN\nS: + \nC: [redacted]\nS: +OK logged in\nC: STAT", Lines());
        }

        [TestMethod]
        public void Rfc5321_Section4_1_1_4_BodyIsElidedAfterNLines()
        {
            Setup();
            C("DATA");
            S("354 End data with <CR><LF>.<CR><LF>");
            C("Subject: hi");
            C("");
            C("line 1");
            C("..line 2 starts with a dot");
            C("line 3");
            C(".");
            S("250 2.0.0 queued");
            C("QUIT");
            Assert.AreEqual(
                "C: DATA\nS: 354 End data with <CR><LF>.<CR><LF>\nC: Subject: hi\nC: \nC: [... 3 more body lines elided]\nC: .\nS: 250 2.0.0 queued\nC: QUIT",
                Lines());
            Assert.AreEqual(3L, _trace.TotalElided);
        }

        [TestMethod]
        public void DataRefused_NoBodyMode()
        {
            Setup();
            C("DATA");
            S("554 5.5.1 no valid recipients");
            C("RSET");
            C("NOOP");
            C("QUIT");
            Assert.AreEqual("C: DATA\nS: 554 5.5.1 no valid recipients\nC: RSET\nC: NOOP\nC: QUIT", Lines());
        }

        [TestMethod]
        public void Rfc1939_Section7_RetrBodyIsElided_ErrIsNotABody()
        {
            Setup();
            C("RETR 9");
            S("-ERR no such message");
            C("RETR 1");
            S("+OK 120 octets");
            S("From: a@b.c");
            S("Subject: x");
            S("");
            S("text");
            S(".");
            C("TOP 1 0");
            S("+OK");
            S("From: a@b.c");
            S(".");
            Assert.AreEqual(
                "C: RETR 9\nS: -ERR no such message\nC: RETR 1\nS: +OK 120 octets\nS: From: a@b.c\nS: Subject: x\nS: [... 2 more body lines elided]\nS: .\nC: TOP 1 0\nS: +OK\nS: From: a@b.c\nS: .",
                Lines());
        }

        [TestMethod]
        public void Rfc2920_Section3_1_PipelinedData_BodyStillElided()
        {
            Setup();
            S("220 mx.example.com ESMTP");
            C("EHLO relay");
            S("250-mx.example.com");
            S("250-PIPELINING");
            S("250 8BITMIME");
            C("MAIL FROM:<a@b.c>");
            C("RCPT TO:<d@e.f>");
            C("DATA");
            S("250 2.1.0 ok");
            S("250 2.1.5 ok");
            S("354 go ahead");
            C("l1");
            C("l2");
            C("l3");
            C(".");
            S("250 2.0.0 queued");
            Assert.AreEqual(
                "S: 220 mx.example.com ESMTP\nC: EHLO relay\nS: 250-mx.example.com\nS: 250-PIPELINING\nS: 250 8BITMIME\n"
                + "C: MAIL FROM:<a@b.c>\nC: RCPT TO:<d@e.f>\nC: DATA\nS: 250 2.1.0 ok\nS: 250 2.1.5 ok\nS: 354 go ahead\n"
                + "C: l1\nC: l2\nC: [... 1 more body lines elided]\nC: .\nS: 250 2.0.0 queued",
                Lines());
        }

        [TestMethod]
        public void Rfc2920_Section3_1_PipelinedDataRefused_NoBody()
        {
            Setup();
            S("220 mx.example.com ESMTP");
            C("MAIL FROM:<a@b.c>");
            C("RCPT TO:<d@e.f>");
            C("DATA");
            S("250 2.1.0 ok");
            S("354 a broken server says go too early");
            S("554 5.5.1 no valid recipients");
            C("QUIT");
            C("l1");
            C("l2");
            C("l3");
            Assert.IsTrue(Lines().EndsWith("C: QUIT\nC: l1\nC: l2\nC: l3"));
        }

        [TestMethod]
        public void Rfc1939_ListLinesAreNotReplies()
        {
            Setup();
            S("+OK POP3 ready");
            C("LIST");
            C("RETR 1");
            S("+OK 2 messages");
            S("1 120");
            S("2 340");
            S(".");
            S("+OK 120 octets");
            S("a");
            S("b");
            S("c");
            S(".");
            Assert.IsTrue(Lines().EndsWith("S: +OK 120 octets\nS: a\nS: b\nS: [... 1 more body lines elided]\nS: ."), Lines());
        }

        [TestMethod]
        public void ControlBytes_AreEscaped_LongLinesCut()
        {
            Setup();
            byte[] b = new byte[] { (byte)'N', (byte)'O', 0x1B, (byte)'[', (byte)'2', (byte)'J', 0xC3, 0xA9 };
            _trace.Client(b, 0, b.Length);
            byte[] longLine = new byte[Limits.TraceLineChars + 50];
            for (int i = 0; i < longLine.Length; i++)
            {
                longLine[i] = (byte)'x';
            }

            _trace.Server(longLine, 0, longLine.Length);
            string[] lines = _log.Lines;
            Assert.AreEqual("smtp: C: NO\\x1b[2J\\xc3\\xa9", lines[0]);
            Assert.IsTrue(lines[1].EndsWith("x [... 50 more bytes]"));
            Assert.AreEqual(6 + 3 + Limits.TraceLineChars + " [... 50 more bytes]".Length, lines[1].Length);
        }

        [TestMethod]
        public void TraceOff_WritesNothing()
        {
            Setup();
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

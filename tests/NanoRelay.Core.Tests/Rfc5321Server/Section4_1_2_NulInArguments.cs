#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §4.1.2 (paths and domains are printable ASCII) and issue 12: a NUL in HELO, EHLO,
    /// MAIL or RCPT refuses the whole line before any of it becomes a string (on the device a
    /// string stops at U+0000: "a[NUL]@b" kept as text would be "a"). Other control octets fail
    /// the argument syntax. Nothing is accepted and the session goes on. "[NUL]" is one 0x00 octet.
    /// </summary>
    [TestClass]
    public class Section4_1_2_NulInArguments
    {
        private const string NulLine = "500 5.5.2 Syntax error, bare CR, LF or NUL in command\r\n";

        [TestMethod]
        [DataRow("HELO a[NUL]b")]
        [DataRow("EHLO a[NUL]b")]
        [DataRow("EHLO client.lan[NUL]")]
        [DataRow("HELO [NUL]")]
        public void HelloWithNul_500_NoGreetingTaken(string line)
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            Assert.AreEqual(NulLine, h.Send(line + "\r\n"));
            Assert.AreEqual(SmtpServerState.Greeted, h.Session.State);
            Assert.AreEqual("503 5.5.1 Error: send HELO/EHLO first\r\n", h.Send("MAIL FROM:<a@b>\r\n"));
            Assert.AreEqual("250 relay.test\r\n", h.Send("HELO client.lan\r\n"));
        }

        [TestMethod]
        [DataRow("HELO a\u0001b", "501 5.5.4 Syntax: HELO hostname\r\n")]
        [DataRow("EHLO a\u007Fb", "501 5.5.4 Syntax: EHLO hostname\r\n")]
        [DataRow("EHLO a\tb", "501 5.5.4 Syntax: EHLO hostname\r\n")]
        public void HelloWithAnotherControlOctet_501(string line, string reply)
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            Assert.AreEqual(reply, h.Send(line + "\r\n"));
            Assert.AreEqual(SmtpServerState.Greeted, h.Session.State);
        }

        [TestMethod]
        [DataRow("MAIL FROM:<a[NUL]@b>")]
        [DataRow("MAIL FROM:<a@b[NUL]>")]
        [DataRow("MAIL FROM:<a@b>[NUL]")]
        [DataRow("MAIL FROM:<a@b> SIZE=1[NUL]0")]
        [DataRow("MAIL FROM:<\"a[NUL]\"@b>")]
        public void MailFromWithNul_500_NoSenderTaken(string line)
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO client.lan\r\n");
            Assert.AreEqual(NulLine, h.Send(line + "\r\n"));
            Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
            Assert.AreEqual("503 5.5.1 Error: need MAIL command\r\n", h.Send("RCPT TO:<ops@example.com>\r\n"));
            Assert.AreEqual("250 2.1.0 Ok\r\n", h.Send("MAIL FROM:<a@b>\r\n"));
        }

        [TestMethod]
        [DataRow("RCPT TO:<a[NUL]@example.com>")]
        [DataRow("RCPT TO:<ops@example.com[NUL]>")]
        [DataRow("RCPT TO:<ops@example.com>[NUL]")]
        public void RcptToWithNul_500_NoRecipientTaken(string line)
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO client.lan\r\n");
            h.Send("MAIL FROM:<device@lan>\r\n");
            Assert.AreEqual(NulLine, h.Send(line + "\r\n"));
            Assert.AreEqual(SmtpServerState.MailFrom, h.Session.State);
            Assert.AreEqual("554 5.5.1 Error: no valid recipients\r\n", h.Send("DATA\r\n"));
            Assert.AreEqual("250 2.1.5 Ok\r\n", h.Send("RCPT TO:<ops@example.com>\r\n"));
            Assert.AreEqual(0, h.Sink.Count);
        }

        [TestMethod]
        public void OnlyTheWholeAddress_IsEverStored()
        {
            // The refused line leaves nothing behind: the message carries the later, clean paths.
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO client.lan\r\n");
            Assert.AreEqual(NulLine, h.Send("MAIL FROM:<boss[NUL]@corp>\r\n"));
            h.Send("MAIL FROM:<device@lan>\r\n");
            Assert.AreEqual(NulLine, h.Send("RCPT TO:<ops[NUL]@example.com>\r\n"));
            h.Send("RCPT TO:<ops@example.com>\r\n");
            h.Send("DATA\r\n");
            Assert.AreEqual("250 2.0.0 Ok: queued as M1\r\n", h.Send("x\r\n.\r\n"));
            Assert.AreEqual(1, h.Sink[0].Recipients.Length);
            Assert.AreEqual("ops@example.com", h.Sink[0].Recipients[0]);
            Assert.AreEqual("device@lan", h.Sink[0].ReversePath);
        }

        [TestMethod]
        [DataRow("MAIL FROM:<a\u0001@b>", "501 5.1.7 Bad sender address syntax\r\n")]
        [DataRow("MAIL FROM:<a@b\u0001>", "501 5.1.7 Bad sender address syntax\r\n")]
        [DataRow("MAIL FROM:<\"a\u0001\"@b>", "501 5.1.7 Bad sender address syntax\r\n")]
        [DataRow("MAIL FROM:<a\u007F@b>", "501 5.1.7 Bad sender address syntax\r\n")]
        public void MailFromWithAnotherControlOctet_501(string line, string reply)
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO client.lan\r\n");
            Assert.AreEqual(reply, h.Send(line + "\r\n"));
            Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
        }

        [TestMethod]
        [DataRow("RCPT TO:<a\u0001@example.com>")]
        [DataRow("RCPT TO:<ops@example.com\u0001>")]
        public void RcptToWithAnotherControlOctet_501(string line)
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO client.lan\r\n");
            h.Send("MAIL FROM:<device@lan>\r\n");
            Assert.AreEqual("501 5.1.3 Bad recipient address syntax\r\n", h.Send(line + "\r\n"));
            Assert.AreEqual(SmtpServerState.MailFrom, h.Session.State);
        }
    }
}

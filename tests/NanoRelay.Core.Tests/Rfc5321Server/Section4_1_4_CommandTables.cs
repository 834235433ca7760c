#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp.Server;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// RFC 5321 §4.1.4 as the command tables say it: each command in each state of the sequence
    /// gets its reply (served, 503 out of sequence, 554 DATA without a recipient §3.3, 502 never
    /// implemented, 500 unknown), on a loopback session with TLS configured and a user.
    /// </summary>
    [TestClass]
    public class Section4_1_4_CommandTables
    {
        // 0 Greeted, 1 Ready (after EHLO), 2 MailFrom, 3 RcptTo; returns the reply to the last line.
        private static string ReplyIn(int state, string command)
        {
            SmtpServerOptions o = ServerHarness.NewOptions();
            o.TlsAvailable = true;
            o.AddUser("alice", "wonderland");
            ServerHarness h = new ServerHarness("127.0.0.1", true, o);
            h.Start();
            if (state >= 1)
            {
                h.Send("EHLO client.lan\r\n");
            }

            if (state >= 2)
            {
                h.Send("MAIL FROM:<device@lan>\r\n");
            }

            if (state >= 3)
            {
                h.Send("RCPT TO:<ops@example.com>\r\n");
            }

            return h.Send(command + "\r\n");
        }

        [TestMethod]
        [DataRow(0, "MAIL FROM:<a@lan>", "503 5.5.1 Error: send HELO/EHLO first\r\n")]
        [DataRow(1, "MAIL FROM:<a@lan>", "250 2.1.0 Ok\r\n")]
        [DataRow(2, "MAIL FROM:<a@lan>", "503 5.5.1 Error: nested MAIL command\r\n")]
        [DataRow(3, "MAIL FROM:<a@lan>", "503 5.5.1 Error: nested MAIL command\r\n")]
        [DataRow(0, "RCPT TO:<ops@example.com>", "503 5.5.1 Error: send HELO/EHLO first\r\n")]
        [DataRow(1, "RCPT TO:<ops@example.com>", "503 5.5.1 Error: need MAIL command\r\n")]
        [DataRow(2, "RCPT TO:<ops@example.com>", "250 2.1.5 Ok\r\n")]
        [DataRow(3, "RCPT TO:<ops@example.com>", "250 2.1.5 Ok\r\n")]
        [DataRow(0, "DATA", "503 5.5.1 Error: send HELO/EHLO first\r\n")]
        [DataRow(1, "DATA", "503 5.5.1 Error: need MAIL command\r\n")]
        [DataRow(2, "DATA", "554 5.5.1 Error: no valid recipients\r\n")]
        [DataRow(3, "DATA", "354 End data with <CR><LF>.<CR><LF>\r\n")]
        [DataRow(0, "DATA x", "501 5.5.4 Syntax error, no parameters allowed\r\n")]
        [DataRow(3, "DATA x", "501 5.5.4 Syntax error, no parameters allowed\r\n")]
        [DataRow(0, "STARTTLS", "503 5.5.1 Error: send HELO/EHLO first\r\n")]
        [DataRow(1, "STARTTLS", "220 2.0.0 Ready to start TLS\r\n")]
        [DataRow(2, "STARTTLS", "503 5.5.1 Error: MAIL transaction in progress\r\n")]
        [DataRow(3, "STARTTLS x", "501 5.5.4 Syntax: STARTTLS\r\n")]
        [DataRow(0, "AUTH PLAIN", "503 5.5.1 Error: send HELO/EHLO first\r\n")]
        [DataRow(1, "AUTH PLAIN", "334 \r\n")]
        [DataRow(2, "AUTH PLAIN", "503 5.5.1 Error: MAIL transaction in progress\r\n")]
        [DataRow(3, "AUTH PLAIN", "503 5.5.1 Error: MAIL transaction in progress\r\n")]
        [DataRow(0, "EXPN staff", "502 5.5.1 Command not implemented\r\n")]
        [DataRow(2, "TURN", "502 5.5.1 Command not implemented\r\n")]
        [DataRow(0, "NOOP", "250 2.0.0 Ok\r\n")]
        [DataRow(3, "NOOP x", "250 2.0.0 Ok\r\n")]
        [DataRow(0, "XYZZY", "500 5.5.2 Syntax error, command unrecognized\r\n")]
        [DataRow(3, "MAILFROM:<a@lan>", "500 5.5.2 Syntax error, command unrecognized\r\n")]
        public void CommandInState_GetsTheTablesReply(int state, string command, string expected)
        {
            Assert.AreEqual(expected, ReplyIn(state, command), state + " " + command);
        }

        [TestMethod]
        [DataRow(2)]
        [DataRow(3)]
        public void Rset_EndsTheTransaction_MailIsServedAgain(int state)
        {
            ServerHarness h = new ServerHarness();
            h.Start();
            h.Send("EHLO client.lan\r\n");
            h.Send("MAIL FROM:<device@lan>\r\n");
            if (state == 3)
            {
                h.Send("RCPT TO:<ops@example.com>\r\n");
            }

            Assert.AreEqual("250 2.0.0 Ok\r\n", h.Send("RSET\r\n"));
            Assert.AreEqual(SmtpServerState.Ready, h.Session.State);
            Assert.AreEqual("250 2.1.0 Ok\r\n", h.Send("MAIL FROM:<device@lan>\r\n"));
        }
    }
}

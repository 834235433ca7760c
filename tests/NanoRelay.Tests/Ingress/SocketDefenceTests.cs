using System;
using System.Collections.Generic;
using System.Threading;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;

namespace NanoRelay.Tests.Ingress
{
    /// <summary>
    /// The attacks of docs/catalogue.md over real loopback sockets against the host service: smuggling
    /// (#8), early talkers (#11), STARTTLS injection through a real handshake (#12), the
    /// session cap (#24) and a connection flood (#26).
    /// </summary>
    [TestClass]
    public class SocketDefenceTests
    {
        private static readonly string[] s_variants =
        {
            "\n.\n", "\r.\r", "\r.\n", "\n.\r", "\n.\r\n", "\r\n.\n",
            "\r.\r\n", "\r\n.\r", "\r\n\0.\r\n", "\r\n.\0\r\n", "\r\n.\r\r\n", "\r\r\n.\r\r\n",
        };

        private static string Expect(RawSmtp c, string send, string replyStart)
        {
            if (send != null)
            {
                c.Send(send);
            }

            string r = c.ReadReply();
            Assert.IsNotNull(r, "server closed; expected " + replyStart);
            StringAssert.StartsWith(r, replyStart);
            return r;
        }

        [TestMethod]
        [DataRow("reject")]
        [DataRow("normalize")]
        public void Case08_SmugglingMatrixOverASocket_NoSmuggledMessageNoSmuggledReply(string mode)
        {
            using IngressHost host = new IngressHost(s => s.BareLineEnds = mode);
            int queued = 0;
            for (int v = 0; v < s_variants.Length; v++)
            {
                using RawSmtp c = new RawSmtp(host.Port);
                Expect(c, null, "220 ");
                Expect(c, "EHLO attacker.lan\r\n", "250-");
                Expect(c, "MAIL FROM:<user@lan>\r\n", "250 2.1.0");
                Expect(c, "RCPT TO:<friend@example.com>\r\n", "250 2.1.5");
                Expect(c, "DATA\r\n", "354 ");
                c.Send("Subject: hello\r\n\r\nbody" + s_variants[v] + "MAIL FROM:<ceo@corp>\r\nRCPT TO:<x@y>\r\nDATA\r\nSubject: smuggled\r\n\r\nwire money\r\n.\r\n");
                string end = c.ReadReply();
                bool nul = s_variants[v].Contains('\0');
                if (mode == "reject" || nul)
                {
                    Assert.AreEqual(nul ? "554 5.6.0 Error: NUL octet received" : "550 5.5.2 Error: bare CR or LF received", end, "variant " + v);
                }
                else
                {
                    StringAssert.StartsWith(end, "250 2.0.0 Ok: queued as ", "variant " + v);
                    queued++;
                }

                // The smuggled MAIL/RCPT/DATA were content: the next reply answers our QUIT.
                Expect(c, "QUIT\r\n", "221 ");
            }

            Assert.AreEqual(queued, host.Sink.Count);
            for (int i = 0; i < host.Sink.Count; i++)
            {
                Assert.AreEqual(1, host.Sink[i].Recipients.Length);
                Assert.AreEqual("friend@example.com", host.Sink[i].Recipients[0], "never the smuggled x@y");
            }

            Assert.AreEqual(mode == "reject" ? 0 : 10, queued);
        }

        [TestMethod]
        public void Case11_EarlyTalkerOverASocket_554AndClosed()
        {
            using IngressHost host = new IngressHost(null);
            using RawSmtp c = new RawSmtp(host.Port);
            c.Send("EHLO eager\r\nMAIL FROM:<a@lan>\r\n");
            Assert.AreEqual("554 5.5.0 Error: SMTP protocol synchronization", c.ReadReply());
            Assert.IsTrue(c.ServerClosed());
            Assert.AreEqual(0, host.Sink.Begun);
        }

        [TestMethod]
        public void Case12_StartTlsInjectionThroughARealHandshake_InjectedMailNeverAnswered()
        {
            using IngressHost host = new IngressHost(s => s.Certificate = IngressHost.Certificate);
            using RawSmtp c = new RawSmtp(host.Port);
            Expect(c, null, "220 ");
            Assert.IsTrue(Expect(c, "EHLO client\r\n", "250-").Contains("STARTTLS"));
            c.Send("STARTTLS\r\nMAIL FROM:<evil@x>\r\n");
            Assert.AreEqual("220 2.0.0 Ready to start TLS", c.ReadReply());
            c.StartTls();
            string ehlo = Expect(c, "EHLO client\r\n", "250-nanorelay-test");
            Assert.IsFalse(ehlo.Contains("STARTTLS"), ehlo);
            Expect(c, "RCPT TO:<ops@example.com>\r\n", "503 5.5.1 Error: need MAIL command");
            Expect(c, "QUIT\r\n", "221 ");
            StringAssert.Contains(host.Log.Text, "discarded 20 plaintext bytes");
        }

        [TestMethod]
        public void Case24_OverTheSessionCap_421AtOnce_SlotFreedAfterQuit()
        {
            using IngressHost host = new IngressHost(s => s.MaxSessions = 2);
            using RawSmtp a = new RawSmtp(host.Port);
            using RawSmtp b = new RawSmtp(host.Port);
            Expect(a, null, "220 ");
            Expect(b, null, "220 ");
            using (RawSmtp over = new RawSmtp(host.Port))
            {
                Assert.AreEqual("421 4.7.0 nanorelay-test Error: too many connections, try again later", over.ReadReply());
                Assert.IsTrue(over.ServerClosed());
            }

            Expect(a, "QUIT\r\n", "221 ");
            Assert.IsTrue(WaitUntil(() => host.Service.ActiveSessions <= 1, 5000));
            SendWithMailKit(host.Port);
            Assert.AreEqual(1, host.Sink.Count);
            Assert.AreEqual(1, host.Service.RefusedBusy);
        }

        [TestMethod]
        public void Case26_ConnectionFlood_SilentResetAndTlsHello_ServiceSurvivesAndSlotsReturn()
        {
            using IngressHost host = new IngressHost(s => s.MaxSessions = 10);
            List<RawSmtp> silent = new List<RawSmtp>();
            byte[] hello = new byte[517];
            new Random(5).NextBytes(hello);
            hello[0] = 0x16;
            hello[1] = 0x03;
            hello[2] = 0x01;
            string helloText = System.Text.Encoding.Latin1.GetString(hello);
            for (int i = 0; i < 50; i++)
            {
                RawSmtp c = new RawSmtp(host.Port);
                switch (i % 3)
                {
                    case 0:
                        c.Reset();
                        break;
                    case 1:
                        c.Send(helloText);
                        c.Reset();
                        break;
                    default:
                        silent.Add(c);
                        break;
                }
            }

            int peak = host.Service.ActiveSessions;
            Assert.IsTrue(peak <= 10, "the cap holds: " + peak);
            foreach (RawSmtp c in silent)
            {
                c.Reset();
            }

            Assert.IsTrue(host.WaitIdle(10000), "every session slot returns: " + host.Service.ActiveSessions + " still open");
            SendWithMailKit(host.Port);
            Assert.AreEqual(1, host.Sink.Count);
            Assert.AreEqual(0, host.Sink.Open);
            Assert.IsFalse(host.Log.Text.Contains("session failed"), host.Log.Text);
        }

        private static void SendWithMailKit(int port)
        {
            MimeMessage m = new MimeMessage();
            m.From.Add(MailboxAddress.Parse("ups@lan.example"));
            m.To.Add(MailboxAddress.Parse("ops@example.com"));
            m.Subject = "on battery";
            m.Body = new TextPart("plain") { Text = "Mains lost." };
            using SmtpClient c = new SmtpClient();
            c.Connect("127.0.0.1", port, SecureSocketOptions.None);
            c.Send(m);
            c.Disconnect(true);
        }

        private static bool WaitUntil(Func<bool> condition, int milliseconds)
        {
            DateTime end = DateTime.UtcNow.AddMilliseconds(milliseconds);
            while (!condition())
            {
                if (DateTime.UtcNow > end)
                {
                    return false;
                }

                Thread.Sleep(20);
            }

            return true;
        }
    }
}

using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Tests.Pop3;

namespace NanoRelay.Tests.Ingress
{
    /// <summary>
    /// Issue 14 item 1: clients that reconnect the moment they read the closing reply, as many as
    /// the session cap, over real loopback sockets. No client at or below the cap is ever refused.
    /// </summary>
    [TestClass]
    public class ReconnectStormTests
    {
        private const int Clients = 3;           // the default cap (Limits.SmtpServerSessions)
        private const int SessionsPerClient = 50;

        [TestMethod]
        public void Smtp_ThreeClientsAtTheCap_50SequentialSessionsEach_NoRefusal()
        {
            using IngressHost host = new IngressHost(s => { s.MaxSessions = Clients; s.GreetingPauseMs = 0; });
            string[] errors = new string[Clients];
            Thread[] threads = new Thread[Clients];
            for (int t = 0; t < Clients; t++)
            {
                int me = t;
                threads[t] = new Thread(() => errors[me] = SmtpClientLoop(host.Port, me));
                threads[t].Start();
            }

            foreach (Thread t in threads)
            {
                Assert.IsTrue(t.Join(120000), "a client hung");
            }

            Assert.AreEqual(string.Empty, string.Concat(errors));
            Assert.AreEqual(0, host.Service.RefusedBusy);
            Assert.AreEqual(Clients * SessionsPerClient, host.Sink.Count);
        }

        [TestMethod]
        public void Pop3_AsManyClientsAsTheCap_50SequentialSessionsEach_NoRefusal()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false);
            int cap = f.Options.MaxSessions;
            string[] errors = new string[cap];
            Thread[] threads = new Thread[cap];
            for (int t = 0; t < cap; t++)
            {
                int me = t;
                threads[t] = new Thread(() => errors[me] = Pop3ClientLoop(f.Service.Port, me));
                threads[t].Start();
            }

            foreach (Thread t in threads)
            {
                Assert.IsTrue(t.Join(120000), "a client hung");
            }

            Assert.AreEqual(string.Empty, string.Concat(errors));
        }

        // One client: SessionsPerClient sessions back to back, each reconnecting right after 221.
        private static string SmtpClientLoop(int port, int me)
        {
            for (int i = 0; i < SessionsPerClient; i++)
            {
                using RawSmtp c = new RawSmtp(port);
                string[] steps =
                {
                    null, "220 ", "EHLO c" + me + ".lan\r\n", "250", "MAIL FROM:<c" + me + "@lan.test>\r\n", "250 ",
                    "RCPT TO:<ops@example.com>\r\n", "250 ", "DATA\r\n", "354 ", "Subject: " + i + "\r\n\r\nbody\r\n.\r\n", "250 ",
                    "QUIT\r\n", "221 ",
                };
                for (int k = 0; k < steps.Length; k += 2)
                {
                    if (steps[k] != null)
                    {
                        c.Send(steps[k]);
                    }

                    string r = c.ReadReply();
                    if (r == null || !r.StartsWith(steps[k + 1], StringComparison.Ordinal))
                    {
                        return "client " + me + " session " + i + ": expected " + steps[k + 1] + ", got " + (r ?? "(closed)") + "\n";
                    }
                }
            }

            return string.Empty;
        }

        private static string Pop3ClientLoop(int port, int me)
        {
            for (int i = 0; i < SessionsPerClient; i++)
            {
                using TcpClient tcp = new TcpClient();
                tcp.Connect("127.0.0.1", port);
                tcp.ReceiveTimeout = 10000;
                NetworkStream s = tcp.GetStream();
                // (no login: the maildrop's exclusive lock would answer a second client [IN-USE])
                string[] steps = { null, "+OK", "QUIT\r\n", "+OK" };
                for (int k = 0; k < steps.Length; k += 2)
                {
                    if (steps[k] != null)
                    {
                        byte[] b = Encoding.ASCII.GetBytes(steps[k]);
                        s.Write(b, 0, b.Length);
                    }

                    string r = ReadLine(s);
                    if (r == null || !r.StartsWith(steps[k + 1], StringComparison.Ordinal))
                    {
                        return "client " + me + " session " + i + ": expected " + steps[k + 1] + ", got " + (r ?? "(closed)") + "\n";
                    }
                }
            }

            return string.Empty;
        }

        private static string ReadLine(NetworkStream s)
        {
            StringBuilder sb = new StringBuilder();
            byte[] one = new byte[1];
            while (true)
            {
                int n;
                try
                {
                    n = s.Read(one, 0, 1);
                }
                catch (System.IO.IOException)
                {
                    n = 0;
                }

                if (n == 0)
                {
                    return sb.Length == 0 ? null : sb.ToString();
                }

                if (one[0] == '\n')
                {
                    return sb.ToString().TrimEnd('\r');
                }

                sb.Append((char)one[0]);
            }
        }
    }
}

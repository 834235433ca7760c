using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// RFC 6152 end to end: the ingress stores a message, the spool's writer decides the 8-bit
    /// flag as the octets pass, and the upstream's MAIL says BODY=8BITMIME from the envelope,
    /// only for the message that has 8-bit octets.
    /// </summary>
    [TestClass]
    public class EightBitFlagRelayTests
    {
        private const string Greeting = "220 upstream.test ESMTP\r\n250-upstream.test\r\n250 8BITMIME\r\n";
        private const string Accepted = "250 2.1.0 ok\r\n250 2.1.5 ok\r\n354 go on\r\n250 2.0.0 queued\r\n";

        private sealed class OneConnection : IConnector
        {
            public ScriptedConnection Connection { get; private set; }

            public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
            {
                Connection = new ScriptedConnection(Encoding.ASCII.GetBytes(Greeting + Accepted + Accepted + "221 2.0.0 bye\r\n"), 1);
                return Connection;
            }
        }

        private sealed class DiscardOutput : ISmtpServerOutput
        {
            public void Write(byte[] buffer, int offset, int count)
            {
            }
        }

        private static void Receive(Spool spool, ManualClock clock, byte[] body)
        {
            SmtpServerSession s = new SmtpServerSession(new SmtpServerOptions { ServerName = "relay.test" }, RelayPolicy.Create(new[] { "192.0.2.0/24" }), new SpoolIngressSink(spool), new DiscardOutput(), clock, new MemoryLog(), new SeededRandom(9), "192.0.2.7", false, false);
            s.Start();
            var parts = new List<byte[]>();
            foreach (string command in new[] { "EHLO c\r\n", "MAIL FROM:<camera@lan.test>\r\n", "RCPT TO:<ops@example.com>\r\n", "DATA\r\n" })
            {
                parts.Add(Encoding.ASCII.GetBytes(command));
            }

            parts.Add(body);
            parts.Add(Encoding.ASCII.GetBytes("\r\n.\r\n"));
            int before = spool.Count;
            foreach (byte[] p in parts)
            {
                s.Receive(p, 0, p.Length);
            }

            Assert.AreEqual(before + 1, spool.Count);
        }

        [TestMethod]
        public void EightBitMessageFromTheIngress_MailSaysBody8BitMime_SevenBitMessageDoesNot()
        {
            var files = new MemoryFileStore();
            var clock = new ManualClock();
            var spool = new Spool(files, clock, new SeededRandom(1), 0, 1000);
            spool.Open();
            var mailbox = new Mailbox(files, new SeededRandom(2), 0, 1000);
            mailbox.Open();
            Receive(spool, clock, Encoding.ASCII.GetBytes("Subject: plain\r\n\r\nseven bit"));
            clock.Advance(10);
            Receive(spool, clock, Encoding.Latin1.GetBytes("Subject: caf\u00e9\r\n\r\nTemp\u00e9rature 41\u00b0C"));
            SpoolEntry[] queued = spool.List();
            Assert.IsFalse(queued[0].EightBit);
            Assert.IsTrue(queued[1].EightBit);

            var connector = new OneConnection();
            var upstream = new SmtpUpstream(connector, clock, new MemoryLog(), new SmtpClientSettings { Host = "upstream.test", Port = 25, Tls = SmtpTlsMode.None });
            var worker = new RelayWorker(spool, mailbox, upstream, clock, new SeededRandom(3), new RetryPolicy(60, 3600, 72), "relay.test", new MemoryLog());
            Assert.AreEqual(2, worker.RunDue());
            Assert.AreEqual(2, worker.Counters.Sent);
            string written = connector.Connection.WrittenText;
            int first = written.IndexOf("MAIL FROM:<camera@lan.test>");
            int second = written.IndexOf("MAIL FROM:<camera@lan.test>", first + 1);
            Assert.IsTrue(first >= 0 && second > first, written);
            Assert.IsFalse(written.Substring(first, second - first).Contains("BODY=8BITMIME"), written);
            Assert.IsTrue(written.Substring(second, written.IndexOf("\r\n", second) - second).Contains("BODY=8BITMIME"), written);
        }
    }
}

using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Pop3;
using MailKit.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Tests.Pop3;

namespace NanoRelay.Tests.Pop2
{
    /// <summary>POP2 (RFC 937) over TCP against the host's POP3 service with its POP2 listener on, by a tiny scripted client.</summary>
    [TestClass]
    public class Pop2ServiceTests
    {
        [TestMethod]
        public void HeloReadRetrAckdQuit_OneMegabyteMessageByteIdentical_RemovedAtQuit()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false, true);
            byte[] big = Message(1024 * 1024);
            byte[] small = Encoding.ASCII.GetBytes("Subject: small\r\n\r\nhello\r\n");
            f.Maildrop.Add(big);
            f.Maildrop.Add(small);

            using TcpClient tcp = new TcpClient("127.0.0.1", f.Service.Pop2Port);
            using Client c = new Client(tcp.GetStream());
            StringAssert.StartsWith(c.Line(), "+ POP2 ");
            Assert.AreEqual("#2 messages in your mailbox", c.Send("HELO tech secret"));
            Assert.AreEqual("=" + big.Length + " characters in message 1", c.Send("READ"));
            c.Write("RETR");
            CollectionAssert.AreEqual(big, c.Bytes(big.Length));
            Assert.AreEqual("=" + small.Length + " characters in message 2", c.Send("ACKD"));
            c.Write("RETR");
            CollectionAssert.AreEqual(small, c.Bytes(small.Length));
            Assert.AreEqual("=0 no more messages", c.Send("ACKS"));
            Assert.AreEqual("+ OK, bye, bye", c.Send("QUIT"));
            Assert.IsNull(c.Line());   // the server closed
            Assert.AreEqual(1, f.Maildrop.Stored);
            Assert.IsFalse(f.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Pop2SessionHoldsTheMaildropLock_Pop3ClientGetsInUse_ThenLogsInAfterQuit()
        {
            using Pop3ServiceFixture f = new Pop3ServiceFixture(false, false, true);
            f.Maildrop.Add(Encoding.ASCII.GetBytes("Subject: one\r\n\r\nhello\r\n"));
            using TcpClient tcp = new TcpClient("127.0.0.1", f.Service.Pop2Port);
            using Client c = new Client(tcp.GetStream());
            c.Line();
            Assert.AreEqual("#1 messages in your mailbox", c.Send("HELO tech secret"));

            using (TcpClient tcp3 = new TcpClient("127.0.0.1", f.Service.Port))
            using (Client pop3 = new Client(tcp3.GetStream()))
            {
                StringAssert.StartsWith(pop3.Line(), "+OK");
                StringAssert.StartsWith(pop3.Send("USER tech"), "+OK");
                Assert.AreEqual("-ERR [IN-USE] Mailbox is locked by another POP3 or POP2 session.", pop3.Send("PASS secret"));
            }

            Assert.AreEqual("+ OK, bye, bye", c.Send("QUIT"));
            using (Pop3Client pop3 = new Pop3Client())
            {
                pop3.Connect("127.0.0.1", f.Service.Port, SecureSocketOptions.None);
                pop3.Authenticate("tech", "secret");
                Assert.AreEqual(1, pop3.Count);
                pop3.Disconnect(true);
            }
        }

        private static byte[] Message(int size)
        {
            byte[] m = new byte[size];
            byte[] head = Encoding.ASCII.GetBytes("Subject: big\r\n\r\n");
            Array.Copy(head, m, head.Length);
            for (int i = head.Length; i < size; i++)
            {
                int col = (i - head.Length) % 78;
                m[i] = col == 76 ? (byte)'\r' : col == 77 ? (byte)'\n' : (byte)('!' + ((i * 7) % 90));
            }

            m[size - 2] = (byte)'\r';
            m[size - 1] = (byte)'\n';
            return m;
        }

        /// <summary>A POP2 client by hand: a command line out, one reply line in, or exactly n message octets.</summary>
        private sealed class Client : IDisposable
        {
            private readonly Stream _stream;

            public Client(Stream stream)
            {
                _stream = stream;
                _stream.ReadTimeout = 10000;
            }

            public void Write(string line)
            {
                byte[] b = Encoding.ASCII.GetBytes(line + "\r\n");
                _stream.Write(b, 0, b.Length);
            }

            public string Send(string line)
            {
                Write(line);
                return Line();
            }

            public string Line()
            {
                StringBuilder s = new StringBuilder();
                while (true)
                {
                    int b = _stream.ReadByte();
                    if (b < 0)
                    {
                        return s.Length == 0 ? null : s.ToString();
                    }

                    if (b == '\n' && s.Length > 0 && s[s.Length - 1] == '\r')
                    {
                        return s.ToString(0, s.Length - 1);
                    }

                    s.Append((char)b);
                }
            }

            public byte[] Bytes(int count)
            {
                byte[] b = new byte[count];
                int got = 0;
                while (got < count)
                {
                    int n = _stream.Read(b, got, count - got);
                    if (n <= 0)
                    {
                        throw new EndOfStreamException("after " + got + " of " + count + " octets");
                    }

                    got += n;
                }

                return b;
            }

            public void Dispose()
            {
                _stream.Dispose();
            }
        }
    }
}

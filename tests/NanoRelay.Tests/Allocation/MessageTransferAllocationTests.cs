using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Tests.Allocation
{
    /// <summary>
    /// The one body copy loop (POP3 RETR/TOP, POP2 RETR, IMAP FETCH literals, SMTP DATA) streams a 1 MiB message
    /// in fixed chunks: after a warm-up, each transfer allocates 0 managed bytes on this thread, and
    /// the bytes that leave are exactly what each protocol promises.
    /// </summary>
    [TestClass]
    public class MessageTransferAllocationTests
    {
        private const int MiB = 1 << 20;

        private sealed class CountingConnection : IConnection
        {
            public long Written;
            public long Sum;
            public int Writes;
            public int Largest;

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds) { return 0; }

            public void Write(byte[] buffer, int offset, int count)
            {
                Written += count;
                Writes++;
                Largest = count > Largest ? count : Largest;
                for (int i = offset; i < offset + count; i++)
                {
                    Sum = (Sum * 31) + buffer[i];
                }
            }

            public void StartTlsAsClient(string targetHost) { }

            public void StartTlsAsServer() { }

            public bool IsSecure { get { return false; } }

            public int WriteTimeoutMilliseconds { set { } }

            public bool IsLoopback { get { return true; } }

            public string RemoteAddress { get { return "127.0.0.1"; } }

            public void Close() { }
        }

        private static byte[] Message()
        {
            var sb = new StringBuilder(MiB + 128);
            sb.Append("Subject: 1 MiB\r\n\r\n");
            for (int i = 0; sb.Length < MiB; i++)
            {
                sb.Append(i % 7 == 0 ? ".a line that starts with a dot\r\n" : "38.1,38.4,38.9,39.3,39.8,40.2,40.6,41.0,41.2,41.5\r\n");
            }

            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        // The copy loop is called per RETR/TOP and per IMAP literal, and the drivers now make a
        // MessageTransfer per command, so in a full run the JIT's call counting (30 calls, then a
        // tier-1 rejit) can fall inside the measured call and allocate on this thread. Enough short
        // calls, and a pause for the background rejit, put the measured call past it.
        private static void WarmUpPastCallCounting(Action call)
        {
            for (int i = 0; i < 64; i++)
            {
                call();
            }

            System.Threading.Thread.Sleep(300);
            for (int i = 0; i < 64; i++)
            {
                call();
            }
        }

        [TestMethod]
        public void ImapFetchLiteral_1MiBRange_Allocates0Bytes_AndSendsExactlyTheRange()
        {
            byte[] message = Message();
            byte[] head = Encoding.ASCII.GetBytes("* 1 FETCH (BODY[]<100> {1000000}\r\n");
            MessageTransfer transfer = new MessageTransfer(NanoRelay.Limits.ImapTransferChunk);
            for (int i = 0; i < 3; i++)
            {
                transfer.SendOctets(new CountingConnection(), head, head.Length, new MemoryReader(message), 100, 1000000);   // warm-up: past the JIT's tiers
            }

            WarmUpPastCallCounting(() => transfer.SendOctets(new CountingConnection(), head, head.Length, new MemoryReader(message), 100, 4096));

            CountingConnection c = new CountingConnection();
            MemoryReader reader = new MemoryReader(message);
            long before = GC.GetAllocatedBytesForCurrentThread();
            transfer.SendOctets(c, head, head.Length, reader, 100, 1000000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(head.Length + 1000000L, c.Written);
            long expected = 0;
            foreach (byte b in head)
            {
                expected = (expected * 31) + b;
            }

            for (int i = 100; i < 100 + 1000000; i++)
            {
                expected = (expected * 31) + message[i];
            }

            Assert.AreEqual(expected, c.Sum);
        }

        [TestMethod]
        public void ImapFetchLiteral_MessageShorterThanPromised_Throws()
        {
            byte[] message = Message();
            MessageTransfer transfer = new MessageTransfer(NanoRelay.Limits.ImapTransferChunk);
            Assert.ThrowsExactly<StoreException>(() => transfer.SendOctets(new CountingConnection(), new byte[0], 0, new MemoryReader(message), message.Length - 10, 11));
        }

        [TestMethod]
        public void Pop3Retr_1MiB_Stuffed_Allocates0Bytes_AndStuffsEveryDotLine()
        {
            byte[] message = Message();
            byte[] head = Encoding.ASCII.GetBytes("+OK message follows\r\n");
            MessageTransfer transfer = new MessageTransfer(NanoRelay.Limits.Pop3TransferChunk);
            for (int i = 0; i < 3; i++)
            {
                transfer.Send(new CountingConnection(), head, head.Length, new MemoryReader(message), -1, true);   // warm-up: past the JIT's tiers
            }

            WarmUpPastCallCounting(() => transfer.Send(new CountingConnection(), head, head.Length, new MemoryReader(message), 2, true));

            CountingConnection c = new CountingConnection();
            MemoryReader reader = new MemoryReader(message);
            long before = GC.GetAllocatedBytesForCurrentThread();
            transfer.Send(c, head, head.Length, reader, -1, true);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            int dotLines = 0;
            for (int i = 2; i < message.Length; i++)
            {
                if (message[i] == (byte)'.' && message[i - 1] == 10 && message[i - 2] == 13)
                {
                    dotLines++;
                }
            }

            Assert.IsTrue(dotLines > 1000);
            Assert.AreEqual(head.Length + message.Length + dotLines + 3L, c.Written);   // RFC 1939 §3: one more dot each, then ".\r\n"
        }

        [TestMethod]
        public void SmtpData_1MiB_Stuffed_Allocates0Bytes_InWritesOfSeveralChunks()
        {
            // The SMTP client's DATA (SmtpClientDriver) with its sizes: Limits.SmtpBodyChunk reads, writes gathered up to Limits.SmtpSendBuffer.
            byte[] message = Message();
            MessageTransfer transfer = new MessageTransfer(NanoRelay.Limits.SmtpBodyChunk, NanoRelay.Limits.SmtpSendBuffer);
            for (int i = 0; i < 3; i++)
            {
                transfer.Send(new CountingConnection(), null, 0, new MemoryReader(message), -1, true);   // warm-up: past the JIT's tiers
            }

            CountingConnection c = new CountingConnection();
            MemoryReader reader = new MemoryReader(message);
            long before = GC.GetAllocatedBytesForCurrentThread();
            transfer.Send(c, null, 0, reader, -1, true);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            int dotLines = 0;
            for (int i = 2; i < message.Length; i++)
            {
                if (message[i] == (byte)'.' && message[i - 1] == 10 && message[i - 2] == 13)
                {
                    dotLines++;
                }
            }

            Assert.AreEqual(message.Length + dotLines + 3L, c.Written);   // RFC 5321 §4.5.2: one more dot each, then "." CRLF after the last CRLF
            Assert.IsTrue(c.Largest <= NanoRelay.Limits.SmtpSendBuffer, "largest write " + c.Largest);
            Assert.IsTrue(c.Writes <= (message.Length / (2 * NanoRelay.Limits.SmtpBodyChunk)) + 2, c.Writes + " writes: at least two chunks gathered per write");
        }
    }
}

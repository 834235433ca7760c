using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Allocation
{
    /// <summary>
    /// Issue 13 item 3: the SMTP ingress writes DATA lines straight into the spool's writer, which
    /// gathers them into whole writes of Limits.StoreWriteBuffer octets. Measured on the real spool
    /// over a file store that counts what reaches it: after warm-up, 20,000 DATA lines allocate 0
    /// bytes, and the file sees one write per full buffer, not two per line.
    /// </summary>
    [TestClass]
    public class IngressSpoolAllocationTests
    {
        private sealed class CountingFiles : IFileStore
        {
            private readonly Dictionary<string, long> _lengths = new Dictionary<string, long>();

            public long Writes;
            public long Bytes;
            public int LargestWrite;
            public int SmallestWrite = int.MaxValue;

            public long FreeBytes { get { return -1; } }

            public IFileWriter Create(string name)
            {
                _lengths[name] = 0;
                return new Writer(this, name);
            }

            public IFileReader OpenRead(string name)
            {
                return null;
            }

            public bool Exists(string name)
            {
                return _lengths.ContainsKey(name);
            }

            public long Length(string name)
            {
                return _lengths.TryGetValue(name, out long l) ? l : -1;
            }

            public bool Delete(string name)
            {
                return _lengths.Remove(name);
            }

            public string[] List(string prefix)
            {
                return new List<string>(_lengths.Keys).FindAll(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            }

            private sealed class Writer : IFileWriter
            {
                private readonly CountingFiles _files;
                private readonly string _name;
                private long _length;

                public Writer(CountingFiles files, string name)
                {
                    _files = files;
                    _name = name;
                }

                public long Length { get { return _length; } }

                public void Write(byte[] buffer, int offset, int count)
                {
                    _length += count;
                    if (_name.EndsWith(".msg", StringComparison.Ordinal))
                    {
                        _files.Writes++;
                        _files.Bytes += count;
                        _files.LargestWrite = Math.Max(_files.LargestWrite, count);
                        _files.SmallestWrite = Math.Min(_files.SmallestWrite, count);
                    }
                }

                public void Flush()
                {
                    _files._lengths[_name] = _length;
                }

                public void Close()
                {
                    _files._lengths[_name] = _length;
                }
            }
        }

        private sealed class DiscardOutput : ISmtpServerOutput
        {
            public void Write(byte[] buffer, int offset, int count)
            {
            }
        }

        private sealed class QuietLog : ILog
        {
            public bool IsTraceEnabled { get { return false; } }

            public void Write(LogLevel level, string source, string message)
            {
            }
        }

        [TestMethod]
        public void DataLinesIntoTheSpool_Allocate0Bytes_AndReachTheFileAsWholeBufferWrites()
        {
            CountingFiles files = new CountingFiles();
            Spool spool = new Spool(files, new ManualClock(), new SeededRandom(1), 0, 100);
            spool.Open();
            SmtpServerOptions options = new SmtpServerOptions { ServerName = "relay.test", MaxMessageBytes = 8 * 1024 * 1024 };
            SmtpServerSession s = new SmtpServerSession(options, RelayPolicy.Create(new[] { "192.0.2.0/24" }), new SpoolIngressSink(spool), new DiscardOutput(), new ManualClock(), new QuietLog(), new SeededRandom(9), "192.0.2.7", false, false);
            s.Start();
            foreach (string command in new[] { "EHLO c\r\n", "MAIL FROM:<a@lan>\r\n", "RCPT TO:<o@example.com>\r\n", "DATA\r\n" })
            {
                byte[] c = Encoding.ASCII.GetBytes(command);
                s.Receive(c, 0, c.Length);
            }

            Assert.AreEqual(SmtpServerState.Data, s.State);
            byte[] lines = Encoding.ASCII.GetBytes(new string('d', 76) + "\r\n..stuffed line\r\n");
            for (int i = 0; i < 3000; i++)
            {
                s.Receive(lines, 0, lines.Length);   // warm-up: past the JIT's tiers
            }

            long writesBefore = files.Writes;
            long bytesBefore = files.Bytes;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++)
            {
                s.Receive(lines, 0, lines.Length);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            long writes = files.Writes - writesBefore;
            long stored = 10000L * (78 + 15);   // the second line loses the dot its sender doubled
            Console.WriteLine("INGRESS-SPOOL lines=20000 allocated=" + allocated + " fileWrites=" + writes + " bytes=" + (files.Bytes - bytesBefore));
            Assert.AreEqual(0L, allocated, "bytes allocated by 20,000 DATA lines into the spool");
            Assert.AreEqual(SmtpServerState.Data, s.State);
            Assert.AreEqual(Limits.StoreWriteBuffer, files.LargestWrite);
            Assert.AreEqual(Limits.StoreWriteBuffer, files.SmallestWrite, "every write before the commit is a whole buffer");
            Assert.IsTrue(writes >= stored / Limits.StoreWriteBuffer - 1 && writes <= stored / Limits.StoreWriteBuffer + 1, writes + " file writes for " + stored + " octets");

            byte[] end = Encoding.ASCII.GetBytes(".\r\nQUIT\r\n");
            s.Receive(end, 0, end.Length);
            Assert.AreEqual(1, spool.Count);
            SpoolEntry e = spool.List()[0];
            Assert.AreEqual(files.Bytes, e.Size, "the commit wrote the rest: all content reached the file");
            Assert.IsFalse(e.EightBit);
        }
    }
}

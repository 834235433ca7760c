using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Ingress
{
    /// <summary>
    /// The DATA state machine against a reference model (docs/catalogue.md #7), chunking independence
    /// of whole sessions, and allocations per line after warm-up.
    /// </summary>
    [TestClass]
    public class SessionPropertyTests
    {
        private static readonly Gen<byte> DataByte = Gen.Frequency(
            (6, Gen.Byte[(byte)'a', (byte)'e']), (2, Gen.Const((byte)'\r')), (2, Gen.Const((byte)'\n')),
            (2, Gen.Const((byte)'.')), (1, Gen.Const((byte)0)), (1, Gen.Byte));

        private sealed class Output : ISmtpServerOutput
        {
            public readonly MemoryStream Bytes = new MemoryStream();

            public void Write(byte[] buffer, int offset, int count)
            {
                Bytes.Write(buffer, offset, count);
            }

            public string Text { get { return Encoding.Latin1.GetString(Bytes.ToArray()); } }
        }

        private sealed class QuietLog : ILog
        {
            public bool IsTraceEnabled { get { return false; } }

            public void Write(LogLevel level, string source, string message)
            {
            }
        }

        private static (string replies, MemoryIngressSink sink) Run(byte[] afterData, int[] chunks, BareLineEnds mode)
        {
            SmtpServerOptions o = new SmtpServerOptions { ServerName = "relay.test", MaxMessageBytes = 1 << 20, BareLineEnds = mode, BadCommandLimit = 1000 };
            MemoryIngressSink sink = new MemoryIngressSink();
            Output output = new Output();
            SmtpServerSession s = new SmtpServerSession(o, RelayPolicy.Create(new[] { "192.0.2.0/24" }), sink, output, new ManualClock(), new QuietLog(), new SeededRandom(9), "192.0.2.7", false, false);
            s.Start();
            foreach (string line in new[] { "EHLO c\r\n", "MAIL FROM:<a@lan>\r\n", "RCPT TO:<o@example.com>\r\n", "DATA\r\n" })
            {
                byte[] b = Encoding.ASCII.GetBytes(line);
                s.Receive(b, 0, b.Length);
            }

            int fed = 0, c = 0;
            while (fed < afterData.Length && !s.IsClosed)
            {
                int n = Math.Min(Math.Max(1, chunks[c++ % chunks.Length]), afterData.Length - fed);
                s.Receive(afterData, fed, n);
                fed += n;
            }

            return (output.Text, sink);
        }

        /// <summary>The model: lines split at CRLF only; the first line that is exactly "." ends the data.</summary>
        // The specification: CRLF "." CRLF ends the data; while every line so far ended in a bare
        // LF (issue 14), a bare LF ends a line too and LF "." LF ends the data; the first CRLF line
        // end, or an over-long line, leaves that phase for good.
        private static (string reply, byte[] content) Model(byte[] afterData, BareLineEnds mode)
        {
            string text = Encoding.Latin1.GetString(afterData);
            string error = null;
            StringBuilder stored = new StringBuilder();
            bool lfOnly = true;
            bool prevLf = false;
            int pos = 0;
            while (true)
            {
                string l;
                bool lfEnded;
                if (lfOnly)
                {
                    int j = text.IndexOf('\n', pos);
                    if (j < 0)
                    {
                        return (null, null);   // no end yet: no reply
                    }

                    if (j - pos >= 1001)
                    {
                        // over-long: reported at 1001 octets, then discarded up to the next CRLF
                        error ??= "500 5.5.2 Line too long";
                        lfOnly = false;
                        prevLf = false;
                        int k = pos + 1001;
                        while (k < text.Length && !(text[k] == '\n' && text[k - 1] == '\r'))
                        {
                            k++;
                        }

                        if (k >= text.Length)
                        {
                            return (null, null);
                        }

                        pos = k + 1;
                        continue;
                    }

                    lfEnded = !(j > pos && text[j - 1] == '\r');
                    l = text.Substring(pos, (lfEnded ? j : j - 1) - pos);
                    pos = j + 1;
                }
                else
                {
                    int j = text.IndexOf("\r\n", pos, StringComparison.Ordinal);
                    if (j < 0)
                    {
                        return (null, null);
                    }

                    l = text.Substring(pos, j - pos);
                    lfEnded = false;
                    pos = j + 2;
                    if (l.Length + 2 > 1001)
                    {
                        error ??= "500 5.5.2 Line too long";
                        prevLf = false;
                        continue;
                    }
                }

                if (l == "." && ((!lfEnded && !prevLf) || (lfEnded && lfOnly)))
                {
                    string reply = error ?? "250 2.0.0 Ok: queued as M1";
                    return (reply, error == null ? Encoding.Latin1.GetBytes(stored.ToString()) : null);
                }

                prevLf = lfEnded;
                if (!lfEnded)
                {
                    lfOnly = false;
                }

                string e = null;
                if (l.Length + 2 > 1000 && l[0] != '.')
                {
                    e = "500 5.5.2 Line too long";
                }
                else if (l.Contains('\0'))
                {
                    e = "554 5.6.0 Error: NUL octet received";
                }
                else if ((lfEnded || l.Contains('\r') || l.Contains('\n')) && mode == BareLineEnds.Reject)
                {
                    e = "550 5.5.2 Error: bare CR or LF received";
                }

                error ??= e;
                string unstuffed = l.StartsWith('.') ? l.Substring(1) : l;
                stored.Append(unstuffed.Replace("\r", "\r\n").Replace("\n", "\r\n").Replace("\r\r\n", "\r\n")).Append("\r\n");
            }
        }

        private const string Greeting = "220 relay.test ESMTP nanoRelay\r\n250-relay.test\r\n250-SIZE 1048576\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 ENHANCEDSTATUSCODES\r\n250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n";

        [TestMethod]
        public void Case07_DataEndAndUnstuffing_MatchTheModel_ForAnyChunking()
        {
            Gen.Select(DataByte.Array[0, 2500], Gen.Int[1, 700].Array[1, 6], Gen.Bool)
                .Sample((payload, chunks, normalize) =>
                {
                    BareLineEnds mode = normalize ? BareLineEnds.Normalize : BareLineEnds.Reject;
                    byte[] input = payload.Concat(Encoding.ASCII.GetBytes("\r\n.\r\n")).ToArray();
                    var whole = Run(input, new[] { input.Length }, mode);
                    var chunked = Run(input, chunks, mode);
                    Assert.AreEqual(whole.replies, chunked.replies, "chunking changed the replies");
                    (string reply, byte[] content) = Model(input, mode);
                    Assert.IsNotNull(reply, "the appended CRLF.CRLF always ends the data");
                    StringAssert.StartsWith(whole.replies, Greeting);
                    string first = whole.replies.Substring(Greeting.Length).Split("\r\n")[0];
                    Assert.AreEqual(reply, first);
                    if (content != null)
                    {
                        byte[] stored = whole.sink[0].Content;
                        int header = Encoding.Latin1.GetString(stored).IndexOf("+0000\r\n", StringComparison.Ordinal) + 7;
                        CollectionAssert.AreEqual(content, stored.Skip(header).ToArray());
                    }
                    else
                    {
                        Assert.AreEqual(0, whole.sink.Count);
                        Assert.AreEqual(0, whole.sink.Open);
                    }
                }, iter: 2000);
        }

        [TestMethod]
        public void EveryTwoWaySplit_OfTheSmugglingPayload_GivesTheSameReplies()
        {
            for (int v = 0; v < 12; v++)
            {
                byte[] input = Encoding.Latin1.GetBytes("Subject: report\r\n\r\nbody" + new[]
                {
                    "\n.\n", "\r.\r", "\r.\n", "\n.\r", "\n.\r\n", "\r\n.\n",
                    "\r.\r\n", "\r\n.\r", "\r\n\0.\r\n", "\r\n.\0\r\n", "\r\n.\r\r\n", "\r\r\n.\r\r\n",
                }[v] + "MAIL FROM:<ceo@corp>\r\nRCPT TO:<x@y>\r\nDATA\r\nsmuggled\r\n.\r\n");
                string whole = Run(input, new[] { input.Length }, BareLineEnds.Reject).replies;
                for (int split = 1; split < input.Length; split++)
                {
                    Assert.AreEqual(whole, Run(input, new[] { split, input.Length }, BareLineEnds.Reject).replies, "variant " + v + " split " + split);
                }
            }
        }

        private sealed class DiscardSink : IIngressSink, IIngressMessage
        {
            public long FreeBytes { get { return -1; } }

            public IIngressMessage Begin(string reversePath, string[] recipients, int recipientCount)
            {
                return this;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
            }

            public string Commit()
            {
                return "X";
            }

            public void Abort()
            {
            }
        }

        private sealed class DiscardOutput : ISmtpServerOutput
        {
            public long Bytes;

            public void Write(byte[] buffer, int offset, int count)
            {
                Bytes += count;
            }
        }

        [TestMethod]
        public void SteadyState_DataLinesAndNoops_AllocateNothing()
        {
            SmtpServerSession s = new SmtpServerSession(new SmtpServerOptions { ServerName = "relay.test" }, RelayPolicy.Create(new[] { "192.0.2.0/24" }), new DiscardSink(), new DiscardOutput(), new ManualClock(), new QuietLog(), new SeededRandom(9), "192.0.2.7", false, false);
            s.Start();
            byte[] setup = Encoding.ASCII.GetBytes("EHLO c\r\n");
            s.Receive(setup, 0, setup.Length);
            byte[] noop = Encoding.ASCII.GetBytes("NOOP\r\n");
            byte[] line = Encoding.ASCII.GetBytes(new string('d', 76) + "\r\n..stuffed line\r\n");
            byte[] mail = Encoding.ASCII.GetBytes("MAIL FROM:<a@lan>\r\n");
            byte[] rcpt = Encoding.ASCII.GetBytes("RCPT TO:<o@example.com>\r\n");
            byte[] data = Encoding.ASCII.GetBytes("DATA\r\n");
            for (int i = 0; i < 100; i++)
            {
                s.Receive(noop, 0, noop.Length);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++)
            {
                s.Receive(noop, 0, noop.Length);
            }

            long perNoop = GC.GetAllocatedBytesForCurrentThread() - before;
            s.Receive(mail, 0, mail.Length);
            s.Receive(rcpt, 0, rcpt.Length);
            s.Receive(data, 0, data.Length);
            for (int i = 0; i < 100; i++)
            {
                s.Receive(line, 0, line.Length);
            }

            before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10000; i++)
            {
                s.Receive(line, 0, line.Length);
            }

            long perLine = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, perNoop, "bytes allocated by 10,000 NOOPs");
            Assert.AreEqual(0L, perLine, "bytes allocated by 20,000 DATA lines");
            Assert.AreEqual(SmtpServerState.Data, s.State);
        }
    }
}

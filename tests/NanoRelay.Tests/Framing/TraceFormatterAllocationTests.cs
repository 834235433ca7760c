using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Tests.Framing
{
    /// <summary>--trace is allocation-light: nothing when off, nothing per elided body line, one string per shown line.</summary>
    [TestClass]
    public class TraceFormatterAllocationTests
    {
        private sealed class CountingLog : ILog
        {
            public bool Enabled;
            public int Lines;

            public bool IsTraceEnabled { get { return Enabled; } }

            public void Write(LogLevel level, string source, string message)
            {
                Lines++;
            }
        }

        private static readonly byte[] s_bodyLine = Ascii.Bytes("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod\r\n");

        [TestMethod]
        public void TraceOff_AllocatesNothing()
        {
            CountingLog log = new CountingLog { Enabled = false };
            TraceFormatter t = new TraceFormatter(log, "smtp");
            byte[] pass = Ascii.Bytes("PASS secret\r\n");
            t.Client(pass, 0, pass.Length);
            t.Server(s_bodyLine, 0, s_bodyLine.Length);   // warm: the static initialiser allocates once
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                t.Client(pass, 0, pass.Length);
                t.Server(s_bodyLine, 0, s_bodyLine.Length);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual(0, log.Lines);
        }

        [TestMethod]
        public void ElidedBodyLines_AllocateNothing()
        {
            CountingLog log = new CountingLog { Enabled = true };
            TraceFormatter t = new TraceFormatter(log, "smtp", 3);
            byte[] data = Ascii.Bytes("DATA\r\n");
            byte[] go = Ascii.Bytes("354 go ahead\r\n");
            t.Client(data, 0, data.Length);
            t.Server(go, 0, go.Length);
            for (int i = 0; i < 3; i++)
            {
                t.Client(s_bodyLine, 0, s_bodyLine.Length);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10_000; i++)
            {
                t.Client(s_bodyLine, 0, s_bodyLine.Length);
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual(10_000L, t.TotalElided);
        }

        [TestMethod]
        public void ShownLine_AllocatesOneStringOfItsLength()
        {
            CountingLog log = new CountingLog { Enabled = true };
            TraceFormatter t = new TraceFormatter(log, "smtp");
            byte[] mail = Ascii.Bytes("MAIL FROM:<greenhouse-1@example.com> SIZE=1234\r\n");
            t.Client(mail, 0, mail.Length);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                t.Client(mail, 0, mail.Length);
            }

            long perLine = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
            int chars = 3 + mail.Length - 2;

            // A .NET string: about 22 bytes of header plus 2 per char, rounded to 8.
            Assert.IsTrue(perLine <= 32 + (2 * chars), perLine + " bytes per line of " + chars + " chars");
        }
    }
}

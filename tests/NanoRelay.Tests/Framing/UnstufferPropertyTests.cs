using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Framing;

namespace NanoRelay.Tests.Framing
{
    /// <summary>
    /// The dot-unstuffer under any chunking: stuff-then-unstuff gives back any CRLF-normalised
    /// message, and docs/catalogue.md #7: random DATA payloads against a
    /// reference model of the end-of-data rule (only CRLF "." CRLF ends, or "." CRLF at the start;
    /// one leading dot removed per line; the bytes after the end are not consumed).
    /// </summary>
    [TestClass]
    public class UnstufferPropertyTests
    {
        private static readonly byte[] Terminator = Encoding.ASCII.GetBytes("\r\n.\r\n");

        private static readonly string[] s_tokens = { "\r\n", "\r", "\n", ".", "..", "a", "b", "\0", "\r\n.", ".\r", "\r\n.\r\n", "\n.\n", "\r\n.\r\r\n", " " };

        private static readonly Gen<byte[]> Payload = Gen.Frequency(
            (8, Gen.Int[0, s_tokens.Length - 1].Select(i => Encoding.ASCII.GetBytes(s_tokens[i]))),
            (1, Gen.Byte.Array[1, 6])).Array[0, 60].Select(ts => ts.SelectMany(t => t).ToArray());

        // Lines without CR or LF, often starting with dots; a message is such lines each ending in CRLF.
        private static readonly Gen<byte[]> Message = Gen.OneOf(Gen.Const((byte)'.'), Gen.Byte[32, 126], Gen.Const((byte)0), Gen.Byte[128, 255])
            .Array[0, 30].Array[0, 25]
            .Select(lines => lines.SelectMany(l => l.Concat(new byte[] { 13, 10 })).ToArray());

        [TestMethod]
        public void StuffThenUnstuff_GivesBackTheMessage_UnderAnyChunking()
        {
            Gen.Select(Message, Gen.Int[1, 200], Gen.Int[1, 200].Array[1, 5]).Sample((message, stuffChunk, unstuffChunks) =>
            {
                byte[] stuffed = FramingPropertyTests.Stuff(message, stuffChunk);
                byte[] wire = stuffed.Concat(Encoding.ASCII.GetBytes("QUIT\r\n")).ToArray();
                var r = Unstuff(wire, unstuffChunks);
                Assert.IsTrue(r.Complete);
                Assert.AreEqual(stuffed.Length, r.Consumed, "the bytes after the terminator are not consumed");
                CollectionAssert.AreEqual(message, r.Output);
                Assert.AreEqual(LineFlags.None, r.Flags & (LineFlags.BareCr | LineFlags.BareLf));
            }, iter: 500);
        }

        [TestMethod]
        public void Case7_RandomDataPayloads_AgreeWithTheReferenceModel()
        {
            Gen.Select(Payload, Gen.Int[1, 40].Array[1, 5]).Sample((wire, chunks) =>
            {
                var model = Model(wire);
                var r = Unstuff(wire, chunks);
                if (model.End >= 0)
                {
                    Assert.IsTrue(r.Complete, "the model found the end");
                    Assert.AreEqual(model.End, r.Consumed, "consumed up to the terminator and no further");
                    CollectionAssert.AreEqual(model.Message, r.Output);
                    Assert.AreEqual(ModelFlags(model.Message), r.Flags);
                }
                else
                {
                    Assert.IsFalse(r.Complete, "no CRLF.CRLF, yet the unstuffer ended");
                    Assert.AreEqual(wire.Length, r.Consumed);
                    // A held ".\r" at the very end may still turn out to be the terminator: at most that CR is missing.
                    CollectionAssert.AreEqual(model.Message.Take(r.Output.Length).ToArray(), r.Output);
                    Assert.IsTrue(model.Message.Length - r.Output.Length is 0 or 1);
                }
            }, iter: 2000);
        }

        [TestMethod]
        public void Case7_AnOversizeBody_IsReadUntilTheRealEnd()
        {
            byte[] line = Encoding.ASCII.GetBytes(".line of a large body\n.\n\r.\r" + new string('x', 900) + "\r\n");
            byte[] body = Enumerable.Repeat(line, 3000).SelectMany(l => l).ToArray();
            byte[] wire = body.Concat(Terminator.Skip(2)).Concat(Encoding.ASCII.GetBytes("MAIL FROM:<a@b>\r\n")).ToArray();
            var r = Unstuff(wire, new[] { 1460 });
            Assert.IsTrue(r.Complete);
            Assert.AreEqual(body.Length + 3, r.Consumed);
            Assert.AreEqual(body.Length - 3000, r.Output.Length, "one dot removed per line");
        }

        internal static (byte[] Output, int Consumed, bool Complete, LineFlags Flags) Unstuff(byte[] wire, int[] chunks)
        {
            var u = new DotUnstuffer();
            var output = new List<byte>();
            int consumed = 0, c = 0;
            while (consumed < wire.Length && !u.IsComplete)
            {
                int n = Math.Min(chunks[c++ % chunks.Length], wire.Length - consumed);
                var piece = new byte[DotUnstuffer.MaxOutput(n)];
                int written = u.Unstuff(wire, consumed, n, piece, 0);
                Assert.IsTrue(u.Consumed == n || u.IsComplete, "input is left over only at the end");
                output.AddRange(piece.Take(written));
                consumed += u.Consumed;
            }

            return (output.ToArray(), consumed, u.IsComplete, u.Flags);
        }

        /// <summary>chasquid-style readUntilDot on the whole input: find the end, then drop the first dot of each line.</summary>
        private static (byte[] Message, int End) Model(byte[] wire)
        {
            int end = -1;
            int bodyLength = wire.Length;
            if (wire.Length >= 3 && wire[0] == '.' && wire[1] == '\r' && wire[2] == '\n')
            {
                end = 3;
                bodyLength = 0;
            }
            else
            {
                int at = wire.AsSpan().IndexOf(Terminator);
                if (at >= 0)
                {
                    end = at + Terminator.Length;
                    bodyLength = at + 2;
                }
            }

            var message = new List<byte>();
            for (int i = 0; i < bodyLength; i++)
            {
                bool lineStart = i == 0 || (i >= 2 && wire[i - 2] == '\r' && wire[i - 1] == '\n');
                if (!(lineStart && wire[i] == '.'))
                {
                    message.Add(wire[i]);
                }
            }

            return (message.ToArray(), end);
        }

        private static LineFlags ModelFlags(byte[] m)
        {
            LineFlags f = LineFlags.None;
            for (int i = 0; i < m.Length; i++)
            {
                if (m[i] == '\r' && (i + 1 == m.Length || m[i + 1] != '\n'))
                {
                    f |= LineFlags.BareCr;
                }

                if (m[i] == '\n' && (i == 0 || m[i - 1] != '\r'))
                {
                    f |= LineFlags.BareLf;
                }

                if (m[i] == 0)
                {
                    f |= LineFlags.Nul;
                }
            }

            return f;
        }
    }
}

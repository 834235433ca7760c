using System;
using System.Collections.Generic;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Tests.Framing
{
    /// <summary>Chunking never changes the result (docs/catalogue.md #1 and #6), and the byte tools agree with .NET's own.</summary>
    [TestClass]
    public class FramingPropertyTests
    {
        private static readonly Gen<byte> LineByte = Gen.OneOf(Gen.Byte[(byte)'a', (byte)'z'], Gen.Const((byte)'\r'), Gen.Const((byte)'\n'), Gen.Const((byte)'.'), Gen.Const((byte)0), Gen.Byte);

        internal static List<string> Frame(LineFramer framer, byte[] input, int[] chunks)
        {
            var events = new List<string>();
            int fed = 0, c = 0;
            while (true)
            {
                FrameResult r = framer.TryTakeLine();
                if (r == FrameResult.Line)
                {
                    events.Add(Convert.ToHexString(framer.Buffer, framer.LineOffset, framer.LineLength) + "/" + framer.Flags);
                }
                else if (r == FrameResult.TooLong)
                {
                    events.Add("TOO-LONG");
                }
                else
                {
                    if (fed >= input.Length)
                    {
                        return events;
                    }

                    int n = Math.Min(Math.Max(1, chunks[c++ % chunks.Length]), input.Length - fed);
                    fed += framer.Feed(input, fed, n);
                }
            }
        }

        [TestMethod]
        public void EverySplitOfValidInput_GivesTheSameLines()
        {
            Gen.Select(LineByte.Array[0, 3000], Gen.Int[1, 600].Array[1, 8], Gen.Int[0, 2])
                .Sample((input, chunks, preset) =>
                {
                    Func<LineFramer> make = preset == 0 ? LineFramer.ForSmtpServer : preset == 1 ? LineFramer.ForSmtpReplies : LineFramer.ForPop3Server;
                    var whole = Frame(make(), input, new[] { input.Length + 1 });
                    var chunked = Frame(make(), input, chunks);
                    CollectionAssert.AreEqual(whole, chunked);
                }, iter: 400);
        }

        [TestMethod]
        public void EveryTwoWaySplit_OfA4KbEhloReply_GivesTheSameLines()
        {
            var sb = new StringBuilder();
            for (int i = 0; i < 60; i++)
            {
                sb.Append("250-X-EXTENSION-NUMBER-").Append(i).Append(" some parameters here\r\n");
            }

            sb.Append("250 SMTPUTF8\r\n");
            byte[] input = Encoding.ASCII.GetBytes(sb.ToString());
            var whole = Frame(LineFramer.ForSmtpReplies(), input, new[] { input.Length });
            Assert.AreEqual(61, whole.Count);
            for (int split = 1; split < input.Length; split++)
            {
                CollectionAssert.AreEqual(whole, Frame(LineFramer.ForSmtpReplies(), input, new[] { split, input.Length }));
            }
        }

        [TestMethod]
        public void LinesNeverExceedTheLimit_AndSurfacedPlusDiscardedIsTheInput()
        {
            Gen.Select(LineByte.Array[0, 5000], Gen.Int[1, 700]).Sample((input, chunk) =>
            {
                var framer = LineFramer.ForSmtpReplies();
                int surfaced = 0;
                foreach (string e in Frame(framer, input, new[] { chunk }))
                {
                    if (e != "TOO-LONG")
                    {
                        int len = e.IndexOf('/') / 2;
                        Assert.IsTrue(len + 2 <= Limits.SmtpReplyLine);
                        surfaced += len + 2;
                    }
                }

                Assert.IsTrue(surfaced + framer.Buffered <= input.Length);
            }, iter: 300);
        }

        [TestMethod]
        public void Base64Encoder_AnyChunking_EqualsConvertWithMimeLines()
        {
            Gen.Select(Gen.Byte.Array[0, 2000], Gen.Int[1, 100]).Sample((data, chunk) =>
            {
                var enc = new Base64Encoder();
                var outBuf = new byte[enc.MaxOutput(data.Length) + 16];
                int o = 0;
                for (int i = 0; i < data.Length; i += chunk)
                {
                    int n = Math.Min(chunk, data.Length - i);
                    o += enc.Encode(data, i, n, outBuf, o);
                }

                o += enc.Finish(outBuf, o);
                string expected = Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks);
                if (expected.Length > 0)
                {
                    expected += "\r\n";
                }

                Assert.AreEqual(expected, Encoding.ASCII.GetString(outBuf, 0, o));
            }, iter: 300);
        }

        [TestMethod]
        public void Base64_OneShot_RoundTrips()
        {
            Gen.Byte.Array[0, 300].Sample(data =>
            {
                var text = new byte[Base64.EncodedLength(data.Length)];
                int n = Base64.Encode(data, 0, data.Length, text, 0);
                Assert.AreEqual(Convert.ToBase64String(data), Encoding.ASCII.GetString(text, 0, n));
                var back = new byte[data.Length + 3];
                int m = Base64.Decode(text, 0, n, back, 0);
                CollectionAssert.AreEqual(data, back[..m]);
            }, iter: 300);
        }

        [TestMethod]
        public void DotStuffer_AnyChunking_GivesTheSameWireBytes_WithNoBareCrOrLf()
        {
            Gen.Select(LineByte.Array[0, 3000], Gen.Int[1, 300]).Sample((data, chunk) =>
            {
                byte[] whole = Stuff(data, data.Length + 1);
                byte[] chunked = Stuff(data, chunk);
                CollectionAssert.AreEqual(whole, chunked);
                for (int i = 0; i < whole.Length; i++)
                {
                    if (whole[i] == '\r')
                    {
                        Assert.AreEqual((byte)'\n', whole[i + 1]);
                    }

                    if (whole[i] == '\n')
                    {
                        Assert.AreEqual((byte)'\r', whole[i - 1]);
                    }
                }

                string s = Encoding.Latin1.GetString(whole);
                if (data.Length == 0)
                {
                    Assert.AreEqual(".\r\n", s, "an empty message is the terminator alone (RFC 5321 §4.1.1.4)");
                    return;
                }

                Assert.IsTrue(s.EndsWith("\r\n.\r\n"));
                Assert.AreEqual(s.Length - 5, s.IndexOf("\r\n.\r\n", StringComparison.Ordinal) >= 0 ? s.IndexOf("\r\n.\r\n", StringComparison.Ordinal) : -1, "only the terminator is CRLF.CRLF");
            }, iter: 400);
        }

        [TestMethod]
        public void DotStuffer_AnyChunking_MatchesAByteByByteModel()
        {
            Gen.Select(LineByte.Array[0, 3000], Gen.Int[1, 300]).Sample((data, chunk) =>
            {
                CollectionAssert.AreEqual(ModelStuff(data), Stuff(data, chunk));
            }, iter: 400);
        }

        // RFC 5321 §4.5.2 and §2.3.8 read byte by byte: a bare CR or LF becomes CRLF, a line's leading dot is
        // doubled, and the end adds the missing CRLF and ".\r\n".
        private static byte[] ModelStuff(byte[] data)
        {
            var o = new List<byte>();
            bool lineStart = true;
            for (int i = 0; i < data.Length; i++)
            {
                byte b = data[i];
                if (b == '\r' || b == '\n')
                {
                    o.Add((byte)'\r');
                    o.Add((byte)'\n');
                    lineStart = true;
                    if (b == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
                    {
                        i++;
                    }

                    continue;
                }

                if (lineStart && b == '.')
                {
                    o.Add((byte)'.');
                }

                o.Add(b);
                lineStart = false;
            }

            if (!lineStart)
            {
                o.Add((byte)'\r');
                o.Add((byte)'\n');
            }

            o.AddRange(Encoding.ASCII.GetBytes(".\r\n"));
            return o.ToArray();
        }

        internal static byte[] Stuff(byte[] data, int chunk)
        {
            var stuffer = new DotStuffer();
            var buf = new byte[DotStuffer.MaxOutput(chunk) + 8];
            var result = new List<byte>();
            for (int i = 0; i < data.Length; i += chunk)
            {
                int n = Math.Min(chunk, data.Length - i);
                if (stuffer.TryPassThrough(data, i, n))
                {
                    result.AddRange(new ArraySegment<byte>(data, i, n));
                }
                else
                {
                    int m = stuffer.Stuff(data, i, n, buf, 0);
                    result.AddRange(new ArraySegment<byte>(buf, 0, m));
                }
            }

            int f = stuffer.Finish(buf, 0);
            result.AddRange(new ArraySegment<byte>(buf, 0, f));
            return result.ToArray();
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Framing;

namespace NanoRelay.Tests.Framing
{
    /// <summary>
    /// docs/catalogue.md #6: random bytes, random chunking, every preset.
    /// No exception; the lines and over-long reports equal a whole-input reference model (so the
    /// result does not depend on chunking); no surfaced line is over the limit; the bytes surfaced
    /// plus the bytes discarded plus the unfinished tail equal the input.
    /// </summary>
    [TestClass]
    public class FramerFuzzTests
    {
        private static readonly (string Name, Func<LineFramer> Make, bool BareLfEnds)[] s_presets =
        {
            ("SmtpServer", LineFramer.ForSmtpServer, false),
            ("SmtpReplies", LineFramer.ForSmtpReplies, false),
            ("SmtpText", LineFramer.ForSmtpText, false),
            ("Pop3Server", LineFramer.ForPop3Server, true),
            ("Pop3Replies", LineFramer.ForPop3Replies, false),
        };

        private static readonly byte[][] s_specials = { new byte[] { 13, 10 }, new byte[] { 13 }, new byte[] { 10 }, new byte[] { 13, 13, 10 }, new byte[] { 0 }, new byte[] { 46 } };

        // Runs that, after a line end, make a line of exactly the limit, one under or one over (255, 512, 1001 with CRLF).
        private static readonly int[] s_nearLimits = { 251, 252, 253, 254, 508, 509, 510, 511, 997, 998, 999, 1000 };

        // Short tokens heavy in CR, LF, NUL and dots, plus long runs that cross every limit.
        private static readonly Gen<byte[]> Token = Gen.Frequency(
            (6, Gen.Byte.Array[1, 8]),
            (4, Gen.Int[0, s_specials.Length - 1].Select(i => s_specials[i])),
            (1, Gen.Int[200, 1100].Select(n => Enumerable.Repeat((byte)'a', n).ToArray())),
            (2, Gen.Int[0, s_nearLimits.Length - 1].Select(i => Enumerable.Repeat((byte)'b', s_nearLimits[i]).ToArray())));

        private static readonly Gen<byte[]> Input = Token.Array[0, 40].Select(ts => ts.SelectMany(t => t).ToArray());

        [TestMethod]
        public void Case6_RandomBytesRandomChunks_MatchTheReferenceModel_OnEveryPreset()
        {
            Gen.Select(Input, Gen.Int[1, 1500].Array[1, 6], Gen.Int[0, s_presets.Length - 1]).Sample((input, chunks, p) =>
            {
                var preset = s_presets[p];
                LineFramer framer = preset.Make();
                int maxLine = framer.MaxLine;
                var model = Model(input, maxLine, preset.BareLfEnds);

                var events = new List<string>();
                long surfaced = 0;
                int fed = 0, c = 0;
                while (true)
                {
                    FrameResult r = framer.TryTakeLine();
                    if (r == FrameResult.Line)
                    {
                        int endLength = framer.LineOffset + framer.LineLength < framer.Buffer.Length && framer.Buffer[framer.LineOffset + framer.LineLength] == 13 ? 2 : 1;
                        Assert.IsTrue(framer.LineLength + endLength <= maxLine, preset.Name + ": a line over the limit surfaced");
                        surfaced += framer.LineLength + endLength;
                        events.Add(Event(framer.Buffer, framer.LineOffset, framer.LineLength, framer.Flags));
                    }
                    else if (r == FrameResult.TooLong)
                    {
                        events.Add("TOO-LONG");
                    }
                    else
                    {
                        if (fed == input.Length)
                        {
                            break;
                        }

                        int n = Math.Min(chunks[c++ % chunks.Length], input.Length - fed);
                        fed += framer.Feed(input, fed, n);
                    }
                }

                CollectionAssert.AreEqual(model.Events, events, preset.Name);
                Assert.AreEqual(model.Surfaced, surfaced, preset.Name + ": surfaced bytes");
                Assert.AreEqual(model.Pending, framer.Buffered, preset.Name + ": unfinished tail");
                Assert.AreEqual(input.Length, model.Surfaced + model.Discarded + model.Pending, "the model accounts for every byte");
            }, iter: 500);
        }

        private static string Event(byte[] b, int offset, int length, LineFlags flags)
        {
            return Convert.ToHexString(b, offset, length) + "/" + flags;
        }

        /// <summary>The framing rules on the whole input at once: find each line end, then decide.</summary>
        private static (List<string> Events, long Surfaced, long Discarded, int Pending) Model(byte[] input, int maxLine, bool bareLfEnds)
        {
            var events = new List<string>();
            long surfaced = 0, discarded = 0;
            int pos = 0;
            while (pos < input.Length)
            {
                int lf = -1;
                for (int i = pos; i < input.Length; i++)
                {
                    if (input[i] == 10 && (bareLfEnds || (i > pos && input[i - 1] == 13)))
                    {
                        lf = i;
                        break;
                    }
                }

                if (lf < 0)
                {
                    int tail = input.Length - pos;
                    if (tail >= maxLine)
                    {
                        events.Add("TOO-LONG");   // reported as soon as the limit is reached without an end
                        discarded += tail;
                        tail = 0;
                    }

                    return (events, surfaced, discarded, tail);
                }

                int total = lf + 1 - pos;
                int content = input[lf - (lf > pos ? 1 : 0)] == 13 && lf > pos ? total - 2 : total - 1;
                if (total > maxLine)
                {
                    events.Add("TOO-LONG");
                    discarded += total;
                }
                else
                {
                    LineFlags flags = LineFlags.None;
                    for (int i = pos; i < pos + content; i++)
                    {
                        flags |= input[i] == 13 ? LineFlags.BareCr : input[i] == 10 ? LineFlags.BareLf : input[i] == 0 ? LineFlags.Nul : LineFlags.None;
                    }

                    events.Add(Event(input, pos, content, flags));
                    surfaced += total;
                }

                pos = lf + 1;
            }

            return (events, surfaced, discarded, 0);
        }
    }
}

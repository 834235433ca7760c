using System;
using System.Collections.Generic;
using NanoRelay.Framing;

namespace NanoRelay.Fuzz
{
    /// <summary>Frames a whole input through a framer in chunks and lists what surfaced, as text events.</summary>
    public static class Chunking
    {
        /// <summary>The chunk sizes a target compares: whole input, byte by byte, and one picked by the input.</summary>
        public static int[] Sizes(byte pick) => new[] { int.MaxValue, 1, 1 + (pick % 97) };

        /// <summary>Feeds <paramref name="input"/> in chunks of <paramref name="chunk"/>, calling <paramref name="onLine"/> per line (TooLong as length -1).</summary>
        public static void Frame(LineFramer framer, byte[] input, int chunk, Action<LineFramer, bool> onLine)
        {
            int fed = 0;
            while (true)
            {
                FrameResult r = framer.TryTakeLine();
                if (r == FrameResult.Line)
                {
                    FuzzFailure.Check(framer.LineLength >= 0 && framer.LineLength < framer.MaxLine, "a line over the limit surfaced: " + framer.LineLength);
                    onLine(framer, false);
                }
                else if (r == FrameResult.TooLong)
                {
                    onLine(framer, true);
                }
                else
                {
                    if (fed == input.Length)
                    {
                        return;
                    }

                    int n = Math.Min(chunk, input.Length - fed);
                    int took = framer.Feed(input, fed, n);
                    FuzzFailure.Check(took > 0 || framer.FreeCount == 0, "Feed took nothing with free room");
                    FuzzFailure.Check(took > 0, "Feed took nothing after NeedMore: the framer is stuck");
                    fed += took;
                }
            }
        }

        public static string Hex(byte[] b, int offset, int count) => Convert.ToHexString(b, offset, count);

        public static void SameEvents(List<string> expected, List<string> actual, string what)
        {
            FuzzFailure.Check(expected.Count == actual.Count, what + ": " + expected.Count + " events whole, " + actual.Count + " chunked");
            for (int i = 0; i < expected.Count; i++)
            {
                FuzzFailure.Check(expected[i] == actual[i], what + ": event " + i + " differs: " + expected[i] + " / " + actual[i]);
            }
        }
    }
}

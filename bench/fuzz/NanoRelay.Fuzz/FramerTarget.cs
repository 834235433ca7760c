using System;
using System.Collections.Generic;
using NanoRelay.Framing;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// The line framer, every preset: no exception, no line over the limit, and the same lines,
    /// flags and over-long reports whether the input comes whole, byte by byte or in odd chunks.
    /// Input: preset, chunk pick, then the bytes.
    /// </summary>
    public static class FramerTarget
    {
        private static readonly Func<LineFramer>[] s_presets =
        {
            LineFramer.ForSmtpServer, LineFramer.ForSmtpReplies, LineFramer.ForSmtpText, LineFramer.ForPop3Server, LineFramer.ForPop3Replies,
        };

        public static void Run(byte[] data)
        {
            FuzzInput input = new FuzzInput(data);
            Func<LineFramer> make = s_presets[input.Byte() % s_presets.Length];
            int[] sizes = Chunking.Sizes(input.Byte());
            byte[] bytes = input.Rest();
            List<string> first = null;
            int firstBuffered = 0;
            foreach (int size in sizes)
            {
                LineFramer framer = make();
                List<string> events = new List<string>();
                Chunking.Frame(framer, bytes, size, (f, tooLong) =>
                    events.Add(tooLong ? "TOO-LONG" : Chunking.Hex(f.Buffer, f.LineOffset, f.LineLength) + "/" + f.Flags));
                if (first == null)
                {
                    first = events;
                    firstBuffered = framer.Buffered;
                    continue;
                }

                Chunking.SameEvents(first, events, "chunks of " + size);
                FuzzFailure.Check(firstBuffered == framer.Buffered, "unfinished tail differs with chunks of " + size);
            }
        }
    }
}

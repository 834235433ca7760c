using NanoRelay.Framing;

namespace NanoRelay.Bench
{
    /// <summary>
    /// Frames a whole input fed in fixed segments, as a connection would deliver it; the BenchmarkDotNet suite and the
    /// nanoCLR benchmark (bench/nanoclr links this file) time the same loop.
    /// </summary>
    public static class FramerRun
    {
        /// <summary>One TCP MSS: the segment size both benchmarks feed.</summary>
        public const int Segment = 1460;

        /// <summary>Frames <paramref name="input"/>; returns the sum of the line lengths (minus one per over-long line).</summary>
        public static long FrameAll(LineFramer framer, byte[] input)
        {
            framer.DiscardBuffered();
            long sum = 0;
            int fed = 0;
            while (true)
            {
                FrameResult r = framer.TryTakeLine();
                if (r == FrameResult.Line)
                {
                    sum += framer.LineLength;
                }
                else if (r == FrameResult.TooLong)
                {
                    sum -= 1;
                }
                else
                {
                    if (fed >= input.Length)
                    {
                        return sum;
                    }

                    int n = input.Length - fed < Segment ? input.Length - fed : Segment;
                    fed += framer.Feed(input, fed, n);
                }
            }
        }
    }
}

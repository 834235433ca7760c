using System.Text;
using BenchmarkDotNet.Attributes;
using NanoRelay.Framing;

namespace NanoRelay.Bench
{
    /// <summary>
    /// Dot-stuffing 1 MiB of message text in 4096-byte chunks: the no-copy pass-through path on
    /// text without leading dots, and the Stuff path on text with them, beside a naive baseline
    /// (the whole message as a string, Replace("\r\n.", "\r\n.."), back to bytes).
    /// </summary>
    [MemoryDiagnoser]
    public class DotStufferBenchmarks
    {
        private const int Chunk = 4096;
        private readonly DotStuffer _stuffer = new DotStuffer();
        private readonly byte[] _out = new byte[DotStuffer.MaxOutput(Chunk) + 8];

        [Benchmark(Baseline = true)]
        public int Naive_StringReplace()
        {
            string s = Encoding.Latin1.GetString(Inputs.MessageText);
            if (s.StartsWith('.'))
            {
                s = "." + s;
            }

            byte[] wire = Encoding.Latin1.GetBytes(s.Replace("\r\n.", "\r\n..") + "\r\n.\r\n");
            return wire.Length;
        }

        [Benchmark]
        public int DotStuffer_Stuff()
        {
            return Run(Inputs.MessageText, false);
        }

        [Benchmark]
        public int DotStuffer_PassThroughOrStuff()
        {
            return Run(Inputs.MessageWithoutDots, true);
        }

        private int Run(byte[] input, bool tryPassThrough)
        {
            int total = 0;
            _stuffer.Reset();
            for (int i = 0; i < input.Length; i += Chunk)
            {
                int n = input.Length - i < Chunk ? input.Length - i : Chunk;
                if (tryPassThrough && _stuffer.TryPassThrough(input, i, n))
                {
                    total += n;
                }
                else
                {
                    total += _stuffer.Stuff(input, i, n, _out, 0);
                }
            }

            return total + _stuffer.Finish(_out, 0);
        }
    }
}

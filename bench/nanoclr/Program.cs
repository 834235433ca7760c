using System;
using System.Diagnostics;
using NanoRelay.Bench;
using NanoRelay.Crypto;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.NanoBench
{
    /// <summary>
    /// Runs each hot path over 256 KiB of the benchmark suite's inputs on the nanoCLR, best of three rounds, beside
    /// two baselines measured in the same run: a bare IL loop that sums the bytes (what any per-byte IL costs) and
    /// Array.IndexOf over the same bytes (what the runtime's native code costs). Prints one line per case:
    /// "BENCH name bytes ticks" (100 ns ticks); run.sh turns them into MB/s.
    /// </summary>
    public static class Program
    {
        private const int Size = 256 * 1024;
        private const int Rounds = 3;
        private const int Chunk = 4096;     // the message chunk of the DATA and RETR paths

        private static readonly string[] s_names =
        {
            "bare-il-loop", "native-scan", "framer-smtp", "framer-pop3", "dotstuffer-stuff", "dotstuffer-passthrough",
            "base64-encoder", "qp-encoder", "md5",
        };

        private static byte[] s_smtp;
        private static byte[] s_pop3;
        private static byte[] s_message;
        private static byte[] s_noDots;
        private static byte[] s_output;

        public static void Main()
        {
            s_smtp = Inputs.Smtp(Size);
            s_pop3 = Inputs.Pop3(Size);
            s_message = Inputs.Message(Size);
            s_noDots = Inputs.MessageNoDots(Size);
            s_output = new byte[DotStuffer.MaxOutput(Chunk) + 16];
            Debug.WriteLine("BENCH-START size " + Size + " rounds " + Rounds);
            for (int c = 0; c < s_names.Length; c++)
            {
                long best = long.MaxValue;
                long check = 0;
                for (int r = 0; r < Rounds; r++)
                {
                    long t0 = DateTime.UtcNow.Ticks;
                    check = Run(c);
                    long ticks = DateTime.UtcNow.Ticks - t0;
                    if (ticks < best)
                    {
                        best = ticks;
                    }
                }

                Debug.WriteLine("BENCH " + s_names[c] + " " + Size + " " + best + " check " + check);
            }

            Debug.WriteLine("BENCH-END");
        }

        private static long Run(int c)
        {
            switch (c)
            {
                case 0: return Sum(s_smtp);
                case 1: return CountLf(s_smtp);
                case 2: return FramerRun.FrameAll(LineFramer.ForSmtpServer(), s_smtp);
                case 3: return FramerRun.FrameAll(LineFramer.ForPop3Replies(), s_pop3);
                case 4: return Stuff(s_message, false);
                case 5: return Stuff(s_noDots, true);
                case 6: return Base64(s_message);
                case 7: return QuotedPrintable(s_message);
                default: return Md5Of(s_message);
            }
        }

        private static long Sum(byte[] b)
        {
            long sum = 0;
            for (int i = 0; i < b.Length; i++)
            {
                sum += b[i];
            }

            return sum;
        }

        private static long CountLf(byte[] b)
        {
            long n = 0;
            int at = 0;
            while ((at = Array.IndexOf(b, ByteScan.Lf, at, b.Length - at)) >= 0)
            {
                n++;
                at++;
            }

            return n;
        }

        private static long Stuff(byte[] input, bool passThroughFirst)
        {
            DotStuffer stuffer = new DotStuffer();
            long written = 0;
            for (int i = 0; i < input.Length; i += Chunk)
            {
                int n = input.Length - i < Chunk ? input.Length - i : Chunk;
                if (passThroughFirst && stuffer.TryPassThrough(input, i, n))
                {
                    written += n;
                }
                else
                {
                    written += stuffer.Stuff(input, i, n, s_output, 0);
                }
            }

            return written + stuffer.Finish(s_output, 0);
        }

        private static long Base64(byte[] input)
        {
            Base64Encoder encoder = new Base64Encoder();
            byte[] output = new byte[encoder.MaxOutput(Chunk) + 16];
            long written = 0;
            for (int i = 0; i < input.Length; i += Chunk)
            {
                int n = input.Length - i < Chunk ? input.Length - i : Chunk;
                written += encoder.Encode(input, i, n, output, 0);
            }

            return written + encoder.Finish(output, 0);
        }

        private static long QuotedPrintable(byte[] input)
        {
            QuotedPrintableEncoder encoder = new QuotedPrintableEncoder();
            byte[] output = new byte[QuotedPrintableEncoder.MaxOutput(Chunk) + 16];
            long written = 0;
            for (int i = 0; i < input.Length; i += Chunk)
            {
                int n = input.Length - i < Chunk ? input.Length - i : Chunk;
                written += encoder.Encode(input, i, n, output, 0);
            }

            return written + encoder.Finish(output, 0);
        }

        private static long Md5Of(byte[] input)
        {
            Md5 md5 = new Md5();
            md5.Update(input, 0, input.Length);
            byte[] hash = new byte[Md5.HashSize];
            md5.Final(hash, 0);
            return hash[0];
        }
    }
}

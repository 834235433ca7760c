using System;
using System.Diagnostics;
using NanoRelay.Bench;
using NanoRelay.Crypto;
using NanoRelay.Framing;
using NanoRelay.Mime;
using NanoRelay.NanoBench.Seed;

namespace NanoRelay.NanoBench
{
    /// <summary>
    /// Runs each hot path over 256 KiB of the benchmark suite's inputs on the nanoCLR, best of five rounds, beside
    /// three baselines measured in the same run: a bare IL loop that sums the bytes (what any per-byte IL costs),
    /// Array.IndexOf finding every LF of the same bytes (what the runtime's native code costs), and the same hot path
    /// as it was when issue 15 measured it (Seed/). Prints one line per case: "BENCH input name bytes ticks check"
    /// (100 ns ticks; a case and its seed- twin print the same check); run.sh turns them into MB/s.
    /// </summary>
    public static class Program
    {
        private const int Size = 256 * 1024;
        private const int Rounds = 5;
        private const int Chunk = 4096;     // the message chunk of the DATA and RETR paths

        // Each case: the input it runs on, then its name. Ratios are taken within an input: against that input's
        // bare IL loop and native scan, and against the seed- case of the same name (the code as issue 15 measured it).
        private static readonly string[] s_cases =
        {
            "lines70", "bare-il-loop", "lines70", "native-scan",
            "lines70", "native-scan-lf-cr", "lines70", "native-floor", "lines70", "framer-smtp-text", "lines70", "seed-framer-smtp-text",
            "lines70", "framer-smtp-server", "lines70", "framer-pop3-replies",
            "lines70", "dotstuffer-stuff", "lines70", "seed-dotstuffer-stuff",
            "lines70", "dotstuffer-passthrough", "lines70", "seed-dotstuffer-passthrough",
            "dialogue", "bare-il-loop", "dialogue", "native-scan",
            "dialogue", "framer-smtp-server", "dialogue", "seed-framer-smtp-server",
            "pop3", "bare-il-loop", "pop3", "native-scan",
            "pop3", "framer-pop3-replies", "pop3", "seed-framer-pop3-replies",
            "message", "bare-il-loop", "message", "native-scan",
            "message", "dotstuffer-stuff", "message", "seed-dotstuffer-stuff",
            "message", "base64-encoder", "message", "seed-base64-encoder",
            "message", "qp-encoder", "message", "seed-qp-encoder",
            "message", "md5",
        };

        private static byte[] s_lines70;
        private static byte[] s_smtp;
        private static byte[] s_pop3;
        private static byte[] s_message;
        private static byte[] s_output;

        public static void Main()
        {
            s_lines70 = Inputs.Text70(Size);
            s_smtp = Inputs.Smtp(Size);
            s_pop3 = Inputs.Pop3(Size);
            s_message = Inputs.Message(Size);
            s_output = new byte[QuotedPrintableEncoder.MaxOutput(Chunk) + 16];
            Debug.WriteLine("BENCH-START size " + Size + " rounds " + Rounds);
            for (int c = 0; c < s_cases.Length; c += 2)
            {
                byte[] input = Input(s_cases[c]);
                long best = long.MaxValue;
                long check = 0;
                for (int r = 0; r < Rounds; r++)
                {
                    long t0 = DateTime.UtcNow.Ticks;
                    check = Run(s_cases[c + 1], input);
                    long ticks = DateTime.UtcNow.Ticks - t0;
                    if (ticks < best)
                    {
                        best = ticks;
                    }
                }

                Debug.WriteLine("BENCH " + s_cases[c] + " " + s_cases[c + 1] + " " + Size + " " + best + " check " + check);
            }

            Debug.WriteLine("BENCH-END");
        }

        private static byte[] Input(string name)
        {
            switch (name)
            {
                case "lines70": return s_lines70;
                case "dialogue": return s_smtp;
                case "pop3": return s_pop3;
                default: return s_message;
            }
        }

        private static long Run(string name, byte[] input)
        {
            switch (name)
            {
                case "bare-il-loop": return Sum(input);
                case "native-scan": return CountLf(input);
                case "native-scan-lf-cr": return CountLfThenCr(input, false);
                case "native-floor": return CountLfThenCr(input, true);
                case "framer-smtp-text": return FramerRun.FrameAll(LineFramer.ForSmtpText(), input);
                case "seed-framer-smtp-text": return FrameAllSeed(SeedLineFramer.ForSmtpText(), input);
                case "framer-smtp-server": return FramerRun.FrameAll(LineFramer.ForSmtpServer(), input);
                case "seed-framer-smtp-server": return FrameAllSeed(SeedLineFramer.ForSmtpServer(), input);
                case "framer-pop3-replies": return FramerRun.FrameAll(LineFramer.ForPop3Replies(), input);
                case "seed-framer-pop3-replies": return FrameAllSeed(SeedLineFramer.ForPop3Replies(), input);
                case "dotstuffer-stuff": return Chunked(input, Stuffer, false);
                case "seed-dotstuffer-stuff": return Chunked(input, Stuffer, true);
                case "dotstuffer-passthrough": return Chunked(input, StufferPassThrough, false);
                case "seed-dotstuffer-passthrough": return Chunked(input, StufferPassThrough, true);
                case "base64-encoder": return Chunked(input, Base64Code, false);
                case "seed-base64-encoder": return Chunked(input, Base64Code, true);
                case "qp-encoder": return Chunked(input, QpCode, false);
                case "seed-qp-encoder": return Chunked(input, QpCode, true);
                default: return Md5Of(input);
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

        // Two native scans per line, as an exact CRLF framer needs: the LF, then any CR before the line's own. With
        // withNul, also a NUL scan per 1460-octet segment as the framer makes: the native work an exact framer cannot
        // avoid, with none of its IL.
        private static long CountLfThenCr(byte[] b, bool withNul)
        {
            long n = 0;
            int at = 0;
            int nulTo = 0;
            int lf;
            while ((lf = Array.IndexOf(b, ByteScan.Lf, at, b.Length - at)) >= 0)
            {
                if (lf > at && Array.IndexOf(b, ByteScan.Cr, at, lf - 1 - at) >= 0)
                {
                    n++;
                }

                if (withNul && lf >= nulTo)
                {
                    int to = nulTo + FramerRun.Segment < b.Length ? nulTo + FramerRun.Segment : b.Length;
                    if (Array.IndexOf(b, ByteScan.Nul, nulTo, to - nulTo) >= 0)
                    {
                        n++;
                    }

                    nulTo = to;
                }

                n++;
                at = lf + 1;
            }

            return n;
        }

        // FramerRun.FrameAll's loop over the seed framer.
        private static long FrameAllSeed(SeedLineFramer framer, byte[] input)
        {
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

                    int n = input.Length - fed < FramerRun.Segment ? input.Length - fed : FramerRun.Segment;
                    fed += framer.Feed(input, fed, n);
                }
            }
        }

        // One loop over the message in Chunk-octet pieces for the stuffers and encoders, today's and the seed's: the
        // dispatch costs one switch per 4 KiB chunk, the same for every case.
        private const int Stuffer = 0, StufferPassThrough = 1, Base64Code = 2, QpCode = 3;

        private static long Chunked(byte[] input, int what, bool seed)
        {
            DotStuffer stuffer = new DotStuffer();
            SeedDotStuffer seedStuffer = new SeedDotStuffer();
            Base64Encoder base64 = new Base64Encoder();
            SeedBase64Encoder seedBase64 = new SeedBase64Encoder();
            QuotedPrintableEncoder qp = new QuotedPrintableEncoder();
            SeedQuotedPrintableEncoder seedQp = new SeedQuotedPrintableEncoder();
            long written = 0;
            for (int i = 0; i < input.Length; i += Chunk)
            {
                int n = input.Length - i < Chunk ? input.Length - i : Chunk;
                switch (what + (seed ? 4 : 0))
                {
                    case StufferPassThrough:
                        written += stuffer.TryPassThrough(input, i, n) ? n : stuffer.Stuff(input, i, n, s_output, 0);
                        break;
                    case Stuffer: written += stuffer.Stuff(input, i, n, s_output, 0); break;
                    case Base64Code: written += base64.Encode(input, i, n, s_output, 0); break;
                    case QpCode: written += qp.Encode(input, i, n, s_output, 0); break;
                    case 4 + StufferPassThrough:
                        written += seedStuffer.TryPassThrough(input, i, n) ? n : seedStuffer.Stuff(input, i, n, s_output, 0);
                        break;
                    case 4 + Stuffer: written += seedStuffer.Stuff(input, i, n, s_output, 0); break;
                    case 4 + Base64Code: written += seedBase64.Encode(input, i, n, s_output, 0); break;
                    default: written += seedQp.Encode(input, i, n, s_output, 0); break;
                }
            }

            switch (what + (seed ? 4 : 0))
            {
                case Stuffer:
                case StufferPassThrough: return written + stuffer.Finish(s_output, 0);
                case Base64Code: return written + base64.Finish(s_output, 0);
                case QpCode: return written + qp.Finish(s_output, 0);
                case 4 + Stuffer:
                case 4 + StufferPassThrough: return written + seedStuffer.Finish(s_output, 0);
                case 4 + Base64Code: return written + seedBase64.Finish(s_output, 0);
                default: return written + seedQp.Finish(s_output, 0);
            }
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

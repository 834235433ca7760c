using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using NanoRelay.Framing;

namespace NanoRelay.Bench
{
    /// <summary>
    /// The line framer over 1 MiB of SMTP and POP3 lines, and of the 70-character text lines issue 15 states its
    /// figures for, fed in 1460-byte segments (one TCP MSS), beside StreamReader.ReadLine over the same bytes in a
    /// MemoryStream.
    /// </summary>
    [MemoryDiagnoser]
    public class FramingBenchmarks
    {
        private LineFramer _smtp;
        private LineFramer _pop3;
        private LineFramer _text;

        [GlobalSetup]
        public void Setup()
        {
            _smtp = LineFramer.ForSmtpServer();
            _pop3 = LineFramer.ForPop3Replies();
            _text = LineFramer.ForSmtpText();
        }

        [Benchmark]
        public long StreamReader_ReadLine_Lines70()
        {
            return ReadLines(Inputs.Lines70);
        }

        [Benchmark]
        public long LineFramer_SmtpText_Lines70()
        {
            return FramerRun.FrameAll(_text, Inputs.Lines70);
        }

        [Benchmark(Baseline = true)]
        public long StreamReader_ReadLine_Smtp()
        {
            return ReadLines(Inputs.SmtpLines);
        }

        [Benchmark]
        public long LineFramer_SmtpServer()
        {
            return FramerRun.FrameAll(_smtp, Inputs.SmtpLines);
        }

        [Benchmark]
        public long StreamReader_ReadLine_Pop3()
        {
            return ReadLines(Inputs.Pop3Lines);
        }

        [Benchmark]
        public long LineFramer_Pop3Replies()
        {
            return FramerRun.FrameAll(_pop3, Inputs.Pop3Lines);
        }

        private static long ReadLines(byte[] input)
        {
            long sum = 0;
            using (var reader = new StreamReader(new MemoryStream(input), Encoding.ASCII))
            {
                string line;
                while ((line = reader.ReadLine()) != null)
                {
                    sum += line.Length;
                }
            }

            return sum;
        }
    }
}

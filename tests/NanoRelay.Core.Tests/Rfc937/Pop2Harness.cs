using NanoRelay.Core.Tests.Rfc1939;
using NanoRelay.Pop2;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc937
{
    /// <summary>Runs POP2 connections through the real driver on the POP3 harness's server (its maildrop, account tech/secret, clock).</summary>
    public static class Pop2Harness
    {
        private const string Filler = "The quick brown fox jumps over the lazy dog 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ";

        /// <summary>Runs one connection whose client sends <paramref name="clientLines"/> ("\n" becomes CRLF); returns it.</summary>
        public static ScriptedConnection Run(Pop3Harness h, string clientLines, bool loopback, bool cleartextFromLan)
        {
            ScriptedConnection c = h.Connect(clientLines, loopback, false);
            Run(h, c, cleartextFromLan);
            return c;
        }

        /// <summary>Runs the driver on <paramref name="c"/> until the session ends.</summary>
        public static Pop2ServerDriver Run(Pop3Harness h, ScriptedConnection c, bool cleartextFromLan)
        {
            Pop2ServerDriver d = new Pop2ServerDriver(h.Server, c, 64, cleartextFromLan);
            d.Run();
            return d;
        }

        /// <summary>What the server wrote after its "#NNN" reply to HELO (the greeting and HELO's reply left out).</summary>
        public static string AfterHelo(Pop3Harness h, string commands)
        {
            string all = Run(h, "HELO tech secret\n" + commands, true, false).WrittenText;
            int helo = all.IndexOf(" messages in your mailbox\r\n");
            return helo < 0 ? "HELO FAILED: " + all : all.Substring(helo + 27);
        }

        /// <summary>A message of exactly <paramref name="length"/> octets (at least 60): headers, a blank line, text lines, CRLF ends.</summary>
        public static string Message(int number, int length)
        {
            string m = "From: postel@usc-isif.arpa\r\nSubject: message " + number.ToString() + "\r\n\r\n";
            while (m.Length < length)
            {
                int left = length - m.Length;
                int line = left <= 73 ? left - 2 : 70;
                m += Filler.Substring(0, line) + "\r\n";
            }

            return m;
        }

        /// <summary>
        /// Reads a C:/S: transcript next to the tests. "S: [data of message N]" (RFC 937's own
        /// placeholder) stands for messages[N - 1], sent as stored with nothing added.
        /// </summary>
        public static void LoadTranscript(string name, string[] messages, out byte[] client, out int[] lineEnds, out string expected)
        {
            string c;
            TranscriptFile.LoadExchange(name, messages, out c, out lineEnds, out expected);
            client = Pop3Harness.Latin1(c);
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests
{
    /// <summary>
    /// Loads the C:/S: transcript files kept next to the tests. On the host they are read from beside the test
    /// binaries; on the device, where there is no file system, from TranscriptFixtures, which each device test
    /// group carries as byte arrays generated from the same files (tests/NanoRelay.DeviceTests/*/TranscriptFixtures.g.cs;
    /// a host test keeps them equal to the files). The .txt files stay the single source.
    /// </summary>
    public static class TranscriptFile
    {
        /// <summary>The text of <paramref name="relativePath"/> (e.g. "Rfc5321/Transcripts/x.txt") below the test binaries' folder.</summary>
        public static string Load(string relativePath)
        {
#if NANOFRAMEWORK
            byte[] packed = TranscriptFixtures.Packed(relativePath);
            if (packed == null)
            {
                throw new System.ArgumentException("no fixture for " + relativePath + " in this test group");
            }

            byte[] bytes = PackedBytes.Unpack(packed);
            return Utf8.GetString(bytes, 0, bytes.Length);
#else
            return System.IO.File.ReadAllText(System.IO.Path.Combine(System.AppContext.BaseDirectory, relativePath));
#endif
        }

        /// <summary>The file's lines: CRLF or LF ends, the empty piece after a final line end left out.</summary>
        public static string[] LoadLines(string relativePath)
        {
            string text = Text.Replace(Load(relativePath), "\r\n", "\n");
            if (text.Length > 0 && text[text.Length - 1] == '\n')
            {
                text = text.Substring(0, text.Length - 1);
            }

            return text.Length == 0 ? new string[0] : text.Split('\n');
        }

        /// <summary>
        /// Reads a C:/S: transcript: the client's text (CRLF after each line), where each client line ends, and the
        /// server's expected text. With <paramref name="messages"/>, "S: [data of message N]" (RFC 937's placeholder)
        /// stands for messages[N - 1], sent as stored with nothing added.
        /// </summary>
        public static void LoadExchange(string name, string[] messages, out string client, out int[] lineEnds, out string expected)
        {
            string[] lines = LoadLines(name);
            int count = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("C:"))
                {
                    count++;
                }
            }

            lineEnds = new int[count];
            count = 0;
            string c = "";
            string s = "";
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i];
                string text = l.Length > 3 ? l.Substring(3) : "";
                if (l.StartsWith("C:"))
                {
                    c += text + "\r\n";
                    lineEnds[count++] = c.Length;
                }
                else if (messages != null && l.StartsWith("S: [data of message "))
                {
                    int n = 0;
                    for (int k = 17; k < text.Length - 1; k++)
                    {
                        n = (n * 10) + (text[k] - '0');
                    }

                    s += messages[n - 1];
                }
                else if (l.StartsWith("S:"))
                {
                    s += text + "\r\n";
                }
            }

            client = c;
            expected = s;
        }
    }
}

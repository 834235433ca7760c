using System;
#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// Replays a C:/S: transcript (Transcripts/*.txt) against a session three ways: each client
    /// block whole, line by line, and byte by byte (MailKit's Blit/Line/Char). Before each client
    /// block, every S: line above it must have been written, and nothing more.
    /// <para>Lines: "C: text" sends text + CRLF; "C- text" sends text alone; "S: text" is one
    /// expected reply line; escapes \r \n \0 \\ \xHH work in both (a NUL becomes "[NUL]", see
    /// Octets). "-- tls" runs the handshake STARTTLS asked for; "-- closed" asserts the session
    /// ended; "-- timeout" reports a read timeout; "-- advance N" moves the clock N ms; "#" starts
    /// a comment.</para>
    /// </summary>
    internal static class Transcript
    {
        public const int Whole = 0;
        public const int LineByLine = 1;
        public const int ByteByByte = 2;

        public static string Load(string name)
        {
            return TranscriptFile.Load("Rfc5321Server/Transcripts/" + name + ".txt");
        }

        public static void Replay(string name, int mode, ServerHarness h)
        {
            string[] lines = Text.Replace(Load(name), "\r\n", "\n").Split('\n');
            string expected = string.Empty;
            string actual = h.Start();
            string[] pending = new string[lines.Length];
            int pendingCount = 0;
            int blockLine = 0;
            for (int i = 0; i <= lines.Length; i++)
            {
                string line = i < lines.Length ? lines[i] : "-- end";
                bool client = line.StartsWith("C: ") || line.StartsWith("C- ");
                if (client)
                {
                    if (pendingCount == 0)
                    {
                        blockLine = i + 1;
                    }

                    pending[pendingCount++] = Unescape(line.Substring(3)) + (line[1] == ':' ? "\r\n" : string.Empty);
                    continue;
                }

                if (line.Length == 0 || line.StartsWith("#"))
                {
                    continue;
                }

                if (pendingCount > 0)
                {
                    Assert.AreEqual(expected, actual, name + " (mode " + mode + "): replies before the client block at line " + blockLine);
                    actual += Feed(h, pending, pendingCount, mode);
                    pendingCount = 0;
                }

                if (line.StartsWith("S: "))
                {
                    expected += Unescape(line.Substring(3)) + "\r\n";
                }
                else if (line == "-- tls")
                {
                    Assert.IsTrue(h.Session.WantsTls, name + ": STARTTLS pending at line " + (i + 1));
                    h.Session.TlsStarted();
                }
                else if (line == "-- closed")
                {
                    Assert.AreEqual(expected, actual, name + " (mode " + mode + "): replies before line " + (i + 1));
                    Assert.IsTrue(h.Session.IsClosed, name + ": closed at line " + (i + 1));
                }
                else if (line == "-- timeout")
                {
                    h.Session.TimedOut();
                    actual += h.Take();
                }
                else if (line.StartsWith("-- advance "))
                {
                    h.Clock.Advance(long.Parse(line.Substring(11)));
                }
                else if (line != "-- end")
                {
                    throw new InvalidOperationException(name + ": bad transcript line " + (i + 1) + ": " + line);
                }
            }

            Assert.AreEqual(expected, actual, name + " (mode " + mode + "): all replies");
        }

        private static string Feed(ServerHarness h, string[] pending, int count, int mode)
        {
            if (mode == Whole)
            {
                string all = string.Empty;
                for (int k = 0; k < count; k++)
                {
                    all += pending[k];
                }

                return h.Send(all);
            }

            string replies = string.Empty;
            for (int i = 0; i < count && !h.Session.IsClosed; i++)
            {
                replies += mode == LineByLine ? h.Send(pending[i]) : h.SendByteByByte(pending[i]);
            }

            return replies;
        }

        /// <summary>
        /// Undoes the escapes. A NUL (\0 or \x00) comes out as the marker "[NUL]", which the
        /// harness sends as one 0x00 octet: a string may not hold U+0000 on nanoCLR.
        /// </summary>
        public static string Unescape(string s)
        {
            if (s.IndexOf('\\') < 0)
            {
                return s;
            }

            char[] o = new char[s.Length * 3];   // an escape of two or more chars gives at most "[NUL]"
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c != '\\' || i + 1 >= s.Length)
                {
                    o[n++] = c;
                    continue;
                }

                char e = s[++i];
                int code = -1;
                switch (e)
                {
                    case 'r':
                        o[n++] = '\r';
                        break;
                    case 'n':
                        o[n++] = '\n';
                        break;
                    case '0':
                        code = 0;
                        break;
                    case 'x':
                        code = Convert.ToInt32(s.Substring(i + 1, 2), 16);
                        i += 2;
                        break;
                    default:
                        o[n++] = e;
                        break;
                }

                if (code == 0)
                {
                    for (int k = 0; k < Octets.Nul.Length; k++)
                    {
                        o[n++] = Octets.Nul[k];
                    }
                }
                else if (code > 0)
                {
                    o[n++] = (char)code;
                }
            }

            return new string(o, 0, n);
        }
    }
}

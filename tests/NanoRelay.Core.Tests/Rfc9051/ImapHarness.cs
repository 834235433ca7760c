using NanoRelay.Framing;
using NanoRelay.Imap;
using NanoRelay.Imap.Server;
using NanoRelay.Ports;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>An IMAP server on the real Mailbox over the in-memory file store; runs connections through the real driver.</summary>
    public sealed class ImapHarness
    {
        public ImapHarness()
        {
            Files = new MemoryFileStore();
            Clock = new ManualClock();
            Log = new MemoryLog();
            Mailbox = new Mailbox(Files, new SeededRandom(9), 0, 1000);
            Mailbox.Clock = Clock;
            Mailbox.Open();
            Options = new ImapServerOptions();
            Options.User = "tech";
            Options.Password = "secret";
            Options.TlsAvailable = true;
            Options.AuthFailureDelayMilliseconds = 0;
            Server = new ImapServer(Options, Mailbox, Clock, Log);
        }

        public MemoryFileStore Files { get; private set; }

        public ManualClock Clock { get; private set; }

        public MemoryLog Log { get; private set; }

        public Mailbox Mailbox { get; private set; }

        public ImapServerOptions Options { get; private set; }

        public ImapServer Server { get; private set; }

        /// <summary>Delivers a message (each "\n" stored as CRLF).</summary>
        public long Add(string text)
        {
            byte[] b = Octets.Of(Text.Replace(Text.Replace(text, "\r\n", "\n"), "\n", "\r\n"));
            Mailbox.Deliver(b, 0, b.Length, null);
            return Mailbox.UidNext - 1;
        }

        /// <summary>Runs a whole session on loopback (not secure): the client's lines ("\n" becomes CRLF), in one read; returns what the server wrote.</summary>
        public string Run(string clientLines)
        {
            return Run(clientLines, true, false, 0);
        }

        /// <summary>chunk 0: the whole script in one read; n: n octets per read.</summary>
        public string Run(string clientLines, bool loopback, bool secure, int chunk)
        {
            return Run(clientLines, loopback, secure, chunk, true);
        }

        /// <summary>As above; <paramref name="closeAtEnd"/> false: after the script the client stays and says nothing (reads time out).</summary>
        public string Run(string clientLines, bool loopback, bool secure, int chunk, bool closeAtEnd)
        {
            byte[] script = Octets.Of(Text.Replace(Text.Replace(clientLines, "\r\n", "\n"), "\n", "\r\n"));
            ScriptedConnection c = new ScriptedConnection(script, chunk == 0 ? script.Length : chunk);
            c.IsLoopback = loopback;
            c.IsSecure = secure;
            c.Clock = Clock;
            c.CloseAtEnd = closeAtEnd;
            new ImapServerDriver(Server, c, 64).Run();
            return c.WrittenText;
        }

        /// <summary>Logs in, selects INBOX, runs the commands; returns the replies after SELECT's completion.</summary>
        public string Selected(string commands)
        {
            string all = Run("a LOGIN tech secret\nb SELECT INBOX\n" + commands);
            int at = all.IndexOf("b OK [READ-WRITE] SELECT completed\r\n");
            return at < 0 ? "SELECT FAILED: " + all : all.Substring(at + 36);
        }

        /// <summary>
        /// Reads a C:/S:/P: transcript next to the tests: the client's text cut into parts at each
        /// "P:" line (the client waits there and something happens: <see cref="TranscriptPause"/>),
        /// what each pause says, and the server's expected text. Lines starting with '#' are comments.
        /// </summary>
        public static void LoadTranscript(string name, out string[] parts, out string[] pauses, out string expected)
        {
            string[] lines = TranscriptFile.LoadLines(name);
            int count = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("P:"))
                {
                    count++;
                }
            }

            parts = new string[count + 1];
            pauses = new string[count];
            count = 0;
            string c = "";
            string s = "";
            for (int i = 0; i < lines.Length; i++)
            {
                string l = lines[i];
                string text = l.Length > 3 ? l.Substring(3) : "";
                if (l.StartsWith("C:"))
                {
                    c += text + "\n";
                }
                else if (l.StartsWith("S:"))
                {
                    s += text + "\r\n";
                }
                else if (l.StartsWith("P:"))
                {
                    parts[count] = c;
                    pauses[count] = text;
                    count++;
                    c = "";
                }
            }

            parts[count] = c;
            expected = s;
        }

        /// <summary>Replays a transcript (chunk 0: each part whole; -1: a line per read; n: n octets per read); returns what the server wrote.</summary>
        public string Replay(string name, string newMail, bool loopback, int chunk)
        {
            string[] parts;
            string[] pauses;
            string expected;
            LoadTranscript(name, out parts, out pauses, out expected);
            PausingConnection c = new PausingConnection(parts, new TranscriptPause(this, pauses, newMail), Clock);
            c.Chunk = chunk;
            c.IsLoopback = loopback;
            new ImapServerDriver(Server, c, 64).Run();
            Expected = expected;
            Closed = c.IsClosed;
            return c.WrittenText;
        }

        /// <summary>The server's text the last <see cref="Replay"/> expected.</summary>
        public string Expected { get; private set; }

        /// <summary>Whether the server closed the connection in the last <see cref="Replay"/>.</summary>
        public bool Closed { get; private set; }
    }
}

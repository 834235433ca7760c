using NanoRelay.Pop3;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>Builds a POP3 server on in-memory ports and runs one connection through the real driver.</summary>
    public sealed class Pop3Harness
    {
        public Pop3Harness()
        {
            Maildrop = new MemoryMaildrop();
            Clock = new ManualClock();
            Log = new MemoryLog();
            Random = new SeededRandom(7);
            Options = new Pop3ServerOptions();
            Options.User = "tech";
            Options.Password = "secret";
            Options.TlsAvailable = true;
        }

        public MemoryMaildrop Maildrop { get; private set; }

        public ManualClock Clock { get; private set; }

        public MemoryLog Log { get; private set; }

        public IRandom Random { get; set; }

        public Pop3ServerOptions Options { get; private set; }

        public long GreetingCounterStart { get; set; }

        private Pop3Server _server;

        /// <summary>The server (made on first use, so options can be set before).</summary>
        public Pop3Server Server
        {
            get
            {
                if (_server == null)
                {
                    _server = new Pop3Server(Options, Maildrop, Clock, Random, Log, GreetingCounterStart);
                }

                return _server;
            }
        }

        /// <summary>Runs a whole session: the client's lines (CRLF added) read in one piece; returns what the server wrote.</summary>
        public string Run(string clientLines, bool loopback, bool secure)
        {
            ScriptedConnection c = Connect(clientLines, loopback, secure);
            Run(c);
            return c.WrittenText;
        }

        /// <summary>
        /// A connection whose script is <paramref name="clientLines"/> (each "\n" becomes CRLF, each
        /// "[NUL]" a 0x00 octet: see <see cref="Octets"/>), read one line at a time.
        /// </summary>
        public ScriptedConnection Connect(string clientLines, bool loopback, bool secure)
        {
            byte[] script = Latin1(Text.Replace(Text.Replace(clientLines, "\r\n", "\n"), "\n", "\r\n"));
            int lines = 0;
            for (int i = 0; i < script.Length; i++)
            {
                if (script[i] == (byte)'\n')
                {
                    lines++;
                }
            }

            int[] ends = new int[lines];
            lines = 0;
            for (int i = 0; i < script.Length; i++)
            {
                if (script[i] == (byte)'\n')
                {
                    ends[lines++] = i + 1;
                }
            }

            ScriptedConnection c = new ScriptedConnection(script, ends, 0);
            c.IsLoopback = loopback;
            c.IsSecure = secure;
            c.Clock = Clock;
            return c;
        }

        /// <summary>Logs in as tech/secret on a loopback connection, then runs <paramref name="commands"/>; returns the replies after the login.</summary>
        public string AfterLogin(string commands)
        {
            string all = Run("USER tech\nPASS secret\n" + commands, true, false);
            int login = all.IndexOf("octets)\r\n");
            return login < 0 ? "LOGIN FAILED: " + all : all.Substring(login + 9);
        }

        /// <summary>Stores one message, then <see cref="AfterLogin"/>.</summary>
        public string AfterLoginWith(string message, string commands)
        {
            Maildrop.Add(message);
            return AfterLogin(commands);
        }

        /// <summary>Runs one connection against another maildrop, with this harness's options and ports.</summary>
        public static void RunOn(NanoRelay.Pop3.IMaildrop maildrop, Pop3Harness h, IConnection connection)
        {
            Pop3Server server = new Pop3Server(h.Options, maildrop, h.Clock, h.Random, h.Log, 0);
            new Pop3ServerDriver(server, connection, 64).Run();
        }

        /// <summary>Runs the driver on the connection until the session ends.</summary>
        public Pop3ServerDriver Run(IConnection connection)
        {
            Pop3ServerDriver d = new Pop3ServerDriver(Server, connection, 64);
            d.Run();
            return d;
        }

        /// <summary>One byte per char, "[NUL]" as 0x00 (<see cref="Octets.Of"/>).</summary>
        public static byte[] Latin1(string s)
        {
            return Octets.Of(s);
        }

        /// <summary>Reads a C:/S: transcript next to the tests: the client's bytes, where each client line ends, and the server's expected bytes.</summary>
        public static void LoadTranscript(string name, out byte[] client, out int[] lineEnds, out string expected)
        {
            string c;
            TranscriptFile.LoadExchange(name, null, out c, out lineEnds, out expected);
            client = Latin1(c);
        }
    }
}

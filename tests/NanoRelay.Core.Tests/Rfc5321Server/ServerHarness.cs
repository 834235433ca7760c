using NanoRelay.Smtp.Server;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// One ingress session over in-memory ports: a manual clock, a seeded random source, a memory
    /// sink and log. Text goes in as Latin-1 (one byte per char, "[NUL]" for 0x00: see
    /// <see cref="Octets"/>); replies come out as text the same way.
    /// </summary>
    internal sealed class ServerHarness : ISmtpServerOutput
    {
        public const string LanClient = "192.168.1.20";
        public const string OutsideClient = "203.0.113.9";

        private readonly ByteBuffer _written = new ByteBuffer();
        private int _taken;

        public ServerHarness(string remoteAddress, bool isLoopback, SmtpServerOptions options)
        {
            Clock = new ManualClock();
            Log = new MemoryLog();
            Sink = new MemoryIngressSink();
            Options = options;
            Policy = RelayPolicy.Create(new string[] { "192.168.1.0/24", "127.0.0.0/8", "fd00::/8" });
            Session = new SmtpServerSession(options, Policy, Sink, this, Clock, Log, new SeededRandom(7), remoteAddress, isLoopback, false);
        }

        /// <summary>A LAN client in allowFrom, reject mode, no TLS, no users.</summary>
        public ServerHarness()
            : this(LanClient, false, NewOptions())
        {
        }

        public ManualClock Clock { get; private set; }

        public MemoryLog Log { get; private set; }

        public MemoryIngressSink Sink { get; private set; }

        public SmtpServerOptions Options { get; private set; }

        public RelayPolicy Policy { get; private set; }

        public SmtpServerSession Session { get; private set; }

        /// <summary>Options as the tests expect them: name "relay.test", 64 KB messages.</summary>
        public static SmtpServerOptions NewOptions()
        {
            SmtpServerOptions o = new SmtpServerOptions();
            o.ServerName = "relay.test";
            o.MaxMessageBytes = 65536;
            return o;
        }

        /// <summary>Sends the greeting and returns it.</summary>
        public string Start()
        {
            Session.Start();
            return Take();
        }

        /// <summary>Feeds the text whole and returns every reply written since the last call.</summary>
        public string Send(string text)
        {
            byte[] b = Bytes(text);
            Session.Receive(b, 0, b.Length);
            return Take();
        }

        /// <summary>Feeds the text one byte per call.</summary>
        public string SendByteByByte(string text)
        {
            byte[] b = Bytes(text);
            for (int i = 0; i < b.Length && !Session.IsClosed; i++)
            {
                Session.Receive(b, i, 1);
            }

            return Take();
        }

        /// <summary>EHLO and MAIL/RCPT for one recipient, then DATA; returns after the 354.</summary>
        public void OpenData()
        {
            Start();
            Send("EHLO client.lan\r\n");
            Send("MAIL FROM:<device@lan>\r\n");
            Send("RCPT TO:<ops@example.com>\r\n");
            string r = Send("DATA\r\n");
            if (r != "354 End data with <CR><LF>.<CR><LF>\r\n")
            {
                throw new System.InvalidOperationException("no 354: " + r);
            }
        }

        /// <summary>Replies written since the last call.</summary>
        public string Take()
        {
            byte[] all = _written.ToArray();
            string s = Latin1(all, _taken, all.Length - _taken);
            _taken = all.Length;
            return s;
        }

        /// <summary>Every reply of the session so far.</summary>
        public string All()
        {
            byte[] all = _written.ToArray();
            return Latin1(all, 0, all.Length);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _written.Write(buffer, offset, count);
        }

        public static byte[] Bytes(string text)
        {
            return Octets.Of(text);
        }

        public static string Latin1(byte[] b, int offset, int count)
        {
            return Octets.Show(b, offset, count);
        }

        /// <summary>How many reply lines in <paramref name="replies"/> start with <paramref name="code"/> ("250").</summary>
        public static int CountReplies(string replies, string code)
        {
            int n = 0;
            int at = 0;
            while (at < replies.Length)
            {
                int end = replies.IndexOf("\r\n", at);
                if (end < 0)
                {
                    end = replies.Length;
                }

                if (end - at >= 3 && replies.Substring(at, 3) == code)
                {
                    n++;
                }

                at = end + 2;
            }

            return n;
        }
    }
}

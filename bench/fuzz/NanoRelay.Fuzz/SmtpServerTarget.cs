using System;
using System.IO;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;
using NanoRelay.Testing;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// The SMTP server session (ingress: RFC 5321 server, AUTH, STARTTLS, DATA) with any client
    /// bytes. No exception; every reply line is "ddd" + SP or "-" with a 2xx-5xx code, ends in CRLF
    /// and fits 512 octets; no message is left open at the end; every stored message is CRLF lines
    /// without NUL, bare CR or LF, with recipients under the cap; a client outside allowFrom with
    /// no users configured never gets a message stored. Run whole, byte by byte and in odd chunks.
    /// Input: option flags, chunk pick, then the bytes.
    /// </summary>
    public static class SmtpServerTarget
    {
        public static void Run(byte[] data)
        {
            FuzzInput input = new FuzzInput(data);
            byte flags = input.Byte();
            int[] sizes = Chunking.Sizes(input.Byte());
            byte[] bytes = input.Rest();
            // Each chunking is checked on its own: the replies rightly depend on it, because a
            // command that came before the previous reply (not pipelined) is a synchronization error.
            foreach (int size in sizes)
            {
                Session(flags, bytes, size);
            }
        }

        private static void Session(byte flags, byte[] bytes, int size)
        {
            SmtpServerOptions options = new SmtpServerOptions
            {
                ServerName = "relay.test",
                MaxMessageBytes = 4096,
                MaxRecipients = 5,
                TlsAvailable = (flags & 1) != 0,
                BareLineEnds = (flags & 2) != 0 ? BareLineEnds.Normalize : BareLineEnds.Reject,
            };
            bool users = (flags & 4) != 0;
            if (users)
            {
                options.AddUser("tech", "secret");
            }

            bool allowed = (flags & 8) != 0;
            MemoryIngressSink sink = new MemoryIngressSink(20000);
            Output output = new Output();
            SmtpServerSession session = new SmtpServerSession(options, RelayPolicy.Create(new[] { "192.0.2.0/24" }), sink, output, new ManualClock(), new MemoryLog(),
                new SeededRandom(9), allowed ? "192.0.2.7" : "198.51.100.9", (flags & 16) != 0, (flags & 32) != 0);
            session.Start();
            int fed = 0;
            while (fed < bytes.Length && !session.IsClosed)
            {
                if (session.WantsTls)
                {
                    FuzzFailure.Check(options.TlsAvailable && !session.IsSecure, "STARTTLS accepted without TLS available or under TLS");
                    session.TlsStarted();
                    continue;
                }

                int taken = session.Receive(bytes, fed, Math.Min(size, bytes.Length - fed));
                FuzzFailure.Check(taken > 0 || session.IsClosed || session.WantsTls, "Receive took nothing from an open session");
                fed += taken;
            }

            FuzzFailure.Check(users || !session.IsAuthenticated, "authenticated with no users configured");
            session.ConnectionLost();
            FuzzFailure.Check(session.IsClosed, "ConnectionLost left the session open");
            FuzzFailure.Check(sink.Open == 0, sink.Open + " message(s) left open");
            FuzzFailure.Check(allowed || users || sink.Count == 0, "a client outside allowFrom stored mail without AUTH");
            CheckReplies(output.Bytes.ToArray());
            for (int i = 0; i < sink.Count; i++)
            {
                MemoryIngressSink.StoredIngressMessage m = sink[i];
                FuzzFailure.Check(m.Recipients.Length >= 1 && m.Recipients.Length <= options.MaxRecipients, m.Recipients.Length + " recipients stored");
                CheckContent(m.Content);
            }
        }

        private static void CheckReplies(byte[] o)
        {
            int start = 0;
            for (int i = 0; i < o.Length; i++)
            {
                if (o[i] != 10)
                {
                    continue;
                }

                int n = i + 1 - start;
                FuzzFailure.Check(n <= 512, "reply line of " + n + " octets");
                FuzzFailure.Check(n >= 5 && o[i - 1] == 13, "reply line without CRLF or code");
                FuzzFailure.Check(o[start] >= '2' && o[start] <= '5' && char.IsAsciiDigit((char)o[start + 1]) && char.IsAsciiDigit((char)o[start + 2]), "reply code " + Chunking.Hex(o, start, 3));
                FuzzFailure.Check(n == 5 || o[start + 3] == ' ' || o[start + 3] == '-', "no SP or - after the reply code");
                for (int k = start; k < i - 1; k++)
                {
                    FuzzFailure.Check(o[k] >= 32 && o[k] < 127, "control or 8-bit octet in a reply: " + o[k]);
                }

                start = i + 1;
            }

            FuzzFailure.Check(start == o.Length, "output ends inside a reply line");
        }

        private static void CheckContent(byte[] c)
        {
            for (int i = 0; i < c.Length; i++)
            {
                FuzzFailure.Check(c[i] != 0, "NUL stored at " + i);
                if (c[i] == 13)
                {
                    FuzzFailure.Check(i + 1 < c.Length && c[i + 1] == 10, "bare CR stored at " + i);
                    i++;
                    continue;
                }

                FuzzFailure.Check(c[i] != 10, "bare LF stored at " + i);
            }

            FuzzFailure.Check(c.Length == 0 || (c.Length >= 2 && c[c.Length - 2] == 13 && c[c.Length - 1] == 10), "stored content does not end with CRLF");
        }

        private sealed class Output : ISmtpServerOutput
        {
            public readonly MemoryStream Bytes = new MemoryStream();

            public void Write(byte[] buffer, int offset, int count)
            {
                Bytes.Write(buffer, offset, count);
            }
        }
    }
}

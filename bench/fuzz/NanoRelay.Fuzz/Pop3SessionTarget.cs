using System;
using NanoRelay.Framing;
using NanoRelay.Pop3;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Fuzz
{
    /// <summary>
    /// The POP3 server session (RFC 1939/2449/2595/5034) driven as its driver does, with a
    /// maildrop of three messages: any client bytes. No exception; every command gets output
    /// that ends in CRLF and starts with "+OK", "-ERR" or (SASL) "+ "; no transaction state
    /// without the lock; the lock is released at the end; a message is never removed
    /// unless QUIT ran the update. Input: option flags, chunk size, then the bytes.
    /// </summary>
    public static class Pop3SessionTarget
    {
        private const string User = "tech";
        private const string Password = "secret";

        public static void Run(byte[] data)
        {
            FuzzInput input = new FuzzInput(data);
            byte flags = input.Byte();
            int chunk = 1 + input.Byte();
            byte[] bytes = input.Rest();

            MemoryMaildrop maildrop = new MemoryMaildrop();
            maildrop.Add("Subject: one\r\n\r\nfirst body\r\n.dot line\r\n");
            maildrop.Add("Subject: two\r\nX: y\r\n\r\n" + new string('x', 300) + "\r\nline 2\r\nline 3\r\n");
            maildrop.Add("");
            Pop3ServerOptions options = new Pop3ServerOptions
            {
                User = User,
                Password = Password,
                Apop = (flags & 1) != 0,
                TlsAvailable = (flags & 2) != 0,
            };
            ManualClock clock = new ManualClock();
            Pop3Server server = new Pop3Server(options, maildrop, clock, new SeededRandom(flags), new MemoryLog(), 0);
            Pop3ServerSession session = new Pop3ServerSession(server, (flags & 4) != 0, (flags & 8) != 0);
            session.Start();
            CheckOutput(session, "greeting");
            session.ClearOutput();

            LineFramer framer = LineFramer.ForPop3Server();
            bool closed = false;
            int fed = 0;
            while (!closed)
            {
                FrameResult r = framer.TryTakeLine();
                if (r == FrameResult.NeedMore)
                {
                    if (fed == bytes.Length)
                    {
                        break;
                    }

                    fed += framer.Feed(bytes, fed, Math.Min(chunk, bytes.Length - fed));
                    continue;
                }

                if (r == FrameResult.Line)
                {
                    session.Feed(framer.Buffer, framer.LineOffset, framer.LineLength, framer.Flags);
                }
                else
                {
                    session.FeedTooLong();
                }

                CheckOutput(session, "reply");
                session.ClearOutput();
                while (session.HasListing)
                {
                    session.Continue();
                    FuzzFailure.Check(session.OutputLength == 0 || EndsWithCrlf(session), "listing output without a line end");
                    session.ClearOutput();
                }

                if (session.Message != null)
                {
                    IFileReader reader = session.Message;
                    byte[] buffer = new byte[97];
                    long total = 0;
                    int n;
                    while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += n;
                    }

                    FuzzFailure.Check(total == reader.Length, "message reader gave " + total + " of " + reader.Length);
                    session.MessageSent();
                }

                if (session.State == Pop3State.Transaction || session.State == Pop3State.Update)
                {
                    FuzzFailure.Check(maildrop.IsLocked, "transaction state without the maildrop lock");
                }

                switch (session.Action)
                {
                    case Pop3Action.StartTls:
                        FuzzFailure.Check(options.TlsAvailable && !session.IsSecure, "STLS started without TLS available or under TLS");
                        framer.DiscardBuffered();
                        session.TlsStarted();
                        break;
                    case Pop3Action.Close:
                        closed = true;
                        break;
                }
            }

            bool updated = session.State == Pop3State.Update || session.State == Pop3State.Closed && closed;
            session.End();
            FuzzFailure.Check(session.State == Pop3State.Closed, "End left state " + session.State);
            FuzzFailure.Check(!maildrop.IsLocked, "the maildrop lock outlived the session");
            session.End();
            FuzzFailure.Check(updated || maildrop.Stored == 3, "a message was removed without the UPDATE state");
        }

        private static bool EndsWithCrlf(Pop3ServerSession session) =>
            session.OutputLength >= 2 && session.Output[session.OutputLength - 2] == 13 && session.Output[session.OutputLength - 1] == 10;

        private static void CheckOutput(Pop3ServerSession session, string what)
        {
            int n = session.OutputLength;
            FuzzFailure.Check(n > 0 || session.Message != null || session.HasListing, what + ": no output");
            if (n == 0)
            {
                return;
            }

            byte[] o = session.Output;
            FuzzFailure.Check(EndsWithCrlf(session), what + ": output does not end with CRLF");
            bool ok = n >= 3 && o[0] == '+' && o[1] == 'O' && o[2] == 'K';
            bool err = n >= 4 && o[0] == '-' && o[1] == 'E' && o[2] == 'R' && o[3] == 'R';
            bool sasl = n >= 2 && o[0] == '+' && o[1] == ' ';
            FuzzFailure.Check(ok || err || sasl, what + ": output starts with " + Chunking.Hex(o, 0, Math.Min(n, 8)));
            for (int i = 0; i < n; i++)
            {
                FuzzFailure.Check(o[i] != 0, what + ": NUL in output");
                FuzzFailure.Check(o[i] != 10 || (i > 0 && o[i - 1] == 13), what + ": bare LF in output");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// A small POP3 client (RFC 1939, STLS of RFC 2595) written apart from the core, so the demo's
    /// last hop is read by something that does not share the server's code: STLS first, with the
    /// server's certificate pinned, then USER/PASS, STAT, RETR of the newest message, QUIT.
    /// Every read has a timeout; a line is at most 1000 octets.
    /// </summary>
    public sealed class DemoPop3Client : IDisposable
    {
        private const int MaxLine = 1000;

        private readonly TcpClient _tcp;
        private Stream _stream;

        private DemoPop3Client(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
        }

        /// <summary>Connects, checks the greeting and upgrades with STLS, trusting only <paramref name="pinned"/>.</summary>
        public static DemoPop3Client Connect(string host, int port, X509Certificate2 pinned, int timeoutMilliseconds)
        {
            TcpClient tcp = new TcpClient();
            tcp.ReceiveTimeout = timeoutMilliseconds;
            tcp.SendTimeout = timeoutMilliseconds;
            if (!tcp.ConnectAsync(host, port).Wait(timeoutMilliseconds))
            {
                tcp.Dispose();
                throw new IOException("POP3: no connection to " + host + ":" + port + " within " + timeoutMilliseconds + " ms");
            }

            DemoPop3Client c = new DemoPop3Client(tcp);
            Expect(c.ReadLine(), "greeting");
            Expect(c.Command("STLS"), "STLS");
            SslStream tls = new SslStream(c._stream, false, (sender, certificate, chain, errors) =>
                certificate != null && pinned != null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned.RawData));
            tls.ReadTimeout = timeoutMilliseconds;
            tls.WriteTimeout = timeoutMilliseconds;
            tls.AuthenticateAsClient(host);
            c._stream = tls;
            return c;
        }

        /// <summary>USER and PASS (RFC 1939 §7), over TLS by now.</summary>
        public void Login(string user, string password)
        {
            Expect(Command("USER " + user), "USER");
            Expect(Command("PASS " + password), "PASS");
        }

        /// <summary>STAT: how many messages the maildrop holds.</summary>
        public int Count()
        {
            string reply = Expect(Command("STAT"), "STAT");
            string[] parts = reply.Split(' ');
            return parts.Length >= 2 && int.TryParse(parts[1], out int n) ? n : throw new IOException("POP3: bad STAT reply: " + reply);
        }

        /// <summary>RETR: the message as sent, dot-unstuffed, lines ending in CRLF.</summary>
        public byte[] Retrieve(int number)
        {
            Expect(Command("RETR " + number), "RETR");
            MemoryStream message = new MemoryStream();
            while (true)
            {
                string line = ReadLine();
                if (line == ".")
                {
                    return message.ToArray();
                }

                byte[] bytes = Encoding.Latin1.GetBytes(line.StartsWith("..", StringComparison.Ordinal) ? line.Substring(1) : line);
                message.Write(bytes, 0, bytes.Length);
                message.Write(new byte[] { 13, 10 }, 0, 2);
            }
        }

        /// <summary>QUIT (RFC 1939 §6: the UPDATE state).</summary>
        public void Quit()
        {
            Expect(Command("QUIT"), "QUIT");
        }

        public void Dispose()
        {
            _stream.Dispose();
            _tcp.Dispose();
        }

        private string Command(string line)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(line + "\r\n");
            _stream.Write(bytes, 0, bytes.Length);
            _stream.Flush();
            return ReadLine();
        }

        private static string Expect(string reply, string what)
        {
            if (!reply.StartsWith("+OK", StringComparison.Ordinal))
            {
                throw new IOException("POP3 " + what + ": " + reply);
            }

            return reply;
        }

        // One line without its CRLF; the body is read as Latin-1 so every octet survives as one char.
        private string ReadLine()
        {
            List<byte> line = new List<byte>();
            while (true)
            {
                int b = _stream.ReadByte();
                if (b < 0)
                {
                    throw new IOException("POP3: the server closed the connection");
                }

                if (b == '\n')
                {
                    if (line.Count > 0 && line[line.Count - 1] == '\r')
                    {
                        line.RemoveAt(line.Count - 1);
                    }

                    return Encoding.Latin1.GetString(line.ToArray());
                }

                if (line.Count >= MaxLine)
                {
                    throw new IOException("POP3: a line longer than " + MaxLine + " octets");
                }

                line.Add((byte)b);
            }
        }
    }
}

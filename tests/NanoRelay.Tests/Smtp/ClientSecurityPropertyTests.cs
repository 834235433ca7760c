using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Smtp;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Smtp
{
    /// <summary>
    /// Properties over arbitrary server behaviour (replies from a vocabulary of real and hostile
    /// lines, in any order, delivered in any chunks, not waiting for our commands): the client never
    /// throws, always ends, and with TLS required never writes AUTH, a credential or MAIL before the
    /// TLS handshake (docs/catalogue.md #36-#38, #43).
    /// </summary>
    [TestClass]
    public class ClientSecurityPropertyTests
    {
        // Whole replies (multi-line ones included), good and hostile; "\r\n" between replies is added.
        private static readonly string[] Vocabulary =
        {
            "220 mx ESMTP", "220 2.0.0 Ready to start TLS", "250-mx\r\n250-STARTTLS\r\n250-PIPELINING\r\n250 AUTH PLAIN LOGIN CRAM-MD5",
            "250-mx\r\n250 AUTH PLAIN", "250-mx\r\n250 STARTTLS", "250 ok", "250", "354 go", "334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6",
            "334 PDE4OTY+", "334 not base64", "235 2.7.0 ok", "421 4.3.2 bye", "451 4.3.0 later", "454 4.7.0 no TLS", "502 5.5.1 no",
            "535 5.7.8 bad", "550 5.1.1 no", "221 bye", "2500 x", "25", "250-", "XXX", "220 go\r\n250-evil\r\n250 AUTH PLAIN",
            "250-mx\r\n251 STARTTLS", "250 a\rb",
        };

        /// <summary>
        /// A server that answers in lock-step: one reply becomes readable per command line the client
        /// wrote (the first is the greeting), delivered in the given chunk sizes; when the script or
        /// the allowance runs out it hangs up. Remembers what was written before TLS.
        /// </summary>
        private sealed class RecordingConnection : IConnection
        {
            private readonly string[] _replies;
            private readonly int[] _chunks;
            private readonly MemoryStream _plain = new MemoryStream();
            private byte[] _current = Array.Empty<byte>();
            private int _position;
            private int _next;
            private int _allowance = 1;
            private int _chunk;

            public RecordingConnection(string[] replies, int[] chunks)
            {
                _replies = replies;
                _chunks = chunks;
            }

            public string WrittenInPlaintext => Encoding.ASCII.GetString(_plain.ToArray());

            public bool IsSecure { get; private set; }

            public int WriteTimeoutMilliseconds { set { } }

            public bool IsLoopback => false;

            public string RemoteAddress => "192.0.2.9";

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
            {
                if (_position >= _current.Length)
                {
                    if (_allowance <= 0 || _next >= _replies.Length)
                    {
                        return ConnectionRead.Closed;
                    }

                    _allowance--;
                    _current = Encoding.ASCII.GetBytes(_replies[_next++] + "\r\n");
                    _position = 0;
                }

                int n = Math.Min(Math.Min(count, _chunks[_chunk++ % _chunks.Length]), _current.Length - _position);
                Array.Copy(_current, _position, buffer, offset, n);
                _position += n;
                return n;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                for (int i = offset; i < offset + count; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        _allowance++;
                    }
                }

                if (!IsSecure)
                {
                    _plain.Write(buffer, offset, count);
                }
            }

            public void StartTlsAsClient(string targetHost)
            {
                IsSecure = true;
            }

            public void StartTlsAsServer()
            {
                throw new ConnectionException("not a server");
            }

            public void Close()
            {
            }
        }

        private const string Caps = "250-mx\r\n250-STARTTLS\r\n250-PIPELINING\r\n250 AUTH PLAIN";

        // The honest dialogues the mutations start from: 587 with STARTTLS, and plaintext (tls none).
        private static readonly string[] StartTlsPath = { "220 mx", Caps, "220 Ready", Caps, "235 ok", "250 ok", "250 ok", "354 go", "250 queued", "221 bye" };
        private static readonly string[] PlainPath = { "220 mx", Caps, "235 ok", "250 ok", "250 ok", "354 go", "250 queued", "221 bye" };

        // Each reply of the honest path is kept or (one time in three) replaced by any vocabulary reply.
        private static Gen<(int[], int[])> Servers(string[] path)
        {
            return Gen.Select(Gen.Int[0, (3 * Vocabulary.Length) - 1].Array[path.Length], Gen.Int[1, 64].Array[1, 6]);
        }

        private static string[] Script(string[] path, int[] picks)
        {
            return picks.Select((p, i) => p < Vocabulary.Length ? Vocabulary[p] : path[i]).ToArray();
        }

        // One session: open, one message, close. Returns what went out before TLS.
        private static string Run(string[] replies, int[] chunks, SmtpTlsMode tls, out SmtpOutcome sent)
        {
            var connection = new RecordingConnection(replies, chunks);
            var settings = new SmtpClientSettings { Host = "mx.example", Tls = tls, User = "alerts@example.com", Password = "app-password", HeloName = "relay.example" };
            var driver = new SmtpClientDriver(null, new ManualClock(), new MemoryLog(), settings);
            driver.Open(connection);
            sent = driver.Send(new SmtpEnvelope("a@example.com", new[] { "b@example.com" }), new MemoryReader(Encoding.ASCII.GetBytes("hello\r\n")));
            driver.Close();
            return connection.WrittenInPlaintext;
        }

        [TestMethod]
        public void AnyServerBehaviour_NoThrow_AndNoCredentialOrMailBeforeTls()
        {
            int accepted = 0;
            Servers(StartTlsPath).Sample((picks, chunks) =>
            {
                string plain = Run(Script(StartTlsPath, picks), chunks, SmtpTlsMode.StartTls, out SmtpOutcome sent);
                accepted += sent.Accepted ? 1 : 0;
                Assert.IsFalse(plain.Contains("AUTH"), plain);
                Assert.IsFalse(plain.Contains("MAIL FROM"), plain);
                Assert.IsFalse(plain.Contains("YXBwLXBhc3N3b3Jk") || plain.Contains("AGFsZXJ0c0BleGFtcGxlLmNvbQBhcHAtcGFzc3dvcmQ="), plain);
                Assert.IsNotNull(sent);
                Assert.IsTrue(sent.Accepted || sent.Failure != SmtpFailure.None);
            }, iter: 5000, threads: 1);
            Console.WriteLine("of 5000 generated servers, " + accepted + " took the message over TLS");
            Assert.IsTrue(accepted > 50, "accepted " + accepted);
        }

        [TestMethod]
        public void Control_WithTlsNone_TheSameServersDoReachAuthAndMail()
        {
            // Shows the property above is not vacuous: the generated servers lead a client to AUTH and
            // MAIL often enough, so with TLS required it is the client that refuses.
            int auth = 0, mail = 0, accepted = 0;
            Servers(PlainPath).Sample((picks, chunks) =>
            {
                string plain = Run(Script(PlainPath, picks), chunks, SmtpTlsMode.None, out SmtpOutcome sent);
                auth += plain.Contains("AUTH ") ? 1 : 0;
                mail += plain.Contains("MAIL FROM") ? 1 : 0;
                accepted += sent.Accepted ? 1 : 0;
            }, iter: 5000, threads: 1);
            Console.WriteLine("of 5000 generated servers: AUTH reached " + auth + ", MAIL reached " + mail + ", accepted " + accepted);
            Assert.IsTrue(auth > 50, "AUTH reached " + auth);
            Assert.IsTrue(mail > 5, "MAIL reached " + mail);
        }
    }
}

using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Smtp;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// RFC 1047: a crash between the upstream's 250 to the final dot and the local record that
    /// the message went out sends it again. The window is kept to the local bookkeeping: the
    /// spool entry is gone before QUIT is written (the QUIT round trip, and on the device a
    /// slow or silent server's 221, are outside it). Found by tests/interop/50-kill-soak.sh,
    /// whose one duplicate in 30 kills came from a kill during QUIT.
    /// </summary>
    [TestClass]
    public class Rfc1047_DuplicateWindowTests
    {
        [TestMethod]
        public void AcceptedMessage_IsRemovedFromTheSpool_BeforeQuitIsSent()
        {
            var files = new MemoryFileStore();
            var clock = new ManualClock();
            var spool = new Spool(files, clock, new SeededRandom(1), 0, 100);
            spool.Open();
            StoreWriter w = spool.Begin("camera@lan.test", new[] { "ops@example.com" }, "<w@lan.test>");
            byte[] content = Encoding.ASCII.GetBytes("Subject: w\r\nMessage-ID: <w@lan.test>\r\n\r\nbody\r\n");
            w.Write(content, 0, content.Length);
            w.Commit();

            byte[] server = Encoding.ASCII.GetBytes("220 upstream.test ESMTP\r\n250-upstream.test\r\n250 8BITMIME\r\n250 2.1.0 ok\r\n250 2.1.5 ok\r\n354 go on\r\n250 2.0.0 queued\r\n221 2.0.0 bye\r\n");
            var connector = new QuitWatcher(new ScriptedConnection(server, 1), spool);
            var settings = new SmtpClientSettings { Host = "upstream.test", Port = 25, Tls = SmtpTlsMode.None };
            var worker = new RelayWorker(spool, null, new SmtpUpstream(connector, clock, new MemoryLog(), settings), clock, new SeededRandom(2), new RetryPolicy(60, 3600, 72), "relay.test", new MemoryLog());

            Assert.AreEqual(1, worker.RunDue());
            Assert.AreEqual(1, worker.Counters.Sent);
            Assert.IsTrue(connector.QuitSeen, "QUIT was sent");
            Assert.AreEqual(0, connector.SpoolCountAtQuit, "the entry is removed before QUIT");
            Assert.AreEqual(0, spool.Count);
        }

        // Hands out one connection and notes the spool's size when the client writes QUIT.
        private sealed class QuitWatcher : IConnector, IConnection
        {
            private readonly ScriptedConnection _inner;
            private readonly Spool _spool;

            public QuitWatcher(ScriptedConnection inner, Spool spool)
            {
                _inner = inner;
                _spool = spool;
            }

            public bool QuitSeen { get; private set; }

            public int SpoolCountAtQuit { get; private set; } = -1;

            public bool IsSecure { get { return _inner.IsSecure; } }

            public int WriteTimeoutMilliseconds { set { } }

            public bool IsLoopback { get { return false; } }

            public string RemoteAddress { get { return _inner.RemoteAddress; } }

            public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
            {
                return this;
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
            {
                return _inner.Read(buffer, offset, count, timeoutMilliseconds);
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                if (!QuitSeen && Encoding.ASCII.GetString(buffer, offset, count).StartsWith("QUIT"))
                {
                    QuitSeen = true;
                    SpoolCountAtQuit = _spool.Count;
                }

                _inner.Write(buffer, offset, count);
            }

            public void StartTlsAsClient(string targetHost)
            {
                _inner.StartTlsAsClient(targetHost);
            }

            public void StartTlsAsServer()
            {
                _inner.StartTlsAsServer();
            }

            public void Close()
            {
                _inner.Close();
            }
        }
    }
}

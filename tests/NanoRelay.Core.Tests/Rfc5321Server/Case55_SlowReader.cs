#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using NanoRelay.Ports;
using NanoRelay.Smtp.Server;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321Server
{
    /// <summary>
    /// docs/catalogue.md #55: a client that stops reading must not hold a session slot. The core's
    /// session code bounds every write through the port (IConnection.WriteTimeoutMilliseconds);
    /// no adapter has to know which sessions need it.
    /// </summary>
    [TestClass]
    public class Case55_SlowReader
    {
        // Hands out one connection, then reports the listener closed once that session has closed it.
        private sealed class OneConnectionListener : IListener
        {
            private readonly ScriptedConnection _connection;
            private bool _accepted;

            public OneConnectionListener(ScriptedConnection c)
            {
                _connection = c;
            }

            public int Port { get { return 25; } }

            public IConnection Accept()
            {
                if (!_accepted)
                {
                    _accepted = true;
                    return _connection;
                }

                for (int i = 0; i < 1000 && !_connection.IsClosed; i++)
                {
                    Thread.Sleep(10);
                }

                return null;
            }

            public void Close()
            {
            }
        }

        [TestMethod]
        public void SmtpSession_SetsTheWriteTimeout()
        {
            ServerHarness h = new ServerHarness();
            ScriptedConnection c = new ScriptedConnection(ServerHarness.Bytes("QUIT\r\n"), 64);
            c.Clock = h.Clock;
            c.WaitsForReplies = true;   // a polite client: QUIT after the greeting
            SmtpServerListener listener = new SmtpServerListener(new OneConnectionListener(c), 2, h.Options, h.Policy, h.Sink, h.Clock, new MemoryLog(), new SeededRandom(3));
            listener.Run();
            listener.Stop(10000);
            Assert.AreEqual(Limits.SessionWriteTimeoutMs, c.WriteTimeoutMilliseconds);
            Assert.IsTrue(c.WrittenText.IndexOf("221 ") > 0);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
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
        [TestMethod]
        public void SmtpSession_SetsTheWriteTimeout()
        {
            ServerHarness h = new ServerHarness();
            ScriptedConnection c = new ScriptedConnection(ServerHarness.Bytes("QUIT\r\n"), 64);
            c.Clock = h.Clock;
            c.WaitsForReplies = true;   // a polite client: QUIT after the greeting
            SmtpServer server = new SmtpServer(h.Options, 2, h.Policy, h.Sink, h.Clock, new MemoryLog(), new SeededRandom(3));
            server.Serve(c, server.EnterSession());
            Assert.AreEqual(Limits.SessionWriteTimeoutMs, c.WriteTimeoutMilliseconds);
            Assert.IsTrue(c.WrittenText.IndexOf("221 ") > 0);
        }
    }
}

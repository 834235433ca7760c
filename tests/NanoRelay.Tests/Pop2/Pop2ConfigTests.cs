using System;
using System.IO;
using System.Net.Sockets;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Pop2
{
    /// <summary>Issue 17 item 5: `pop2 { listen, allowPlaintextAuth }` in the one config model, off unless set, started by `run` beside POP3.</summary>
    [TestClass]
    public class Pop2ConfigTests
    {
        private static HostConfig Load(string json)
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanorelay-pop2config-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string path = Path.Combine(dir, "config.json");
                File.WriteAllText(path, json);
                return HostConfig.Load(path);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void Default_Pop2IsOff()
        {
            HostConfig c = Load("{ }");
            Assert.IsNull(c.Pop2.Listen);
            Assert.IsFalse(c.Pop2.AllowPlaintextAuth);
        }

        [TestMethod]
        public void BadListen_RefusedNamingTheField()
        {
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load("{ \"pop2\": { \"listen\": \"port 109\" } }"));
            StringAssert.Contains(e.Message, "pop2.listen");
            StringAssert.Contains(e.Message, "port 109");
        }

        [TestMethod]
        public void MisspeltKey_RefusedWithTheNearestKnownOne()
        {
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load("{ \"pop2\": { \"listn\": \"127.0.0.1:1109\" } }"));
            StringAssert.Contains(e.Message, "\"pop2.listn\"");
            StringAssert.Contains(e.Message, "\"listen\"");
        }

        [TestMethod]
        public void Run_WithPop2Listen_PrintsWhereItListens_AndItGreets()
        {
            TcpListener probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            int port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            HostConfig c = Load("{ \"pop2\": { \"listen\": \"127.0.0.1:" + port + "\" } }");
            string data = Path.Combine(Path.GetTempPath(), "nanorelay-pop2run-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(data);
            StringWriter output = new StringWriter();
            try
            {
                using (Pop3Service service = Pop3Setup.Start(c, new RunOptions { Pop3Listen = "127.0.0.1:0" }, data, new MemoryMaildrop(), null, new SystemClock(), new CryptoRandom(), new MemoryLog(), output, null))
                {
                    Assert.AreEqual(port, service.Pop2Port);
                    StringAssert.Contains(output.ToString(), "POP2 mailbox     127.0.0.1:" + service.Pop2Port + " (RFC 937, same mailbox and login, password in clear: loopback only)");
                    using TcpClient tcp = new TcpClient("127.0.0.1", service.Pop2Port);
                    using StreamReader r = new StreamReader(tcp.GetStream());
                    Assert.AreEqual("+ POP2 nanorelay-sim Server", r.ReadLine());
                }
            }
            finally
            {
                Directory.Delete(data, true);
            }
        }
    }
}

using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// Issue 18 item 3: upstream mode "mx" beside submission in the one config model: its keys are
    /// known, its mistakes are refused at load with the field named, and the start-up banner says
    /// which mode runs.
    /// </summary>
    [TestClass]
    public class MxConfigTests
    {
        private static HostConfig Load(string json)
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanorelay-mxconfig-" + Guid.NewGuid().ToString("N"));
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
        public void ModeMx_Loads_WithOpportunisticTlsByDefault_AndTheBannerSaysSo()
        {
            HostConfig c = Load("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"192.168.1.1\", \"127.0.0.1:5353\"], \"mxPort\": 2525 } }");
            Assert.AreEqual("mx", c.Upstream.Mode);
            Assert.AreEqual("opportunistic", c.Upstream.Tls);
            Assert.AreEqual(2525, c.Upstream.MxPort);
            Assert.AreEqual("mx: direct to each domain's MX hosts on port 2525 (tls opportunistic, resolvers 192.168.1.1, 127.0.0.1:5353)", NanoRelay.Relay.UpstreamChoice.Describe(c));
        }

        [TestMethod]
        public void ModeSubmission_StaysTheDefault()
        {
            HostConfig c = Load("{ \"upstream\": { \"host\": \"smtp.example.com\" } }");
            Assert.AreEqual("submission", c.Upstream.Mode);
            Assert.AreEqual("starttls", c.Upstream.Tls);
            Assert.AreEqual(25, c.Upstream.MxPort);
            StringAssert.StartsWith(NanoRelay.Relay.UpstreamChoice.Describe(c), "submission: upstream smtp.example.com:587");
        }

        [TestMethod]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\" } }", "upstream.resolvers: ")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"dns.example\"] } }", "upstream.resolvers[0]: ")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"1.1.1.1\", \"8.8.8.8\", \"9.9.9.9\", \"1.0.0.1\"] } }", "upstream.resolvers: ")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"192.168.1.1\"], \"tls\": \"starttls\" } }", "upstream.tls: ")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"192.168.1.1\"], \"mxPort\": 0 } }", "upstream.mxPort: ")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"192.168.1.1\"], \"host\": \"smtp.example.com\" } }", "upstream.host: ")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"192.168.1.1\"], \"user\": \"a\", \"password\": \"b\" } }", "upstream.user: mode mx never authenticates")]
        [DataRow("{ \"upstream\": { \"mode\": \"direct\", \"host\": \"smtp.example.com\" } }", "upstream.mode: ")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"resolvers\": [\"192.168.1.1\"] } }", "upstream.resolvers: ")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"tls\": \"opportunistic\" } }", "upstream.tls: ")]
        public void Mistakes_AreRefusedAtLoad_NamingTheField(string json, string prefix)
        {
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load(json));
            StringAssert.StartsWith(e.Message, prefix);
        }

        [TestMethod]
        public void MisspeltMxKey_IsAnUnknownKey()
        {
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load("{ \"upstream\": { \"mode\": \"mx\", \"resolver\": [\"192.168.1.1\"] } }"));
            Assert.AreEqual("config: unknown key \"upstream.resolver\" (did you mean \"resolvers\"?)", e.Message);
        }
    }
}

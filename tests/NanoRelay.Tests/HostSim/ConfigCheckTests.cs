using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// Issue 14 item 5: a config mistake is an error at load, before anything is created; an
    /// unknown key names itself and the nearest known one; a password in clear toward the
    /// network needs an explicit allowPlaintextAuth.
    /// </summary>
    [TestClass]
    public class ConfigCheckTests
    {
        [TestMethod]
        [DataRow("{ \"smtpIngress\": { \"allowfrom\": [\"10.0.0.0/8\"] } }", "config: unknown key \"smtpIngress.allowfrom\" (did you mean \"allowFrom\"?)")]
        [DataRow("{ \"upstrem\": { \"host\": \"smtp.example.com\" } }", "config: unknown key \"upstrem\" (did you mean \"upstream\"?)")]
        [DataRow("{ \"smtpIngress\": { \"maxMessageSize\": 65536 } }", "config: unknown key \"smtpIngress.maxMessageSize\" (did you mean \"maxMessageBytes\"?)")]
        [DataRow("{ \"smtpIngress\": { \"bareLineEnd\": \"normalize\" } }", "config: unknown key \"smtpIngress.bareLineEnd\" (did you mean \"bareLineEnds\"?)")]
        [DataRow("{ \"sensors\": [ { \"name\": \"t\", \"kind\": \"temperature\", \"alertabove\": 30 } ] }", "config: unknown key \"sensors[0].alertabove\" (did you mean \"alertAbove\"?)")]
        [DataRow("{ \"colour\": \"blue\" }", "config: unknown key \"colour\"")]
        public void UnknownKey_IsAnError_NamingTheNearestKnownOne(string json, string expected)
        {
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load(json));
            Assert.AreEqual(expected, e.Message);
        }

        [TestMethod]
        public void DeviceOnlyKeys_AndEveryIngressKey_AreAccepted()
        {
            HostConfig c = Load("{ \"wifi\": { \"ssid\": \"lan\", \"password\": \"x\" }, \"certificate\": { \"keyFile\": \"k.pem\" },"
                + " \"smtpIngress\": { \"bareLineEnds\": \"normalize\", \"maxSessions\": 2, \"users\": [ { \"user\": \"cam\", \"password\": \"pw\" } ] } }");
            SmtpIngressSettings s = SmtpIngressSettings.FromConfig(c, null);
            Assert.AreEqual("normalize", s.BareLineEnds);
            Assert.AreEqual(2, s.MaxSessions);
            Assert.AreEqual(1, s.Users.Length);
            Assert.AreEqual("cam", s.Users[0][0]);
            Assert.AreEqual("pw", s.Users[0][1]);
        }

        [TestMethod]
        public void AllowFromPrefix33_IsRefusedAtLoad()
        {
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load("{ \"smtpIngress\": { \"allowFrom\": [\"10.0.0.0/33\"] } }"));
            StringAssert.StartsWith(e.Message, "smtpIngress.allowFrom[0]: ");
        }

        [TestMethod]
        [DataRow("smtpIngress.bareLineEnds", "{ \"smtpIngress\": { \"bareLineEnds\": \"fix\" } }")]
        [DataRow("smtpIngress.maxSessions", "{ \"smtpIngress\": { \"maxSessions\": 0 } }")]
        [DataRow("smtpIngress.users[0]", "{ \"smtpIngress\": { \"users\": [ { \"user\": \"cam\" } ] } }")]
        public void BadIngressValue_IsRefusedAtLoad(string field, string json)
        {
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load(json));
            StringAssert.StartsWith(e.Message, field + ": ");
        }

        [TestMethod]
        public void PasswordInClearTowardTheNetwork_IsRefused_UnlessExplicitlyAllowed()
        {
            const string Upstream = "\"host\": \"smtp.example.com\", \"port\": 25, \"tls\": \"none\", \"user\": \"u\", \"password\": \"p\"";
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => Load("{ \"upstream\": { " + Upstream + " } }"));
            StringAssert.StartsWith(e.Message, "upstream.tls: ");
            StringAssert.Contains(e.Message, "allowPlaintextAuth");

            Assert.IsTrue(Load("{ \"upstream\": { " + Upstream + ", \"allowPlaintextAuth\": true } }").Upstream.AllowPlaintextAuth);
            Assert.IsNotNull(Load("{ \"upstream\": { \"host\": \"127.0.0.1\", \"tls\": \"none\", \"user\": \"u\", \"password\": \"p\" } }"), "loopback never leaves the machine");
            Assert.IsNotNull(Load("{ \"upstream\": { \"host\": \"smtp.example.com\", \"tls\": \"none\" } }"), "no password, nothing to leak");
        }

        [TestMethod]
        public void ImapGiven_OnlyWhenTheFileHasAnImapSection()
        {
            Assert.IsFalse(Load("{ }").ImapGiven);
            Assert.AreEqual("127.0.0.1:1143", Load("{ }").Imap.Listen, "the host serves IMAP by default");
            Assert.IsTrue(Load("{ \"imap\": { } }").ImapGiven);
            Assert.IsTrue(Load("{ \"imap\": { \"listen\": \"127.0.0.1:1144\" } }").ImapGiven);
            Assert.IsFalse(new HostConfig().ImapGiven);
        }

        [TestMethod]
        public void Run_WithABadListenFlag_CreatesNothing()
        {
            string dir = Path.Combine(Path.GetTempPath(), "nanorelay-cfg-" + Guid.NewGuid().ToString("N").Substring(0, 10));
            RunOptions options = new RunOptions { DataDirectory = Path.Combine(dir, "data"), SmtpListen = "127.0.0.1:nowhere", StatusLine = false };
            ConfigException e = Assert.ThrowsExactly<ConfigException>(() => RunCommand.Execute(options));
            StringAssert.StartsWith(e.Message, "smtpIngress.listen: ");
            Assert.IsFalse(Directory.Exists(dir), "no data directory, no certificate, on a mistake");
        }

        private static HostConfig Load(string json)
        {
            string path = Path.Combine(Path.GetTempPath(), "nanorelay-cfg-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, json);
            try
            {
                return HostConfig.Load(path);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Config;

namespace NanoRelay.Core.Tests.Config
{
    /// <summary>
    /// nanorelay.json through the platform's JSON reader into the core model (on nanoCLR:
    /// nanoFramework.Json, as the board reads it): every kind of field lands, a key left out keeps
    /// its default, and a bad field gives the core's one line.
    /// </summary>
    [TestClass]
    public class ConfigFromJsonTests
    {
        [TestMethod]
        public void EveryKindOfField_IsFilled()
        {
            RelayConfig c;
            string line = ConfigJson.DeviceLine("{ \"device\": { \"name\": \"gh-relay\" }, \"wifi\": { \"ssid\": \"lan\", \"password\": \"pw\" },"
                + " \"upstream\": { \"host\": \"smtp.example.com\", \"port\": 465, \"tls\": \"implicit\", \"user\": \"u\", \"password\": \"p\", \"allowPlaintextAuth\": true },"
                + " \"alerts\": { \"from\": \"gh@example.com\", \"to\": [ \"a@example.com\", \"b@example.com\" ] },"
                + " \"pop3\": { \"listen\": \"0.0.0.0:1110\", \"apop\": true }, \"imap\": { \"listen\": \"0.0.0.0:1143\" },"
                + " \"smtpIngress\": { \"allowFrom\": [ \"192.168.1.0/24\" ], \"maxMessageBytes\": 3000000, \"maxSessions\": 2,"
                + " \"users\": [ { \"user\": \"cam\", \"password\": \"c\" }, { \"user\": \"printer\", \"password\": \"d\" } ] },"
                + " \"spool\": { \"maxBytes\": 262144 }, \"retry\": { \"lifetimeHours\": 24 },"
                + " \"sensors\": [ { \"name\": \"gh-temp\", \"kind\": \"temperature\", \"source\": \"adc0\", \"alertAbove\": 35.5, \"clearBelow\": 33, \"maxAlerts\": 2 } ] }", out c);
            Assert.IsNull(line);
            Assert.AreEqual("gh-relay", c.Device.Name);
            Assert.AreEqual("lan", c.Wifi.Ssid);
            Assert.AreEqual(465, c.Upstream.Port);
            Assert.AreEqual("implicit", c.Upstream.Tls);
            Assert.AreEqual("auto", c.Upstream.Auth);
            Assert.IsTrue(c.Upstream.AllowPlaintextAuth);
            Assert.AreEqual(2, c.Alerts.To.Length);
            Assert.AreEqual("b@example.com", c.Alerts.To[1]);
            Assert.IsTrue(c.Pop3.Apop);
            Assert.AreEqual("tech", c.Pop3.User);
            Assert.AreEqual("0.0.0.0:1143", c.Imap.Listen);
            Assert.AreEqual("0.0.0.0:25", c.SmtpIngress.Listen);
            Assert.AreEqual("192.168.1.0/24", c.SmtpIngress.AllowFrom[0]);
            Assert.AreEqual(3000000L, c.SmtpIngress.MaxMessageBytes);
            Assert.AreEqual(2, c.SmtpIngress.MaxSessions);
            Assert.AreEqual(2, c.SmtpIngress.Users.Length);
            Assert.AreEqual("printer", c.SmtpIngress.Users[1].User);
            Assert.AreEqual("d", c.SmtpIngress.Users[1].Password);
            Assert.AreEqual(262144L, c.Spool.MaxBytes);
            Assert.AreEqual("spool", c.Spool.Path);
            Assert.AreEqual(24, c.Retry.LifetimeHours);
            Assert.AreEqual(60, c.Retry.FirstDelaySeconds);
            Assert.AreEqual(1, c.Sensors.Length);
            Assert.AreEqual("adc0", c.Sensors[0].Source);
            Assert.AreEqual(35.5, c.Sensors[0].AlertAbove);
            Assert.AreEqual(33.0, c.Sensors[0].ClearBelow);
            Assert.IsTrue(double.IsNaN(c.Sensors[0].AlertBelow));
            Assert.AreEqual(2, c.Sensors[0].MaxAlerts);
            Assert.AreEqual(ConfigDefaults.NotGiven, c.Sensors[0].WindowSeconds);
        }

        [TestMethod]
        public void AnEmptyFile_GivesTheBoardsDefaults()
        {
            RelayConfig c;
            Assert.IsNull(ConfigJson.DeviceLine("{ }", out c));
            Assert.AreEqual("nanorelay", c.Device.Name);
            Assert.IsNull(c.Upstream);
            Assert.IsNull(c.Imap);
            Assert.AreEqual("0.0.0.0:110", c.Pop3.Listen);
            Assert.AreEqual("127.0.0.0/8", c.SmtpIngress.AllowFrom[0]);
            Assert.AreEqual(65536L, c.SmtpIngress.MaxMessageBytes);
            Assert.AreEqual(ConfigDefaults.NotGiven, c.SmtpIngress.MaxSessions);
            Assert.AreEqual(0, c.SmtpIngress.Users.Length);
            Assert.AreEqual(0, c.Sensors.Length);
        }

        [TestMethod]
        [DataRow("{ \"smtpIngress\": { \"allowfrom\": [\"10.0.0.0/8\"] } }", "config: unknown key \"smtpIngress.allowfrom\" (did you mean \"allowFrom\"?)")]
        [DataRow("{ \"pop3\": { \"tlsListen\": null } }", "pop3.tlsListen: null is not allowed; leave the key out for its default")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"port\": 0 } }", "upstream.port: must be 1-65535, not 0")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolvers\": [\"dns.example\"] } }", "upstream.resolvers[0]: 'dns.example' is not an address (with an optional :port)")]
        [DataRow("{ \"alerts\": { \"to\": [] } }", "alerts.to: needs at least one address")]
        [DataRow("{ \"pop3\": { \"user\": \"\" } }", "pop3.user: is required")]
        [DataRow("{ \"imap\": { \"user\": \"\" } }", "imap.user: must not be empty; leave it out for pop3.user")]
        [DataRow("{ \"smtpIngress\": { \"maxMessageBytes\": 100 } }", "smtpIngress.maxMessageBytes: must be at least 1024")]
        [DataRow("{ \"smtpIngress\": { \"maxSessions\": 0 } }", "smtpIngress.maxSessions: must be at least 1")]
        [DataRow("{ \"smtpIngress\": { \"users\": [ { \"user\": \"cam\" } ] } }", "smtpIngress.users[0]: needs \"user\" and \"password\"")]
        [DataRow("{ \"spool\": { \"maxBytes\": 1024 } }", "spool.maxBytes: must be at least 65536")]
        [DataRow("{ \"sensors\": [ { \"name\": \"gh\", \"kind\": \"smoke\" } ] }", "sensors[0].kind: must be temperature, humidity, door or battery, not 'smoke'")]
        public void ABadField_GivesTheCoresLine(string json, string expected)
        {
            RelayConfig c;
            Assert.AreEqual(expected, ConfigJson.DeviceLine(json, out c));
        }
    }
}

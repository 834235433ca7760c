#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Config;

namespace NanoRelay.Core.Tests.Config
{
    /// <summary>
    /// The one validation of nanorelay.json (host and device): each bad field gives exactly one
    /// line "field: problem", the same on both platforms, and the defaults of both pass.
    /// </summary>
    [TestClass]
    public class ConfigCheckTests
    {
        [TestMethod]
        public void Defaults_PassTheCheck_OnBothPlatforms()
        {
            Assert.IsNull(ConfigCheck.First(Board()));
            Assert.IsNull(ConfigCheck.First(Host()));
        }

        [TestMethod]
        public void Upstream_Submission_EachBadField_IsNamed()
        {
            RelayConfig c = WithUpstream("submission");
            c.Upstream.Mode = "relay";
            Expect("upstream.mode: must be submission or mx, not 'relay'", c);

            c = WithUpstream("submission");
            c.Upstream.Resolvers = new string[] { "192.168.1.1" };
            Expect("upstream.resolvers: is for mode mx only", c);

            c = WithUpstream("submission");
            c.Upstream.Host = " ";
            Expect("upstream.host: is required when upstream is given", c);

            c = WithUpstream("submission");
            c.Upstream.Port = 65536;
            Expect("upstream.port: must be 1-65535, not 65536", c);

            c = WithUpstream("submission");
            c.Upstream.Tls = "ssl";
            Expect("upstream.tls: must be starttls, implicit or none, not 'ssl'", c);

            c = WithUpstream("submission");
            c.Upstream.Auth = "digest";
            Expect("upstream.auth: must be auto, plain, login, cram-md5 or xoauth2, not 'digest'", c);

            c = WithUpstream("submission");
            c.Upstream.Auth = "xoauth2";
            c.Upstream.User = "u";
            Expect("upstream.token: is required with auth xoauth2", c);

            c = WithUpstream("submission");
            c.Upstream.Password = "p";
            Expect("upstream.user: is required when a password is given", c);
        }

        [TestMethod]
        public void Upstream_PasswordInClearTowardTheNetwork_IsRefused_UnlessAllowedOrLoopback()
        {
            RelayConfig c = WithUpstream("submission");
            c.Upstream.Tls = "none";
            c.Upstream.User = "u";
            c.Upstream.Password = "p";
            Expect("upstream.tls: is none, so the password would cross the network to smtp.example.com in clear; use starttls or implicit, or set \"allowPlaintextAuth\": true", c);

            c.Upstream.AllowPlaintextAuth = true;
            Assert.IsNull(ConfigCheck.First(c));

            c.Upstream.AllowPlaintextAuth = false;
            c.Upstream.Host = "127.0.0.2";
            Assert.IsNull(ConfigCheck.First(c));
            c.Upstream.Host = "[::1]";
            Assert.IsNull(ConfigCheck.First(c));
            c.Upstream.Host = "LocalHost";
            Assert.IsNull(ConfigCheck.First(c));
        }

        [TestMethod]
        public void Upstream_Mx_EachBadField_IsNamed()
        {
            RelayConfig c = WithUpstream("mx");
            Assert.AreEqual("opportunistic", c.Upstream.Tls, "RFC 7435: STARTTLS whenever offered");
            Assert.IsNull(ConfigCheck.First(c));

            c.Upstream.Tls = "starttls";
            Expect("upstream.tls: must be opportunistic or required with mode mx, not 'starttls'", c);

            c = WithUpstream("mx");
            c.Upstream.Resolvers = new string[0];
            Expect("upstream.resolvers: needs 1 to " + Limits.DnsResolvers.ToString() + " DNS server addresses with mode mx", c);

            c = WithUpstream("mx");
            c.Upstream.Resolvers = new string[] { "[::1]:5353", "dns.example" };
            Expect("upstream.resolvers[1]: 'dns.example' is not an address (with an optional :port)", c);

            c = WithUpstream("mx");
            c.Upstream.MxPort = 0;
            Expect("upstream.mxPort: must be 1-65535, not 0", c);

            c = WithUpstream("mx");
            c.Upstream.Host = "smtp.example.com";
            Expect("upstream.host: is for mode submission; mode mx finds each domain's hosts in the DNS", c);

            c = WithUpstream("mx");
            c.Upstream.Token = "t";
            Expect("upstream.user: mode mx never authenticates (port 25 takes mail for its own domains without AUTH); remove user, password and token", c);
        }

        [TestMethod]
        public void Alerts_EachBadField_IsNamed()
        {
            RelayConfig c = Board();
            c.Alerts.From = "nanorelay";
            Expect("alerts.from: must be an address like name@example.com", c);

            c = Board();
            c.Alerts.To = new string[0];
            Expect("alerts.to: needs at least one address", c);

            c = Board();
            c.Alerts.To = new string[] { "tech@example.com", "<tech@example.com>" };
            Expect("alerts.to[1]: '<tech@example.com>' is not an address", c);
        }

        [TestMethod]
        public void Mailbox_EachBadField_IsNamed()
        {
            RelayConfig c = Board();
            c.Pop3.Listen = "port 110";
            Expect("pop3.listen: must be ADDRESS:PORT, not 'port 110'", c);

            c = Board();
            c.Pop3.TlsListen = "0.0.0.0:99999";
            Expect("pop3.tlsListen: must be ADDRESS:PORT, or left out", c);

            c = Board();
            c.Pop3.User = "";
            Expect("pop3.user: is required", c);

            c = Board();
            c.Pop3.Password = "";
            Expect("pop3.password: is required", c);

            c = Board();
            c.Pop2.Listen = "0.0.0.0";
            Expect("pop2.listen: must be ADDRESS:PORT, or left out (POP2 off), not '0.0.0.0'", c);

            c = Host();
            c.Imap.Listen = "::1:143";
            Expect("imap.listen: must be ADDRESS:PORT, not '::1:143'", c);

            c = Host();
            c.Imap.TlsListen = "localhost:993";
            Expect("imap.tlsListen: must be ADDRESS:PORT, or left out", c);

            c = Host();
            c.Imap.User = "";
            Expect("imap.user: must not be empty; leave it out for pop3.user", c);

            c = Host();
            c.Imap.Password = "";
            Expect("imap.password: must not be empty; leave it out for pop3.password", c);
        }

        [TestMethod]
        public void SmtpIngress_EachBadField_IsNamed()
        {
            RelayConfig c = Board();
            c.SmtpIngress.Listen = "0.0.0.0:0";
            Expect("smtpIngress.listen: must be ADDRESS:PORT, not '0.0.0.0:0'", c);

            c = Board();
            c.SmtpIngress.MaxMessageBytes = 1023;
            Expect("smtpIngress.maxMessageBytes: must be at least 1024", c);

            c = Board();
            c.SmtpIngress.BareLineEnds = "fix";
            Expect("smtpIngress.bareLineEnds: must be reject or normalize, not 'fix'", c);

            c = Board();
            c.SmtpIngress.MaxSessions = 0;
            Expect("smtpIngress.maxSessions: must be at least 1", c);

            c = Board();
            UserSection cam = new UserSection();
            cam.User = "cam";
            c.SmtpIngress.Users = new UserSection[] { cam };
            Expect("smtpIngress.users[0]: needs \"user\" and \"password\"", c);

            c = Board();
            c.SmtpIngress.AllowFrom = new string[] { "10.0.0.0/33" };
            Expect("smtpIngress.allowFrom[0]: '10.0.0.0/33' is not an IPv4 or IPv6 network like 192.168.1.0/24", c);
        }

        [TestMethod]
        public void SpoolRetryAndSensors_EachBadField_IsNamed()
        {
            RelayConfig c = Board();
            c.Spool.MaxBytes = 65535;
            Expect("spool.maxBytes: must be at least 65536", c);

            c = Board();
            c.Retry.FirstDelaySeconds = 0;
            Expect("retry.firstDelaySeconds: must be positive", c);

            c = Board();
            c.Retry.MaxDelaySeconds = 59;
            Expect("retry.maxDelaySeconds: must be at least retry.firstDelaySeconds", c);

            c = Board();
            c.Retry.LifetimeHours = -1;
            Expect("retry.lifetimeHours: must be positive", c);

            c = Board();
            SensorSection s = new SensorSection();
            s.Kind = "door";
            c.Sensors = new SensorSection[] { s };
            Expect("sensors[0].name: is required", c);

            s.Name = "front-door";
            s.Kind = "smoke";
            Expect("sensors[0].kind: must be temperature, humidity, door or battery, not 'smoke'", c);
        }

        [TestMethod]
        public void Sensors_EachBadRule_IsNamed()
        {
            Expect("sensors[1].name: 'gh' is used twice", WithSensors(Sensor("gh", "door"), Sensor("gh", "door")));

            SensorSection s = Sensor("door1", "door");
            s.AlertAbove = 1;
            Expect("sensors[0].alertAbove: a door alerts while open; thresholds do not apply", WithSensors(s));

            s = Sensor("gh", "temperature");
            s.AlertAbove = 35;
            s.AlertBelow = 5;
            Expect("sensors[0].alertBelow: give alertAbove or alertBelow, not both", WithSensors(s));

            s = Sensor("gh", "temperature");
            s.ClearBelow = 5;
            Expect("sensors[0].clearBelow: needs alertAbove", WithSensors(s));

            s = Sensor("bat", "battery");
            s.ClearAbove = 25;
            Expect("sensors[0].clearAbove: needs alertBelow", WithSensors(s));

            s = Sensor("gh", "temperature");
            s.AlertAbove = 35;
            s.MaxAlerts = 0;
            Expect("sensors[0].maxAlerts: must be 1-32, not 0", WithSensors(s));

            s = Sensor("gh", "temperature");
            s.WindowSeconds = 604801;
            Expect("sensors[0].windowSeconds: must be 1-604800, not 604801", WithSensors(s));

            s = Sensor("gh", "temperature");
            s.AlertAbove = 35;
            s.ClearBelow = 36;
            Expect("sensors[0].clearBelow: clearBelow must not be above alertAbove", WithSensors(s));

            s = Sensor("bat", "battery");
            s.AlertBelow = 20;
            s.ClearAbove = 10;
            Expect("sensors[0].clearAbove: clearAbove must not be below alertBelow", WithSensors(s));

            s = Sensor("bat", "battery");
            s.AlertBelow = 20;
            s.ClearAbove = 25;
            s.MaxAlerts = 32;
            s.WindowSeconds = 604800;
            Assert.IsNull(ConfigCheck.First(WithSensors(s, Sensor("door1", "door"))));
        }

        [TestMethod]
        public void TheFirstBadField_IsTheOneNamed()
        {
            RelayConfig c = Board();
            c.Spool.MaxBytes = 1;
            c.Alerts.From = "x";
            Expect("alerts.from: must be an address like name@example.com", c);
        }

        [TestMethod]
        public void EndPoints_AreLiteralAddressesWithAPort()
        {
            Assert.IsTrue(ConfigCheck.IsEndPoint("0.0.0.0:25", false));
            Assert.IsTrue(ConfigCheck.IsEndPoint("[::]:143", false));
            Assert.IsTrue(ConfigCheck.IsEndPoint("127.0.0.1:0", true));
            Assert.IsFalse(ConfigCheck.IsEndPoint("127.0.0.1:0", false));
            Assert.IsFalse(ConfigCheck.IsEndPoint("127.0.0.1:65536", false));
            Assert.IsFalse(ConfigCheck.IsEndPoint("::1:25", false));
            Assert.IsFalse(ConfigCheck.IsEndPoint("mail.example:25", false));
            Assert.IsFalse(ConfigCheck.IsEndPoint(":25", false));
            Assert.IsFalse(ConfigCheck.IsEndPoint("127.0.0.1:", false));
            Assert.IsFalse(ConfigCheck.IsEndPoint(null, false));
        }

        private static SensorSection Sensor(string name, string kind)
        {
            SensorSection s = new SensorSection();
            s.Name = name;
            s.Kind = kind;
            return s;
        }

        private static RelayConfig WithSensors(SensorSection a)
        {
            RelayConfig c = Board();
            c.Sensors = new SensorSection[] { a };
            return c;
        }

        private static RelayConfig WithSensors(SensorSection a, SensorSection b)
        {
            RelayConfig c = Board();
            c.Sensors = new SensorSection[] { a, b };
            return c;
        }

        private static void Expect(string message, RelayConfig c)
        {
            Assert.AreEqual(message, ConfigCheck.First(c));
        }

        private static RelayConfig Board()
        {
            RelayConfig c = new RelayConfig();
            ConfigDefaults.Apply(c, true);
            return c;
        }

        private static RelayConfig Host()
        {
            RelayConfig c = new RelayConfig();
            ConfigDefaults.Apply(c, false);
            return c;
        }

        // A valid upstream of that mode, defaults applied (tls) as a file with only these keys gives it.
        private static RelayConfig WithUpstream(string mode)
        {
            RelayConfig c = new RelayConfig();
            c.Upstream = new UpstreamSection();
            c.Upstream.Mode = mode;
            if (mode == "mx")
            {
                c.Upstream.Resolvers = new string[] { "192.168.1.1" };
            }
            else
            {
                c.Upstream.Host = "smtp.example.com";
            }

            ConfigDefaults.Apply(c, true);
            return c;
        }
    }
}

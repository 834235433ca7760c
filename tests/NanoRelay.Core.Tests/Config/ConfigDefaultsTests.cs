#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Config;

namespace NanoRelay.Core.Tests.Config
{
    /// <summary>A key left out means the same on the host and the board, except the named per-platform defaults.</summary>
    [TestClass]
    public class ConfigDefaultsTests
    {
        [TestMethod]
        public void ImapLogin_IsPop3sUnlessGiven_OnBothPlatforms()
        {
            RelayConfig h = Defaults(false);
            h.Pop3.User = "anna";
            h.Pop3.Password = "pw3";
            Assert.AreEqual("anna", h.ImapUser());
            Assert.AreEqual("pw3", h.ImapPassword());
            h.Imap.User = "ben";
            h.Imap.Password = "pw4";
            Assert.AreEqual("ben", h.ImapUser());
            Assert.AreEqual("pw4", h.ImapPassword());

            RelayConfig d = Defaults(true);
            d.Imap = new ImapSection();
            d.Pop3.User = "anna";
            Assert.AreEqual("anna", d.ImapUser());
            Assert.AreEqual(d.Pop3.Password, d.ImapPassword());
        }

        [TestMethod]
        public void SharedDefaults_AreTheSameOnBothPlatforms()
        {
            RelayConfig h = Defaults(false);
            RelayConfig d = Defaults(true);
            Assert.IsNull(h.Upstream);
            Assert.IsNull(d.Upstream);
            Assert.AreEqual(h.Alerts.From, d.Alerts.From);
            Assert.AreEqual(1, d.Alerts.To.Length);
            Assert.AreEqual(h.Alerts.To[0], d.Alerts.To[0]);
            Assert.AreEqual(h.Pop3.User, d.Pop3.User);
            Assert.AreEqual(h.Pop3.Password, d.Pop3.Password);
            Assert.IsNull(h.Pop3.TlsListen);
            Assert.IsNull(d.Pop3.TlsListen);
            Assert.IsNull(h.Pop2.Listen);
            Assert.IsNull(d.Pop2.Listen);
            Assert.AreEqual(1, h.SmtpIngress.AllowFrom.Length);
            Assert.AreEqual(1, d.SmtpIngress.AllowFrom.Length);
            Assert.AreEqual("127.0.0.0/8", h.SmtpIngress.AllowFrom[0]);
            Assert.AreEqual("127.0.0.0/8", d.SmtpIngress.AllowFrom[0]);
            Assert.AreEqual("reject", h.SmtpIngress.BareLineEnds);
            Assert.AreEqual("reject", d.SmtpIngress.BareLineEnds);
            Assert.AreEqual(0, h.SmtpIngress.Users.Length);
            Assert.AreEqual(0, d.SmtpIngress.Users.Length);
            Assert.AreEqual(ConfigDefaults.NotGiven, h.SmtpIngress.MaxSessions);
            Assert.AreEqual(ConfigDefaults.NotGiven, d.SmtpIngress.MaxSessions);
            Assert.AreEqual(h.Retry.FirstDelaySeconds, d.Retry.FirstDelaySeconds);
            Assert.AreEqual(h.Retry.MaxDelaySeconds, d.Retry.MaxDelaySeconds);
            Assert.AreEqual(h.Retry.LifetimeHours, d.Retry.LifetimeHours);
            Assert.IsNull(h.Certificate);
            Assert.IsNull(d.Certificate);
            Assert.AreEqual(0, h.Sensors.Length);
            Assert.AreEqual(0, d.Sensors.Length);
        }

        [TestMethod]
        public void PerPlatformDefaults_AreTheNamedOnes()
        {
            RelayConfig h = Defaults(false);
            RelayConfig d = Defaults(true);
            Assert.AreEqual("nanorelay-sim", h.Device.Name);
            Assert.AreEqual("nanorelay", d.Device.Name);
            Assert.AreEqual("127.0.0.1:2525", h.SmtpIngress.Listen);
            Assert.AreEqual("0.0.0.0:25", d.SmtpIngress.Listen);
            Assert.AreEqual("127.0.0.1:1110", h.Pop3.Listen);
            Assert.AreEqual("0.0.0.0:110", d.Pop3.Listen);
            Assert.AreEqual("127.0.0.1:1143", h.Imap.Listen);
            Assert.IsNull(d.Imap);
            Assert.AreEqual(1048576L, h.SmtpIngress.MaxMessageBytes);
            Assert.AreEqual(65536L, d.SmtpIngress.MaxMessageBytes);
            Assert.AreEqual("data", h.Spool.Path);
            Assert.AreEqual("spool", d.Spool.Path);
            Assert.AreEqual(8388608L, h.Spool.MaxBytes);
            Assert.AreEqual(131072L, d.Spool.MaxBytes);
        }

        [TestMethod]
        public void GivenValues_AreKept()
        {
            RelayConfig d = new RelayConfig();
            d.Imap = new ImapSection();
            d.SmtpIngress.MaxMessageBytes = 2048;
            d.SmtpIngress.Listen = "192.168.1.10:2525";
            d.Spool.MaxBytes = 0;
            ConfigDefaults.Apply(d, true);
            Assert.AreEqual("0.0.0.0:143", d.Imap.Listen);
            Assert.AreEqual(2048L, d.SmtpIngress.MaxMessageBytes);
            Assert.AreEqual("192.168.1.10:2525", d.SmtpIngress.Listen);
            Assert.AreEqual(0L, d.Spool.MaxBytes);
            Assert.AreEqual("spool.maxBytes: must be at least 65536", ConfigCheck.First(d));
        }

        [TestMethod]
        public void UpstreamTls_DefaultsByMode()
        {
            RelayConfig c = new RelayConfig();
            c.Upstream = new UpstreamSection();
            ConfigDefaults.Apply(c, false);
            Assert.AreEqual("starttls", c.Upstream.Tls);
            c.Upstream = new UpstreamSection();
            c.Upstream.Mode = "mx";
            ConfigDefaults.Apply(c, true);
            Assert.AreEqual("opportunistic", c.Upstream.Tls);
        }

        private static RelayConfig Defaults(bool device)
        {
            RelayConfig c = new RelayConfig();
            ConfigDefaults.Apply(c, device);
            return c;
        }
    }
}

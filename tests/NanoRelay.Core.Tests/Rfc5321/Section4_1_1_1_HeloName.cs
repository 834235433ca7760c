#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Smtp;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>RFC 5321 §4.1.1.1: the EHLO argument is a domain; the device name becomes one when the config gives no heloName.</summary>
    [TestClass]
    public class Section4_1_1_1_HeloName
    {
        [TestMethod]
        [DataRow("greenhouse-1", "greenhouse-1")]
        [DataRow("relay.example.com", "relay.example.com")]
        [DataRow("Greenhouse 1", "Greenhouse-1")]
        [DataRow("gewächshaus_1", "gew-chshaus-1")]
        [DataRow("", "nanorelay")]
        public void DeviceName_BecomesADomainOfLettersDigitsHyphensAndDots(string name, string expected)
        {
            Assert.AreEqual(expected, SmtpClientSettings.HeloNameFrom(name));
        }

        [TestMethod]
        public void NoName_IsTheDefault()
        {
            Assert.AreEqual("nanorelay", SmtpClientSettings.HeloNameFrom(null));
        }

        [TestMethod]
        public void UpstreamSection_MapsTheConfigWords_AndAConfiguredHeloNameWins()
        {
            SmtpClientSettings s = SmtpClientSettings.ForUpstream("smtp.example.com", 465, "implicit", "alerts", "pw", "cram-md5", null, null, "greenhouse 1");
            Assert.AreEqual("smtp.example.com", s.Host);
            Assert.AreEqual(465, s.Port);
            Assert.IsTrue(s.Tls == SmtpTlsMode.Implicit);
            Assert.IsTrue(s.Auth == SmtpAuthChoice.CramMd5);
            Assert.AreEqual("greenhouse-1", s.HeloName);
            Assert.IsTrue(SmtpClientSettings.ForUpstream("h", 587, "starttls", null, null, "auto", null, "relay.example", "x").Tls == SmtpTlsMode.StartTls);
            Assert.IsTrue(SmtpClientSettings.ForUpstream("h", 25, "none", null, null, "xoauth2", "t", "relay.example", "x").Tls == SmtpTlsMode.None);
            Assert.AreEqual("relay.example", SmtpClientSettings.ForUpstream("h", 587, "starttls", null, null, "plain", null, "relay.example", "x").HeloName);
            Assert.IsTrue(SmtpClientSettings.AuthChoiceOf("login") == SmtpAuthChoice.Login);
            Assert.IsTrue(SmtpClientSettings.AuthChoiceOf("xoauth2") == SmtpAuthChoice.XOAuth2);
            Assert.IsTrue(SmtpClientSettings.AuthChoiceOf("plain") == SmtpAuthChoice.Plain);
            Assert.IsTrue(SmtpClientSettings.AuthChoiceOf("auto") == SmtpAuthChoice.Auto);
        }
    }
}

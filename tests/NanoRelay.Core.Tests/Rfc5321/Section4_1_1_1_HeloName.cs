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
    }
}

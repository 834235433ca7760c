#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Config;

namespace NanoRelay.Core.Tests.Config
{
    /// <summary>An explicit null in nanorelay.json is refused by name on both runtimes (nanoFramework.Json would read "" or throw nameless).</summary>
    [TestClass]
    public class ConfigNullsTests
    {
        [TestMethod]
        public void NoNull_IsNull()
        {
            Assert.IsNull(ConfigNulls.FirstNull("{ \"pop3\": { \"listen\": \"0.0.0.0:110\", \"apop\": false }, \"sensors\": [ { \"alertAbove\": 35.0 } ] }"));
        }

        [TestMethod]
        public void NullString_IsNamed()
        {
            Assert.AreEqual("pop3.tlsListen", ConfigNulls.FirstNull("{ \"pop3\": { \"listen\": \"0.0.0.0:110\", \"tlsListen\": null } }"));
        }

        [TestMethod]
        public void NullInt_IsNamed()
        {
            Assert.AreEqual("smtpIngress.maxSessions", ConfigNulls.FirstNull("{\"device\":{\"name\":\"x\"},\"smtpIngress\":{\"maxSessions\":null}}"));
        }

        [TestMethod]
        public void NullInsideAnArrayOfObjects_IsNamedWithItsIndex()
        {
            Assert.AreEqual("sensors[1].alertAbove", ConfigNulls.FirstNull("{ \"sensors\": [ { \"name\": \"a\" }, { \"name\": \"b\", \"alertAbove\": null } ] }"));
            Assert.AreEqual("alerts.to[2]", ConfigNulls.FirstNull("{ \"alerts\": { \"to\": [ \"a@x.test\", \"b@x.test\", null ] } }"));
        }

        [TestMethod]
        public void TheWordNullInsideAString_IsNotANull()
        {
            Assert.IsNull(ConfigNulls.FirstNull("{ \"device\": { \"name\": \"null \\\" null\" }, \"wifi\": { \"ssid\": \"nullnet\" } }"));
        }

        [TestMethod]
        public void TopLevelNull_IsNamed()
        {
            Assert.AreEqual("upstream", ConfigNulls.FirstNull("{ \"upstream\": null }"));
        }
    }
}

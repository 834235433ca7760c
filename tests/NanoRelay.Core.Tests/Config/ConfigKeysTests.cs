#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Config;

namespace NanoRelay.Core.Tests.Config
{
    /// <summary>An unknown key in nanorelay.json is refused by name, with the nearest known key, by the core's walk (host and device).</summary>
    [TestClass]
    public class ConfigKeysTests
    {
        [TestMethod]
        [DataRow("{ \"smtpIngress\": { \"allowfrom\": [\"10.0.0.0/8\"] } }", "config: unknown key \"smtpIngress.allowfrom\" (did you mean \"allowFrom\"?)")]
        [DataRow("{ \"upstrem\": { \"host\": \"smtp.example.com\" } }", "config: unknown key \"upstrem\" (did you mean \"upstream\"?)")]
        [DataRow("{ \"smtpIngress\": { \"maxMessageSize\": 65536 } }", "config: unknown key \"smtpIngress.maxMessageSize\" (did you mean \"maxMessageBytes\"?)")]
        [DataRow("{ \"sensors\": [ { \"name\": \"t\" }, { \"name\": \"t\", \"alertabove\": 30.5 } ] }", "config: unknown key \"sensors[1].alertabove\" (did you mean \"alertAbove\"?)")]
        [DataRow("{ \"smtpIngress\": { \"users\": [ { \"user\": \"cam\", \"pasword\": \"x\" } ] } }", "config: unknown key \"smtpIngress.users[0].pasword\" (did you mean \"password\"?)")]
        [DataRow("{ \"upstream\": { \"mode\": \"mx\", \"resolver\": [\"192.168.1.1\"] } }", "config: unknown key \"upstream.resolver\" (did you mean \"resolvers\"?)")]
        [DataRow("{ \"colour\": \"blue\" }", "config: unknown key \"colour\"")]
        [DataRow("{ \"device\": { \"name\": \"x\" }, \"pop3\": { \"listen\": \"0.0.0.0:110\", \"usr\": \"u\" } }", "config: unknown key \"pop3.usr\" (did you mean \"user\"?)")]
        public void UnknownKey_IsNamed_WithTheNearestKnownOne(string json, string expected)
        {
            Assert.AreEqual(expected, ConfigKeys.FirstUnknown(json));
        }

        [TestMethod]
        public void EveryKnownKey_AndDeviceOnlyKeys_AreAccepted()
        {
            Assert.IsNull(ConfigKeys.FirstUnknown("{ \"wifi\": { \"ssid\": \"lan\", \"password\": \"x\" }, \"certificate\": { \"file\": \"c.pem\", \"keyFile\": \"k.pem\" },"
                + " \"smtpIngress\": { \"bareLineEnds\": \"normalize\", \"maxSessions\": 2, \"allowFrom\": [ \"10.0.0.0/8\" ], \"users\": [ { \"user\": \"cam\", \"password\": \"pw\" } ] },"
                + " \"sensors\": [ { \"name\": \"t\", \"kind\": \"temperature\", \"alertAbove\": 30.5, \"clearBelow\": 28 } ] }"));
        }

        [TestMethod]
        public void AKeyNameInsideAValue_IsNotAKey()
        {
            Assert.IsNull(ConfigKeys.FirstUnknown("{ \"device\": { \"name\": \"colour\" }, \"alerts\": { \"to\": [ \"a\\\"b@x.test\", \"upstrem@x.test\" ] } }"));
        }

        [TestMethod]
        public void Distance_CountsEdits()
        {
            Assert.AreEqual(0, ConfigKeys.Distance("listen", "listen"));
            Assert.AreEqual(1, ConfigKeys.Distance("listn", "listen"));
            Assert.AreEqual(3, ConfigKeys.Distance("maxSession", "maxSessoins"));
            Assert.AreEqual(6, ConfigKeys.Distance("", "listen"));
        }
    }
}

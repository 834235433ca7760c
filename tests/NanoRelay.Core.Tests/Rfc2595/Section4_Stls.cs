#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Core.Tests.Rfc1939;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc2595
{
    /// <summary>RFC 2595 §4 (STLS) and docs/catalogue.md #44-#45: no cleartext password before TLS, no injected command after it.</summary>
    [TestClass]
    public class Section4_Stls
    {
        private const string Greeting = "+OK POP3 server ready\r\n";
        private const string Cleartext = "-ERR [AUTH] Cleartext authentication disallowed on non-secure (SSL/TLS) connections.\r\n";
        private const string CapaPlain = "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nSTLS\r\nIMPLEMENTATION nanoRelay\r\n.\r\n";
        private const string CapaSecure = "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nUSER\r\nSASL PLAIN\r\nIMPLEMENTATION nanoRelay\r\n.\r\n";

        [TestMethod]
        public void Case44_CleartextLoginBlocked_UntilStls()
        {
            Pop3Harness h = new Pop3Harness();
            ScriptedConnection c = h.Connect("CAPA\nUSER a\nPASS x\nAUTH PLAIN AHRlY2gAc2VjcmV0\nAPOP a d41d8cd98f00b204e9800998ecf8427e\nSTLS\nCAPA\nUSER tech\nPASS secret\nQUIT\n", false, false);
            h.Run(c);

            Assert.AreEqual(
                Greeting + CapaPlain + Cleartext + Cleartext + Cleartext + Cleartext
                + "+OK Begin TLS negotiation.\r\n" + CapaSecure
                + "+OK\r\n+OK tech's maildrop has 0 messages (0 octets)\r\n+OK nanoRelay POP3 server signing off (maildrop empty)\r\n",
                c.WrittenText);
            Assert.AreEqual(1, c.TlsUpgrades);
        }

        [TestMethod]
        public void Case44_Loopback_MayLogInWithoutTls()
        {
            Pop3Harness h = new Pop3Harness();
            string s = h.Run("CAPA\nUSER tech\nPASS secret\nQUIT\n", true, false);
            Assert.AreEqual(Greeting + "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nUSER\r\nSASL PLAIN\r\nSTLS\r\nIMPLEMENTATION nanoRelay\r\n.\r\n"
                + "+OK\r\n+OK tech's maildrop has 0 messages (0 octets)\r\n+OK nanoRelay POP3 server signing off (maildrop empty)\r\n", s);
        }

        [TestMethod]
        public void Case44_NoCertificate_NoStlsOffered()
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.TlsAvailable = false;
            string s = h.Run("CAPA\nSTLS\nQUIT\n", false, false);
            Assert.AreEqual(Greeting + "+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nIMPLEMENTATION nanoRelay\r\n.\r\n"
                + "-ERR TLS is not available.\r\n+OK nanoRelay POP3 server signing off\r\n", s);
        }

        [TestMethod]
        public void Case45_CommandInjectedWithStls_IsDiscardedNeverAnswered()
        {
            Pop3Harness h = new Pop3Harness();
            byte[] script = Pop3Harness.Latin1("STLS\r\nUSER tech\r\nPASS secret\r\nSTLS\r\nUSER tech\r\nPASS secret\r\nSTLS\r\nQUIT\r\n");
            int stls = 6;
            int injected = stls + 11 + 13;
            // One read brings STLS and the injected USER/PASS (one TCP segment); then a line per read.
            ScriptedConnection c = new ScriptedConnection(script, new int[] { injected, injected + 6, injected + 17, injected + 30, injected + 36, injected + 42 }, 0);
            h.Run(c);

            Assert.AreEqual(
                Greeting + "+OK Begin TLS negotiation.\r\n"
                + "-ERR Command not permitted when TLS active.\r\n"   // the second STLS, inside TLS
                + "+OK\r\n+OK tech's maildrop has 0 messages (0 octets)\r\n"
                + "-ERR Unknown command.\r\n"                         // STLS in TRANSACTION
                + "+OK nanoRelay POP3 server signing off (maildrop empty)\r\n",
                c.WrittenText);
            Assert.AreEqual(1, c.TlsUpgrades);
            Assert.AreEqual(injected, c.ReadAtTls);
        }

        [TestMethod]
        public void Case45_InjectedUser_DoesNotCountAfterTls()
        {
            Pop3Harness h = new Pop3Harness();
            byte[] script = Pop3Harness.Latin1("STLS\r\nUSER tech\r\nPASS secret\r\nQUIT\r\n");
            ScriptedConnection c = new ScriptedConnection(script, new int[] { 17, 30, 36 }, 0);
            h.Run(c);
            Assert.AreEqual(Greeting + "+OK Begin TLS negotiation.\r\n-ERR No USER given.\r\n+OK nanoRelay POP3 server signing off\r\n", c.WrittenText);
        }
    }
}

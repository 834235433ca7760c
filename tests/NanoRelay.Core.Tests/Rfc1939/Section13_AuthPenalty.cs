#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>
    /// RFC 1939 §13 (password guessing) across connections: an address that failed too often is
    /// refused with [SYS/TEMP] even with the right password, after any number of reconnects.
    /// </summary>
    [TestClass]
    public class Section13_AuthPenalty
    {
        [TestMethod]
        public void TenFailedLoginsAcrossReconnects_ThenLoginFromThatAddressIsRefused_OtherAddressesUnaffected()
        {
            Pop3Harness h = new Pop3Harness();
            for (int connection = 0; connection < 4; connection++)
            {
                h.Run("USER tech\nPASS wrong\nUSER tech\nPASS wrong\nUSER tech\nPASS wrong\n", true, false);
            }

            string refused = h.Run("USER tech\nPASS secret\n", true, false);
            Assert.IsTrue(refused.IndexOf("-ERR [SYS/TEMP] Too many failed logins from your address, try later.\r\n") > 0, refused);
            Assert.IsTrue(refused.IndexOf("maildrop has") < 0, refused);

            ScriptedConnection other = h.Connect("USER tech\nPASS secret\nQUIT\n", true, false);
            other.RemoteAddress = "192.0.2.77";
            h.Run(other);
            Assert.IsTrue(other.WrittenText.IndexOf("-ERR [SYS/TEMP]") < 0, other.WrittenText);
        }
    }
}

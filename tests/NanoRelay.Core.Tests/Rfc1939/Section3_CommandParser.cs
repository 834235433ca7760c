#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>RFC 1939 §3 (commands, arguments) and docs/catalogue.md #50: strict parsing, limits on lines and bad commands.</summary>
    [TestClass]
    public class Section3_CommandParser
    {
        private const string NoSuch = "-ERR No such message.\r\n";
        private const string Invalid = "-ERR Invalid arguments.\r\n";

        [TestMethod]
        public void Case50_BadNumbersAndArguments_AreRefused_NeverReadAsAnotherNumber()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add("Subject: a\r\n\r\n1\r\n");   // 17 octets
            h.Maildrop.Add("Subject: b\r\n\r\n22\r\n");  // 18 octets
            string longArgument = new string('1', 41);
            string longLine = "NOOP " + new string('x', 251);   // 256 octets with CRLF
            string s = h.AfterLogin(
                "LIST 4294967297\nLIST -1\nLIST 0\nRETR 01\nRETR 1 2\nTOP 1 -1\nTOP 1 99999999999\n"
                + "DELE 1\nDELE 1\nRETR 1\nLIST 1\nSTAT\nLIST\nUIDL " + longArgument + "\n" + longLine + "\nlist 2\nNOOP[NUL]\nLIST  2\nLIST 2 \nNOOP\n");
            Assert.AreEqual(
                NoSuch + NoSuch + NoSuch + NoSuch + Invalid + Invalid + Invalid
                + "+OK message 1 deleted\r\n-ERR message 1 already deleted\r\n-ERR message 1 already deleted\r\n-ERR message 1 already deleted\r\n"
                + "+OK 1 18\r\n+OK 1 messages (18 octets)\r\n2 18\r\n.\r\n"
                + Invalid + "-ERR Command line too long.\r\n+OK 2 18\r\n-ERR NUL octet in command.\r\n" + Invalid + Invalid + "+OK\r\n",
                s);
            Assert.AreEqual(2, h.Maildrop.Stored);
        }

        [TestMethod]
        public void Case50_TwentyBadCommandsAfterLogin_ErrAndClose()
        {
            Pop3Harness h = new Pop3Harness();
            string commands = "";
            for (int i = 0; i < 25; i++)
            {
                commands += "BOGUS\n";
            }

            string s = h.AfterLogin(commands);
            string expected = "";
            for (int i = 0; i < 20; i++)
            {
                expected += "-ERR Unknown command.\r\n";
            }

            Assert.AreEqual(expected + "-ERR Too many bad commands.\r\n", s);
            Assert.IsFalse(h.Maildrop.IsLocked);
        }

        [TestMethod]
        public void Case50_ThreeBadCommandsBeforeLogin_ErrAndClose()
        {
            Pop3Harness h = new Pop3Harness();
            string s = h.Run("STAT\nLIST\nHELO\nUSER tech\n", true, false);
            Assert.AreEqual("+OK POP3 server ready\r\n-ERR Unknown command.\r\n-ERR Unknown command.\r\n-ERR Unknown command.\r\n-ERR Too many bad commands.\r\n", s);
        }

        [TestMethod]
        public void Case50_KeywordsIgnoreCase_BareLfEndsACommand()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add("x\r\n");
            ScriptedConnection c = new ScriptedConnection(Pop3Harness.Latin1("user tech\npAsS secret\nStAt\nquit\n"), null, 1);
            c.IsLoopback = true;
            h.Run(c);
            Assert.AreEqual("+OK POP3 server ready\r\n+OK\r\n+OK tech's maildrop has 1 messages (3 octets)\r\n+OK 1 3\r\n+OK nanoRelay POP3 server signing off (1 messages left)\r\n", c.WrittenText);
        }

        [TestMethod]
        public void PassWithSpaces_IsOnePassword()
        {
            Pop3Harness h = new Pop3Harness();
            h.Options.Password = "two words";
            Assert.AreEqual("+OK POP3 server ready\r\n+OK\r\n+OK tech's maildrop has 0 messages (0 octets)\r\n", h.Run("USER tech\nPASS two words\n", true, false));
        }
    }
}

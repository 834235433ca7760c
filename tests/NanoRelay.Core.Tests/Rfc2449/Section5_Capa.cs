#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;
using NanoRelay.Core.Tests.Rfc1939;

namespace NanoRelay.Core.Tests.Rfc2449
{
    /// <summary>RFC 2449 §5 CAPA in both states, and §6.5 PIPELINING: a batch of commands gets its replies in order.</summary>
    [TestClass]
    public class Section5_Capa
    {
        [TestMethod]
        public void CapaInTransaction_NoLoginCapabilities()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual("+OK Capability list follows\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nIMPLEMENTATION nanoRelay\r\n.\r\n", h.AfterLogin("CAPA\n"));
        }

        [TestMethod]
        public void CapaWithAnArgument_IsRefused()
        {
            Pop3Harness h = new Pop3Harness();
            Assert.AreEqual("-ERR Invalid arguments.\r\n", h.AfterLogin("CAPA x\n"));
        }

        [TestMethod]
        public void Pipelined_RepliesInOrder_SameAsOneByOne()
        {
            string commands = "USER tech\nPASS secret\nSTAT\nLIST\nUIDL\nTOP 1 0\nRETR 2\nDELE 1\nNOOP\nQUIT\n";
            Pop3Harness byLine = new Pop3Harness();
            Pop3Harness batch = new Pop3Harness();
            for (int i = 0; i < 40; i++)
            {
                byLine.Maildrop.Add("Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
                batch.Maildrop.Add("Subject: " + i + "\r\n\r\nbody " + i + "\r\n");
            }

            string expected = byLine.Run(commands, true, false);
            byte[] script = Pop3Harness.Latin1(Text.Replace(commands, "\n", "\r\n"));
            ScriptedConnection c = new ScriptedConnection(script, null, script.Length);
            c.IsLoopback = true;
            batch.Run(c);
            Assert.AreEqual(expected, c.WrittenText);
            Assert.IsTrue(expected.IndexOf("\r\n40 m40\r\n.\r\n") > 0);
            Assert.AreEqual(39, batch.Maildrop.Stored);
        }
    }
}

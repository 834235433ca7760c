#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc1939
{
    /// <summary>RFC 1939 §3 (multi-line responses, byte-stuffing) and §7 TOP: docs/catalogue.md #51.</summary>
    [TestClass]
    public class Section3_MultiLine
    {
        private const string Stored = "Subject: dots\r\nX: y\r\n\r\n.\r\n..\r\n.x\r\nbody line\r\nlast line\r\n";

        [TestMethod]
        public void Case51_Retr_DotStuffed_CrlfTerminated_SizeIsTheStoredOctets()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Stored);
            string s = h.AfterLogin("LIST 1\nRETR 1\n");
            Assert.AreEqual("+OK 1 " + Stored.Length + "\r\n+OK " + Stored.Length + " octets\r\n"
                + "Subject: dots\r\nX: y\r\n\r\n..\r\n...\r\n..x\r\nbody line\r\nlast line\r\n.\r\n", s);
        }

        [TestMethod]
        public void Case51_NoFinalCrlf_OrBareLf_IsCompletedToCrlf()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add("Subject: legacy\n\n.dot\nno end");
            string s = h.AfterLogin("RETR 1\n");
            Assert.IsTrue(s.EndsWith("octets\r\nSubject: legacy\r\n\r\n..dot\r\nno end\r\n.\r\n"));
        }

        [TestMethod]
        public void Case51_Top0_HeadersAndBlankLineOnly()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Stored);
            Assert.AreEqual("+OK\r\nSubject: dots\r\nX: y\r\n\r\n.\r\n", h.AfterLogin("TOP 1 0\n"));
        }

        [TestMethod]
        public void Top_CountsBodyLines_AndStopsAtTheEnd()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Stored);
            Assert.AreEqual("+OK\r\nSubject: dots\r\nX: y\r\n\r\n..\r\n...\r\n.\r\n", h.AfterLogin("TOP 1 2\n"));
            Assert.AreEqual("+OK\r\nSubject: dots\r\nX: y\r\n\r\n..\r\n...\r\n..x\r\nbody line\r\nlast line\r\n.\r\n", new Pop3Harness().AfterLoginWith(Stored, "TOP 1 99\n"));
        }

        [TestMethod]
        public void SmallMessage_StatusLineMessageAndDot_LeaveInOneWrite()
        {
            Pop3Harness h = new Pop3Harness();
            h.Maildrop.Add(Stored);
            ScriptedConnection c = h.Connect("USER tech\nPASS secret\n", true, false);
            h.Run(c);
            int writesForLogin = c.Writes;

            Pop3Harness h2 = new Pop3Harness();
            h2.Maildrop.Add(Stored);
            ScriptedConnection c2 = h2.Connect("USER tech\nPASS secret\nRETR 1\n", true, false);
            new NanoRelay.Pop3.Pop3ServerDriver(h2.Server, c2, 4096).Run();
            Assert.AreEqual(writesForLogin + 1, c2.Writes);
            Assert.IsTrue(c2.WrittenText.EndsWith("octets\r\nSubject: dots\r\nX: y\r\n\r\n..\r\n...\r\n..x\r\nbody line\r\nlast line\r\n.\r\n"));
        }

        [TestMethod]
        public void LargeMessage_StreamsWholeThroughSmallBuffers()
        {
            string body = "";
            for (int i = 0; i < 2000; i++)
            {
                body += (i % 7 == 0 ? "." : "") + "line " + i + "\r\n";
            }

            Pop3Harness h = new Pop3Harness();
            string s = h.AfterLoginWith("Subject: big\r\n\r\n" + body, "RETR 1\n");
            int start = s.IndexOf("\r\n") + 2;
            string wire = s.Substring(start, s.Length - start - 3);
            Assert.AreEqual("Subject: big\r\n\r\n" + body, Text.Replace(wire, "\r\n..", "\r\n."));
            Assert.IsTrue(s.EndsWith("\r\n.\r\n"));
        }
    }
}

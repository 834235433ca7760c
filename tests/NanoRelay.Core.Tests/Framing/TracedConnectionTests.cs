#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Framing
{
    /// <summary>
    /// The --trace tap: the bytes crossing a connection, in whatever chunks they come, become one
    /// C:/S: line each through the session's TraceFormatter; a SASL response pipelined behind
    /// AUTH (RFC 4954 §4 forbids it, a client may still do it) is redacted before its challenge.
    /// </summary>
    [TestClass]
    public class TracedConnectionTests
    {
        // Strips the "pop3#N: " source of MemoryLog's lines.
        private static string Dialogue(MemoryLog log)
        {
            string[] lines = log.Lines;
            string text = "";
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Substring(lines[i].IndexOf(": ") + 2);
                text += i == 0 ? line : "\n" + line;
            }

            return text;
        }

        [TestMethod]
        public void ServerSide_ReadsAreClientLines_WritesAreServerLines_WhateverTheChunks()
        {
            MemoryLog log = new MemoryLog();
            byte[] script = Ascii.Bytes("USER tech\r\nPASS secret\r\nQUIT\r\n");
            TracedConnection c = new TracedConnection(new ScriptedConnection(script, 3), log, "pop3", true);
            byte[] greeting = Ascii.Bytes("+OK ready\r\n");
            c.Write(greeting, 0, greeting.Length);
            byte[] buffer = new byte[64];
            byte[] ok = Ascii.Bytes("+OK\r\n");
            int lines = 0;
            while (lines < 3)
            {
                int n = c.Read(buffer, 0, buffer.Length, 1000);
                Assert.IsTrue(n > 0);
                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        lines++;
                        c.Write(ok, 0, ok.Length);
                    }
                }
            }

            Assert.AreEqual("S: +OK ready\nC: USER tech\nS: +OK\nC: PASS [redacted]\nS: +OK\nC: QUIT\nS: +OK", Dialogue(log));
            Assert.IsTrue(log.Text.IndexOf("secret") < 0);
        }

        [TestMethod]
        public void ClientSide_WritesAreClientLines_ReadsAreServerLines()
        {
            MemoryLog log = new MemoryLog();
            TracedConnection c = new TracedConnection(new ScriptedConnection(Ascii.Bytes("220 mx ESMTP\r\n250 ok\r\n"), 5), log, "smtp-client", false);
            byte[] buffer = new byte[64];
            while (log.Lines.Length < 1)
            {
                Assert.IsTrue(c.Read(buffer, 0, buffer.Length, 1000) > 0);
            }

            byte[] ehlo = Ascii.Bytes("EHLO relay\r\n");
            c.Write(ehlo, 0, 4);
            c.Write(ehlo, 4, ehlo.Length - 4);
            while (log.Lines.Length < 3)
            {
                Assert.IsTrue(c.Read(buffer, 0, buffer.Length, 1000) > 0);
            }

            Assert.AreEqual("S: 220 mx ESMTP\nC: EHLO relay\nS: 250 ok", Dialogue(log));
        }

        [TestMethod]
        public void Rfc4954_Section4_ResponsePipelinedBehindAuth_IsRedacted()
        {
            MemoryLog log = new MemoryLog();
            byte[] script = Ascii.Bytes("AUTH PLAIN\r\nAHRlY2gAc2VjcmV0\r\n");
            TracedConnection c = new TracedConnection(new ScriptedConnection(script, script.Length), log, "smtp-in", true);
            byte[] buffer = new byte[64];
            Assert.AreEqual(script.Length, c.Read(buffer, 0, buffer.Length, 1000));
            Assert.AreEqual("C: AUTH PLAIN\nC: [redacted]", Dialogue(log));
            Assert.IsTrue(log.Text.IndexOf("AHRlY2gAc2VjcmV0") < 0);
        }

        [TestMethod]
        public void EachTracedSession_HasItsOwnNumberedSource()
        {
            MemoryLog log = new MemoryLog();
            byte[] line = Ascii.Bytes("+OK\r\n");
            new TracedConnection(new ScriptedConnection(new byte[0], 1), log, "pop3", true).Write(line, 0, line.Length);
            new TracedConnection(new ScriptedConnection(new byte[0], 1), log, "pop3", true).Write(line, 0, line.Length);
            string[] lines = log.Lines;
            Assert.AreEqual(2, lines.Length);
            Assert.IsTrue(lines[0].StartsWith("pop3#"));
            Assert.IsTrue(lines[1].StartsWith("pop3#"));
            Assert.IsFalse(lines[0] == lines[1]);
        }
    }
}

#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Alerts;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Alerts
{
    /// <summary>RFC 2046 §5.1.5: a digest's parts are message/rfc822 by default; ours carry no part headers.</summary>
    [TestClass]
    public class Rfc2046_Section5_1_5_Digest
    {
        internal static AlertMessage FlappingDoorDigest(int bangs)
        {
            AlertBench b = new AlertBench(AlertRule.DoorOpen("front-door").WithRateLimit(1, 60000));
            for (int i = 0; i < bangs; i++)
            {
                b.At(1 + (i * 5), 1);
                b.At(3 + (i * 5), 0);
            }

            b.PollAt(200);
            return b.Sink[1];
        }

        internal static string Write(AlertMessage digest)
        {
            MemoryFileStore store = new MemoryFileStore();
            IFileWriter w = store.Create("digest");
            new AlertDigestWriter().WriteMessage(w, digest, "greenhouse-1@example.com", new string[] { "ops@example.com", "tech@example.com" }, digest.Utc, "d1");
            w.Flush();
            w.Close();
            IFileReader r = store.OpenRead("digest");
            byte[] all = new byte[(int)r.Length];
            int n = 0;
            while (n < all.Length)
            {
                int got = r.Read(all, n, all.Length - n);
                if (got <= 0)
                {
                    break;
                }

                n += got;
            }

            r.Close();
            return Utf8.GetString(all, 0, n);
        }

        [TestMethod]
        public void TopLevel_IsMultipartDigestWithItsBoundary()
        {
            AlertMessage d = FlappingDoorDigest(3);
            string text = Write(d);
            Assert.IsTrue(text.IndexOf("Content-Type: multipart/digest; boundary=\"" + AlertDigestWriter.BoundaryOf(d) + "\"\r\n") > 0);
            Assert.IsTrue(text.StartsWith("From: greenhouse-1@example.com\r\nTo: ops@example.com, tech@example.com\r\nSubject: [greenhouse-1] front-door: 5 changes while flapping, now closed\r\n"));
            Assert.IsTrue(text.IndexOf("\r\nMessage-ID: <d1@example.com>\r\nMIME-Version: 1.0\r\n") > 0);
            Assert.IsTrue(text.EndsWith("\r\n--" + AlertDigestWriter.BoundaryOf(d) + "--\r\n"));
        }

        [TestMethod]
        public void EachMember_IsAHeaderlessPartHoldingAMessage()
        {
            AlertMessage d = FlappingDoorDigest(3);
            string text = Write(d);
            string delimiter = "\r\n--" + AlertDigestWriter.BoundaryOf(d) + "\r\n";
            int parts = 0;
            int bare = 0;
            int at = text.IndexOf(delimiter);
            while (at >= 0)
            {
                parts++;
                if (text.Substring(at + delimiter.Length, 2) == "\r\n")
                {
                    bare++;   // no part headers: message/rfc822 by default
                }

                at = text.IndexOf(delimiter, at + 1);
            }

            Assert.AreEqual(1 + d.Members.Length, parts);   // the summary, then one part per member
            Assert.AreEqual(d.Members.Length, bare);
            Assert.IsTrue(text.IndexOf("\r\nMessage-ID: <d1.1@example.com>\r\n") > 0);
            Assert.IsTrue(text.IndexOf("\r\nMessage-ID: <d1.5@example.com>\r\n") > 0);
        }

        [TestMethod]
        public void NonAsciiText_IsEncoded_EveryLineShort()
        {
            AlertBench b = new AlertBench(AlertRule.Above("greenhouse-temp", SensorKind.Temperature, 35.0, 33.0).WithRateLimit(1, 60000));
            b.At(1, 36);
            b.At(2, 32);
            b.At(3, 36);
            b.At(4, 32);
            b.PollAt(100);
            string text = Write(b.Sink[1]);

            // RFC 2047 §4.1 for the °C in subjects, RFC 2045 §6.7 for bodies.
            Assert.IsTrue(text.IndexOf("Subject: =?utf-8?B?") > 0);
            Assert.IsTrue(text.IndexOf("Content-Transfer-Encoding: quoted-printable\r\n") > 0);
            Assert.IsTrue(text.IndexOf("=C2=B0C") > 0);
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(lines[i].Length <= 79, "line " + i + " is " + lines[i].Length + " long");
                Assert.IsTrue(lines[i].Length == 0 || lines[i].IndexOf('\r') == lines[i].Length - 1 || i == lines.Length - 1, "bare CR on line " + i);
                for (int k = 0; k < lines[i].Length; k++)
                {
                    Assert.IsTrue(lines[i][k] < 0x80, "8-bit on line " + i);
                }
            }
        }

        [TestMethod]
        public void NotADigest_IsRefused()
        {
            AlertBench b = new AlertBench(AlertRule.DoorOpen("front-door"));
            b.At(1, 1);
            bool refused = false;
            try
            {
                new AlertDigestWriter().WriteMessage(new MemoryFileStore().Create("x"), b.Sink[0], "a@b.c", new string[] { "d@e.f" }, b.Clock.UtcNow, "x");
            }
            catch (System.ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
        }
    }
}

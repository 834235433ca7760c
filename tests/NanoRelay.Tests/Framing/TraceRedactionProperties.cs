using System.Collections.Generic;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.Framing;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Framing
{
    /// <summary>Whatever the dialogue around it, a secret sent where the RFCs put secrets never reaches the trace.</summary>
    [TestClass]
    public class TraceRedactionProperties
    {
        private static readonly Gen<string> Secret = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="], 12, 60];

        // Harmless traffic that may come before or after: commands and final or continuation replies.
        private static readonly (bool Client, string Line)[] s_noise =
        {
            (true, "NOOP"), (true, "RSET"), (true, "MAIL FROM:<a@b.c>"), (true, "RCPT TO:<d@e.f>"), (true, "STAT"), (true, "LIST"),
            (false, "250 2.0.0 ok"), (false, "250-PIPELINING"), (false, "+OK"), (false, "-ERR no"), (false, "1 120"), (false, "."),
        };

        private static readonly Gen<(bool Client, string Line)> Noise = Gen.Int[0, s_noise.Length - 1].Select(i => s_noise[i]);

        private static IEnumerable<(bool Client, string Line)> Secrets(int form, string secret)
        {
            switch (form)
            {
                case 0:
                    yield return (true, "AUTH PLAIN " + secret);
                    break;
                case 1:
                    yield return (true, "AUTH LOGIN");
                    yield return (false, "334 VXNlcm5hbWU6");
                    yield return (true, secret);
                    break;
                case 2:
                    yield return (true, "PASS " + secret);
                    break;
                case 3:
                    yield return (true, "APOP tech " + secret);
                    break;
                case 4:
                    yield return (true, "AUTH XOAUTH2");
                    yield return (false, "+ ");
                    yield return (true, secret);
                    break;
                default:
                    yield return (true, "auth cram-md5");
                    yield return (false, "334 PDEyMzQ1QGhvc3Q+");
                    yield return (true, secret);
                    break;
            }
        }

        [TestMethod]
        public void SecretsNeverReachTheLog()
        {
            Gen.Select(Noise.Array[0, 12], Gen.Int[0, 5], Secret, Gen.Bool).Sample((before, form, secret, smtp) =>
            {
                MemoryLog log = new MemoryLog();
                TraceFormatter t = new TraceFormatter(log, "s");
                Feed(t, false, smtp ? "220 mx ESMTP" : "+OK ready");
                foreach ((bool c, string l) in before)
                {
                    // A dialogue that is mid-body would elide, not leak; keep the noise outside bodies.
                    Feed(t, c, l);
                }

                foreach ((bool c, string l) in Secrets(form, secret))
                {
                    Feed(t, c, l);
                }

                Assert.IsFalse(log.Text.Contains(secret), log.Text);
            });
        }

        private static void Feed(TraceFormatter t, bool client, string line)
        {
            byte[] b = Ascii.Bytes(line + "\r\n");
            if (client)
            {
                t.Client(b, 0, b.Length);
            }
            else
            {
                t.Server(b, 0, b.Length);
            }
        }
    }
}

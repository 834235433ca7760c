using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NanoRelay.Fuzz
{
    /// <summary>The seed corpus, made by code so it can be regenerated: a dozen honest and hostile inputs per target.</summary>
    public static class Seeds
    {
        public static void WriteAll(string root)
        {
            foreach (var t in Targets.All)
            {
                string dir = Path.Combine(root, t.Name);
                Directory.CreateDirectory(dir);
                int i = 0;
                foreach (byte[] seed in For(t.Name))
                {
                    System.IO.File.WriteAllBytes(Path.Combine(dir, "seed-" + (i++).ToString("00")), seed);
                }
            }
        }

        public static IEnumerable<byte[]> For(string target)
        {
            switch (target)
            {
                case "framer":
                    string[] texts =
                    {
                        "EHLO client.example\r\nMAIL FROM:<a@b>\r\n", "DATA\r\n.leading dot\r\n.\r\n", "bare\nlf\rcr\r\r\nend", "nul\0inside\r\n",
                        new string('a', 600) + "\r\nafter\r\n", new string('b', 1100) + "\r\nok\r\n", "USER tech\nPASS x\r\n",
                    };
                    for (int p = 0; p < 5; p++)
                    {
                        yield return Concat(new byte[] { (byte)p, (byte)(p * 13) }, Ascii(texts[p]));
                        yield return Concat(new byte[] { (byte)p, 3 }, Ascii(texts[5 + (p % 2)]));
                    }

                    break;
                case "smtp-reply":
                    yield return Concat(new byte[] { 5, 0 }, Ascii("220 mx.example ESMTP\r\n"));
                    yield return Concat(new byte[] { 1, 1 }, Ascii("250-mx.example\r\n250-SIZE 10240000\r\n250-AUTH PLAIN LOGIN CRAM-MD5\r\n250-STARTTLS\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 ENHANCEDSTATUSCODES\r\n"));
                    yield return Concat(new byte[] { 9, 0 }, Ascii("550 5.1.1 <x@y>: Recipient address rejected\r\n"));
                    yield return Concat(new byte[] { 2, 0 }, Ascii("451-4.3.0 first\r\n451 4.3.0 second\r\n354 go ahead\r\n"));
                    yield return Concat(new byte[] { 7, 1 }, Ascii("250-a\r\n251 mixed codes\r\n250\r\n"));
                    yield return Concat(new byte[] { 3, 0 }, Ascii("220 bare\nlf\r\n199 low\r\n600 high\r\n2x0 bad\r\n250\tx\r\n"));
                    yield return Concat(new byte[] { 4, 1 }, Ascii("250-" + new string('k', 600) + "\r\n250 ok\r\n"));
                    yield return Concat(new byte[] { 6, 0 }, Ascii("334 VXNlcm5hbWU6\r\n235 2.7.0 ok\r\n535 5.7.8 no\r\n"));
                    break;
                case "smtp-server":
                    string[] dialogues =
                    {
                        "EHLO c.lan\r\nMAIL FROM:<a@lan> SIZE=100\r\nRCPT TO:<o@example.com>\r\nDATA\r\nSubject: x\r\n\r\n..dot\r\nbody\r\n.\r\nQUIT\r\n",
                        "HELO c\r\nMAIL FROM:<>\r\nRCPT TO:<a@x>\r\nRCPT TO:<b@x>\r\nRCPT TO:<c@x>\r\nRCPT TO:<d@x>\r\nRCPT TO:<e@x>\r\nRCPT TO:<f@x>\r\nDATA\r\nbare\nlf\r\n.\r\nRSET\r\nNOOP\r\nQUIT\r\n",
                        "EHLO c\r\nAUTH PLAIN AHRlY2gAc2VjcmV0\r\nMAIL FROM:<t@lan>\r\nRCPT TO:<o@example.com>\r\nDATA\r\nx\r\n.\r\n",
                        "EHLO c\r\nAUTH LOGIN\r\ndGVjaA==\r\nc2VjcmV0\r\nAUTH PLAIN\r\n*\r\nMAIL FROM:<t@lan>\r\n",
                        "EHLO c\r\nSTARTTLS\r\nEHLO c\r\nMAIL FROM:<a@lan>\r\n",
                        "EHLO c\r\nMAIL FROM:<a@lan>\r\nRCPT TO:<o@example.com>\r\nDATA\r\nnul\0here\r\n" + new string('l', 1100) + "\r\n.\r\nMAIL FROM:<a@lan> BODY=8BITMIME\r\n",
                        "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
                        "EHLO c\r\nMAIL FROM:<\"q u\"@[192.0.2.1]>\r\nRCPT TO:<@r1,@r2:o@example.com>\r\nRCPT TO:<postmaster>\r\nVRFY x\r\nEXPN y\r\nHELP\r\nBDAT 10\r\n",
                    };
                    for (int d = 0; d < dialogues.Length; d++)
                    {
                        yield return Concat(new byte[] { (byte)(d % 2 == 0 ? 8 : 8 + 7 - (d & 7)), (byte)(d * 11) }, Ascii(dialogues[d]));
                    }

                    yield return Concat(new byte[] { 0, 5 }, Ascii(dialogues[0]));
                    yield return Concat(new byte[] { 5, 5 }, Ascii(dialogues[2]));
                    break;
                case "pop3-session":
                    yield return Concat(new byte[] { 0, 255 }, Ascii("USER tech\r\nPASS secret\r\nSTAT\r\nLIST\r\nUIDL\r\nRETR 1\r\nTOP 2 1\r\nDELE 1\r\nLIST 1\r\nRSET\r\nDELE 2\r\nNOOP\r\nQUIT\r\n"));
                    yield return Concat(new byte[] { 2, 7 }, Ascii("CAPA\r\nSTLS\r\nCAPA\r\nUSER tech\r\nPASS secret\r\nLAST\r\nQUIT\r\n"));
                    yield return Concat(new byte[] { 6, 40 }, Ascii("AUTH PLAIN\r\nAHRlY2gAc2VjcmV0\r\nSTAT\r\nRETR 3\r\nQUIT\r\n"));
                    yield return Concat(new byte[] { 4, 1 }, Ascii("AUTH PLAIN AHRlY2gAc2VjcmV0\r\nUIDL 2\r\nTOP 1 0\r\nDELE 9\r\nQUIT\r\n"));
                    yield return Concat(new byte[] { 1, 20 }, Ascii("APOP tech 0123456789abcdef0123456789abcdef\r\nUSER tech\r\nPASS wrong\r\nPASS secret\r\n"));
                    yield return Concat(new byte[] { 0, 3 }, Ascii("user tech\nPASS secret\nstat\r\nretr 01\r\nretr 1 2\r\nlist -1\r\nquit\r\n"));
                    yield return Concat(new byte[] { 0, 9 }, Ascii("HELO\r\nEHLO\r\nX\r\nUSER\r\n" + new string('A', 300) + "\r\nUSER tech\0\r\n"));
                    yield return Concat(new byte[] { 2, 200 }, Ascii("STLS\r\nUSER tech\r\nSTLS\r\nPASS secret\r\nSTLS\r\nQUIT\r\n"));
                    break;
                case "mime-roundtrip":
                    yield return Mime(0, "Alert: temperature high", "It is 41.5 C.\r\nSecond line.", "readings.csv", Ascii("time,temp\n09:30,41.5\n"));
                    yield return Mime(1, "Alerta: temperatura máxima excedida em São Paulo", "A temperatura chegou a 41,5 °C.\r\n.linha com ponto\r\nFim.", "medições.csv", Ascii("a,b\r\n"));
                    yield return Mime(2, "", "", "x.bin", new byte[] { 0, 1, 2, 255, 254, 13, 10, 13 });
                    yield return Mime(0, new string('s', 200) + " " + new string('t', 90), new string('b', 2000) + "\nbare lf\rbare cr", "a very long file name " + new string('n', 120) + ".dat", new byte[3000]);
                    yield return Mime(1, "=?utf-8?q?not_a_word?= \"quoted\" (comment)", "From the start\r\n\r\n\r\n", "q\"uote;d.txt", Ascii("=3D=\r\n"));
                    yield return Mime(2, "日本語の件名 with emoji 😀", "body 日本語\r\n", "файл.png", new byte[] { 137, 80, 78, 71 });
                    yield return Mime(0, "tab\there", "line\twith tab   \r\ntrailing spaces   ", "", Ascii("x"));
                    break;
                case "spool-recovery":
                    yield return new byte[] { 1 };
                    yield return new byte[] { 0 };
                    yield return Concat(new byte[] { 1 }, File(0, Ascii("junk")));
                    yield return Concat(new byte[] { 1 }, File(1, new byte[] { 1, 2, 3, 4, 0x80, 0, 0, 0, 9 }));
                    yield return Concat(new byte[] { 1 }, File(3, new byte[0]));
                    yield return Concat(new byte[] { 1 }, File(2, Ascii("why")), File(0xF8, new byte[] { 0, 0, 0, 0, 0, 0, 0, 9 }));
                    yield return Concat(new byte[] { 0 }, File(8, Ascii("orphan content")), File(9 + 16, new byte[40]));
                    yield return Concat(new byte[] { 1 }, File(0xF1, Ascii("stranger")), File(4, new byte[12]), File(16 + 1, new byte[] { 255, 255, 255, 255 }));
                    break;
                case "dns-response":
                    foreach (byte[] seed in DnsSeeds())
                    {
                        yield return seed;
                    }

                    break;
            }
        }

        // Type pick (0 MX, 1 A, 2 AAAA; name from bits 2-3), the ID flag, then the response.
        private static IEnumerable<byte[]> DnsSeeds()
        {
            byte[] v6 = new byte[16];
            v6[0] = 0x20;
            v6[15] = 1;
            yield return Concat(new byte[] { 0, 1 }, NanoRelay.Testing.DnsPacket.Response("example.org", Dns.DnsType.Mx, 0).Mx(null, 10, "mx1.example.org", 300).Mx(null, 20, "mx2.example.org", 300).ToArray());
            yield return Concat(new byte[] { 0, 1 }, NanoRelay.Testing.DnsPacket.Response("example.org", Dns.DnsType.Mx, 0).Mx(null, 0, ".", 300).ToArray());
            yield return Concat(new byte[] { 5, 1 }, NanoRelay.Testing.DnsPacket.Response("mx1.example.org", Dns.DnsType.A, 0).CName(null, "host.example.org", 60).A("host.example.org", 192, 0, 2, 1, 60).ToArray());
            yield return Concat(new byte[] { 6, 1 }, NanoRelay.Testing.DnsPacket.Response("mx1.example.org", Dns.DnsType.Aaaa, 0).Aaaa(null, v6, 60).ToArray());
            yield return Concat(new byte[] { 0, 1 }, NanoRelay.Testing.DnsPacket.Response("example.org", Dns.DnsType.Mx, Dns.DnsRcode.NameError).ToArray());
            yield return Concat(new byte[] { 0, 1 }, NanoRelay.Testing.DnsPacket.Response("example.org", Dns.DnsType.Mx, 0).Truncated().ToArray());
            yield return Concat(new byte[] { 0, 0 }, NanoRelay.Testing.DnsPacket.Response("example.org", Dns.DnsType.Mx, 0).Mx("other.example", 1, "evil.example", 60).ToArray());
            NanoRelay.Testing.DnsPacket loop = NanoRelay.Testing.DnsPacket.Response("example.org", Dns.DnsType.Mx, 0);
            int at = loop.Length;
            loop.Record(null, Dns.DnsType.Mx, 60).U16(10).Octet(3).Octet('x').Octet('y').Octet('z').Pointer(at + 14).End();
            yield return Concat(new byte[] { 0, 1 }, loop.ToArray());
            NanoRelay.Testing.DnsPacket chain = NanoRelay.Testing.DnsPacket.Response("a.example", Dns.DnsType.A, 0).CName(null, "b.example", 60).CName("b.example", "a.example", 60);
            yield return Concat(new byte[] { 9, 1 }, chain.ToArray());
        }

        private static byte[] Mime(byte type, string subject, string body, string name, byte[] content)
        {
            return Concat(new[] { type }, Chunk(Encoding.UTF8.GetBytes(subject)), Chunk(Encoding.UTF8.GetBytes(body)), Chunk(Encoding.UTF8.GetBytes(name)), Chunk(content));
        }

        private static byte[] File(int pick, byte[] content) => Concat(new[] { (byte)pick }, Chunk(content));

        private static byte[] Chunk(byte[] b) => Concat(new[] { (byte)(b.Length & 0xFF), (byte)(b.Length >> 8) }, b);

        private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

        private static byte[] Concat(params byte[][] parts)
        {
            List<byte> all = new List<byte>();
            foreach (byte[] p in parts)
            {
                all.AddRange(p);
            }

            return all.ToArray();
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Smtp;

namespace NanoRelay.SubmissionBench
{
    /// <summary>
    /// usage: HOST PORT USER PASSWORD CAFILE [COUNT] [ROUNDS]
    /// Each round: one STARTTLS+AUTH session per client, COUNT messages in it, QUIT. With CAFILE
    /// "none" the session is plaintext without AUTH (a sink that answers at once, such as Postfix's
    /// smtp-sink: bench/submission/run-sink.sh), so the clients' own cost sets the pace. The same MIME
    /// message (a 2 KB alert written once by nanoRelay's writer) goes out through both clients.
    /// Prints one line per client per round and the median ratio.
    /// </summary>
    public static class Program
    {
        private sealed class QuietLog : ILog
        {
            public bool IsTraceEnabled { get { return false; } }

            public void Write(LogLevel level, string source, string message)
            {
            }
        }

        public static int Main(string[] args)
        {
            if (args.Length < 5)
            {
                Console.Error.WriteLine("usage: HOST PORT USER PASSWORD CAFILE [COUNT] [ROUNDS]");
                return 2;
            }

            string host = args[0];
            int port = int.Parse(args[1]);
            string user = args[2];
            string password = args[3];
            bool plain = args[4] == "none";
            X509Certificate2Collection cas = plain ? new X509Certificate2Collection() : TcpConnector.LoadTrustedCas(args[4]);
            int count = args.Length > 5 ? int.Parse(args[5]) : 500;
            int rounds = args.Length > 6 ? int.Parse(args[6]) : 3;

            string dir = Directory.CreateTempSubdirectory("nanorelay-bench-").FullName;
            var store = new DirectoryFileStore(dir, 0);
            var clock = new SystemClock();
            byte[] message = WriteMessage(store, clock);
            Console.WriteLine("message: " + message.Length + " octets; " + count + " messages per session; " + rounds + " rounds; server " + host + ":" + port + (plain ? " (plaintext, no AUTH)" : " (STARTTLS + AUTH)"));
            if (plain)
            {
                user = null;
                password = null;
            }

            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++)
            {
                // Alternate who goes first so a warm server cache favours neither.
                double ours, theirs;
                if (r % 2 == 0)
                {
                    ours = RunNano(host, port, user, password, cas, store, clock, count, message.Length, r);
                    theirs = RunMailKit(host, port, user, password, cas, message, count, r);
                }
                else
                {
                    theirs = RunMailKit(host, port, user, password, cas, message, count, r);
                    ours = RunNano(host, port, user, password, cas, store, clock, count, message.Length, r);
                }

                ratios[r] = theirs / ours;
            }

            Array.Sort(ratios);
            Console.WriteLine("median time ratio MailKit/nanoRelay: " + ratios[rounds / 2].ToString("0.00") + " (above 1: nanoRelay faster); nanoRelay's time is " + (1 / ratios[rounds / 2]).ToString("0.00") + " x MailKit's");
            Directory.Delete(dir, true);
            return 0;
        }

        private static byte[] WriteMessage(DirectoryFileStore store, SystemClock clock)
        {
            string text = "";
            while (text.Length < 2000)
            {
                text += "Sensor greenhouse-temp: 41.5 C at 09:30 (limit 35.0 C). Check the vents.\r\n";
            }

            var m = new OutgoingMessage
            {
                From = "greenhouse-1@example.com",
                To = new[] { "ops@example.com" },
                Subject = "Alerta: temperatura máxima excedida em São Paulo",
                MessageId = "<bench@example.com>",
                BodyText = text,
            };
            IFileWriter file = store.Create("bench");
            new MessageWriter(clock, new CryptoRandom()).Write(m, file);
            file.Flush();
            file.Close();
            return File.ReadAllBytes(Path.Combine(store.Root, "bench"));
        }

        private static double RunNano(string host, int port, string user, string password, X509Certificate2Collection cas, DirectoryFileStore store, SystemClock clock, int count, long size, int round)
        {
            var settings = new SmtpClientSettings { Host = host, Port = port, Tls = user == null ? SmtpTlsMode.None : SmtpTlsMode.StartTls, User = user, Password = password, Auth = SmtpAuthChoice.Plain, HeloName = "bench.example" };
            GC.Collect();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var driver = new SmtpClientDriver(new TcpConnector(cas), clock, new QuietLog(), settings);
            SmtpOutcome failed = driver.Open();
            if (failed != null)
            {
                throw new InvalidOperationException("nanoRelay: " + failed.Describe());
            }

            var envelope = new SmtpEnvelope("greenhouse-1@example.com", new[] { "ops@example.com" }) { Size = size };
            IFileReader content = store.OpenRead("bench");
            for (int i = 0; i < count; i++)
            {
                SmtpOutcome o = driver.Send(envelope, content);
                if (!o.Accepted)
                {
                    throw new InvalidOperationException("nanoRelay message " + i + ": " + o.Describe());
                }
            }

            driver.Close();
            content.Close();
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Report("nanoRelay", round, count, watch.Elapsed.TotalSeconds, allocated);
            return watch.Elapsed.TotalSeconds;
        }

        private static double RunMailKit(string host, int port, string user, string password, X509Certificate2Collection cas, byte[] raw, int count, int round)
        {
            var message = MimeKit.MimeMessage.Load(new MemoryStream(raw));
            GC.Collect();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            using (var client = new SmtpClient())
            {
                client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => Trust(certificate, errors, cas);
                client.Connect(host, port, user == null ? SecureSocketOptions.None : SecureSocketOptions.StartTls);
                if (user != null)
                {
                    client.Authenticate(new SaslMechanismPlain(user, password));
                }
                var from = MimeKit.MailboxAddress.Parse("greenhouse-1@example.com");
                var to = new[] { MimeKit.MailboxAddress.Parse("ops@example.com") };
                for (int i = 0; i < count; i++)
                {
                    client.Send(message, from, to);
                }

                client.Disconnect(true);
            }

            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            Report("MailKit", round, count, watch.Elapsed.TotalSeconds, allocated);
            return watch.Elapsed.TotalSeconds;
        }

        // The same rule as the relay's adapter: only an untrusted root may be forgiven, by the given CA.
        private static bool Trust(X509Certificate certificate, SslPolicyErrors errors, X509Certificate2Collection cas)
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate == null)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(cas);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        }

        private static void Report(string who, int round, int count, double seconds, long allocated)
        {
            Console.WriteLine(who.PadRight(10) + " round " + round + ": " + count + " messages in " + seconds.ToString("0.000") + " s = " +
                (count / seconds).ToString("0") + " msg/s; allocated on the sending thread " + (allocated / 1024) + " KiB (" + (allocated / count) + " B/message)");
        }
    }
}

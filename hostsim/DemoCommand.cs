using System;
using System.CommandLine;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using NanoRelay.Alerts;
using NanoRelay.HostSim.Adapters;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// `demo`: the path of one mail from user agent to user agent, on one machine. Two relays run in
    /// this process from config files the demo writes: Alice's (a temperature sensor replayed from
    /// a CSV, Bob's relay as its upstream over STARTTLS with AUTH, Bob's certificate as its trusted
    /// CA) and Bob's (SMTP in, no upstream, so mail goes into his mailbox, POP3 out). The replayed
    /// sensor crosses its threshold, Alice's relay submits the alert, Bob's delivers it, and a POP3
    /// client written apart from the core fetches it. The dialogue of each hop is printed as the
    /// core's TraceFormatter shows it (secrets redacted, bodies elided). Exit 0 when the mail
    /// arrived with the subject and body the rule raised, 1 otherwise (or after the time limit).
    /// </summary>
    public static class DemoCommand
    {
        /// <summary>The whole demo gives up after this long.</summary>
        public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

        private const string SensorName = "greenhouse-temp";
        private const string BobPop3User = "bob";
        private const string BobPop3Password = "bob-pop3-secret";
        private const string AliceSmtpUser = "alice";
        private const string AliceSmtpPassword = "alice-smtp-secret";

        public static Command Create()
        {
            Option<string> dir = new Option<string>("--dir") { Description = "keep the two relays' configs and data here (default: a temporary directory, removed at the end)" };
            Command demo = new Command("demo", "two relays on loopback: a sensor alert from Alice's relay to Bob's mailbox, each hop's dialogue printed") { dir };
            demo.SetAction(parse => Execute(parse.GetValue(dir), Console.Out));
            return demo;
        }

        public static int Execute(string directory, TextWriter output)
        {
            bool temporary = directory == null;
            string root = Path.GetFullPath(directory ?? Path.Combine(Path.GetTempPath(), "nanorelay-demo-" + Guid.NewGuid().ToString("N").Substring(0, 8)));
            Stopwatch clock = Stopwatch.StartNew();
            try
            {
                return Run(root, output, clock);
            }
            finally
            {
                if (temporary)
                {
                    TryDelete(root);
                }
            }
        }

        private static int Run(string root, TextWriter output, Stopwatch elapsed)
        {
            output.WriteLine("nanoRelay demo: a sensor alert from Alice's relay to Bob's mailbox, two relays on loopback");
            output.WriteLine("  files          " + root);
            DemoLog aliceLog = new DemoLog("alice");
            DemoLog bobLog = new DemoLog("bob");
            SystemClock clock = new SystemClock();
            CryptoRandom random = new CryptoRandom();
            RelayServices bob = null;
            RelayServices alice = null;
            AlertMessage raised = null;
            using ManualResetEventSlim alerted = new ManualResetEventSlim();
            try
            {
                // Bob first: his self-signed certificate is what Alice's config trusts.
                int bobSmtp = FreePort();
                int bobPop3 = FreePort();
                string bobConfig = WriteConfig(root, "bob", BobConfig(bobSmtp, bobPop3));
                bob = Start(bobConfig, clock, random, bobLog);
                string bobCertificate = Path.Combine(bob.Host.DataDirectory, HostCertificate.PemName);
                output.WriteLine("  bob            SMTP in 127.0.0.1:" + bobSmtp + " (STARTTLS, AUTH for " + AliceSmtpUser + "), POP3 127.0.0.1:" + bobPop3
                    + " (STLS), no upstream: mail goes into his mailbox");

                string csv = Path.Combine(root, "alice", "greenhouse.csv");
                Directory.CreateDirectory(Path.GetDirectoryName(csv));
                File.WriteAllText(csv, "time_seconds,sensor,value\n0," + SensorName + ",31.5\n1," + SensorName + ",34.0\n2," + SensorName + ",36.4\n");
                string aliceConfig = WriteConfig(root, "alice", AliceConfig(bobSmtp, Path.GetRelativePath(Path.Combine(root, "alice"), bobCertificate)));
                alice = Start(aliceConfig, clock, random, aliceLog, m =>
                {
                    if (Interlocked.CompareExchange(ref raised, m, null) == null)
                    {
                        alerted.Set();
                    }
                });
                output.WriteLine("  alice          upstream 127.0.0.1:" + bobSmtp + " (starttls, AUTH as " + AliceSmtpUser + ", Bob's certificate as trusted CA); "
                    + SensorName + " replayed from greenhouse.csv, alert above 35.0 °C");

                if (!alerted.Wait(Remaining(elapsed)))
                {
                    return Fail(output, "no alert from Alice's sensor within " + (int)TimeLimit.TotalSeconds + " s", aliceLog, bobLog);
                }

                output.WriteLine();
                output.WriteLine("alice's rule raised: " + raised.Subject);

                // Bob's relay delivers into his mailbox as soon as his ingress has queued the mail.
                while (bob.Host.Mailbox.Refresh() == 0)
                {
                    if (Remaining(elapsed) == TimeSpan.Zero)
                    {
                        string why = alice.Snapshot().LastError;
                        return Fail(output, "the alert did not reach Bob's mailbox within " + (int)TimeLimit.TotalSeconds + " s" + (why == null ? "" : ": " + why), aliceLog, bobLog);
                    }

                    Thread.Sleep(50);
                }

                byte[] fetched;
                using (X509Certificate2 pinned = X509CertificateLoader.LoadCertificateFromFile(bobCertificate))
                using (DemoPop3Client pop3 = DemoPop3Client.Connect("127.0.0.1", bobPop3, pinned, (int)Math.Max(1000, Remaining(elapsed).TotalMilliseconds)))
                {
                    pop3.Login(BobPop3User, BobPop3Password);
                    fetched = pop3.Retrieve(pop3.Count());
                    pop3.Quit();
                }

                output.WriteLine();
                Hop(output, "hop 1  Alice's relay -> Bob's SMTP ingress (SMTP, STARTTLS, AUTH)", aliceLog, "smtp-client");
                Hop(output, "hop 2  Bob's mailbox -> the POP3 reader (POP3, STLS, USER/PASS)", bobLog, "pop3");
                return Compare(output, raised, fetched, elapsed);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Any failure on the way (a port taken, TLS refused, a bad reply) is the demo's answer: exit 1, one line.
                return Fail(output, e.GetType().Name + ": " + e.Message, aliceLog, bobLog);
            }
            finally
            {
                alice?.Stop(TextWriter.Null);
                bob?.Stop(TextWriter.Null);
            }
        }

        private static RelayServices Start(string configFile, SystemClock clock, CryptoRandom random, DemoLog log, Action<AlertMessage> raised = null)
        {
            HostConfig config = HostConfig.Load(configFile);
            RunOptions options = new RunOptions { ConfigFile = configFile, StatusLine = false };
            RelayServices services = RelayServices.Start(config, options, RunCommand.DataDirectoryOf(options, config), clock, random, log, TextWriter.Null, raised);
            return services;
        }

        private static object BobConfig(int smtp, int pop3)
        {
            return new
            {
                device = new { name = "bob-relay" },
                alerts = new { from = "bob-relay@bob.test", to = new[] { "bob@bob.test" } },
                pop3 = new { listen = "127.0.0.1:" + pop3, user = BobPop3User, password = BobPop3Password },
                smtpIngress = new
                {
                    listen = "127.0.0.1:" + smtp,
                    allowFrom = new[] { "127.0.0.0/8" },
                    users = new[] { new { user = AliceSmtpUser, password = AliceSmtpPassword } },
                },
                spool = new { path = "data", maxBytes = 1048576 },
            };
        }

        private static object AliceConfig(int bobSmtp, string trustedCaFile)
        {
            return new
            {
                device = new { name = "alice-relay" },
                upstream = new { host = "127.0.0.1", port = bobSmtp, tls = "starttls", user = AliceSmtpUser, password = AliceSmtpPassword, auth = "auto", trustedCaFile },
                alerts = new { from = "alice-relay@alice.test", to = new[] { "bob@bob.test" } },
                pop3 = new { listen = "127.0.0.1:" + FreePort(), user = "tech", password = "alice-pop3-secret" },
                smtpIngress = new { listen = "127.0.0.1:" + FreePort(), allowFrom = new[] { "127.0.0.0/8" } },
                spool = new { path = "data", maxBytes = 1048576 },
                sensors = new[] { new { name = SensorName, kind = "temperature", source = "replay", file = "greenhouse.csv", alertAbove = 35.0, clearBelow = 33.0 } },
            };
        }

        private static string WriteConfig(string root, string name, object config)
        {
            string dir = Path.Combine(root, name);
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, "nanorelay.json");
            File.WriteAllText(path, JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            return path;
        }

        private static void Hop(TextWriter output, string title, DemoLog log, string kind)
        {
            output.WriteLine(title);
            foreach (string session in log.Sessions(kind))
            {
                foreach (string line in log.Dialogue(session))
                {
                    output.WriteLine("  " + line);
                }
            }

            output.WriteLine();
        }

        // The mail as Bob's reader got it, parsed by MimeKit (not the core), against what the rule raised.
        private static int Compare(TextWriter output, AlertMessage raised, byte[] fetched, Stopwatch elapsed)
        {
            MimeKit.MimeMessage message = MimeKit.MimeMessage.Load(new MemoryStream(fetched));
            string body = (message.TextBody ?? string.Empty).Replace("\r\n", "\n").TrimEnd('\n');
            string expected = raised.Body.Replace("\r\n", "\n").TrimEnd('\n');
            bool subjectOk = message.Subject == raised.Subject;
            bool bodyOk = body == expected;
            if (subjectOk && bodyOk)
            {
                output.WriteLine("arrived intact: subject and body as raised (" + fetched.Length + " octets, 2 hops, " + elapsed.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s)");
                return Program.ExitOk;
            }

            output.WriteLine("NOT intact:" + (subjectOk ? "" : " subject '" + message.Subject + "' != '" + raised.Subject + "'") + (bodyOk ? "" : " body differs"));
            if (!bodyOk)
            {
                output.WriteLine("  raised:  " + expected.Replace("\n", "\\n"));
                output.WriteLine("  fetched: " + body.Replace("\n", "\\n"));
            }

            return Program.ExitFailure;
        }

        private static int Fail(TextWriter output, string reason, DemoLog alice, DemoLog bob)
        {
            output.WriteLine("demo failed: " + reason);
            foreach (string line in alice.Tail(5))
            {
                output.WriteLine("  alice " + line);
            }

            foreach (string line in bob.Tail(5))
            {
                output.WriteLine("  bob   " + line);
            }

            return Program.ExitFailure;
        }

        private static TimeSpan Remaining(Stopwatch elapsed)
        {
            TimeSpan left = TimeLimit - elapsed.Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        // A loopback port free now (the listener is closed at once; another process could take it
        // before the relay binds, which the demo reports as a failure to listen).
        private static int FreePort()
        {
            TcpListener probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private static void TryDelete(string directory)
        {
            try
            {
                Directory.Delete(directory, true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// The simulator from the user's side (issue 5): the real process started in a temp directory,
    /// real clients (MailKit) against it, stopped with the signals a terminal or a service manager
    /// sends. Every wait is bounded; every test but the one about the defaults uses free ports.
    /// </summary>
    [TestClass]
    public class HostSimProcessTests
    {
        private const string User = "tech";
        private const string Password = "secret";

        private static readonly TimeSpan AlertLimit = TimeSpan.FromSeconds(60);

        [TestMethod]
        [Timeout(150000)]
        public void EmbeddedDefaults_BannerHasTheCurlLines_AndAnAlertArrivesWithinAMinute()
        {
            foreach (int port in new[] { 1110, 1143, 2525 })
            {
                if (!HostSimProcess.IsPortFree(port))
                {
                    Assert.Inconclusive("127.0.0.1:" + port + " (a default port) is in use by another process: the embedded defaults cannot be tried here");
                }
            }

            string dir = HostSimProcess.TempDirectory();
            Stopwatch sinceStart = Stopwatch.StartNew();
            using HostSimProcess sim = HostSimProcess.Start(dir);
            Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);
            StringAssert.Contains(sim.Stdout, "curl pop3://tech:secret@127.0.0.1:1110/", sim.Output);
            StringAssert.Contains(sim.Stdout, "IMAP mailbox     127.0.0.1:1143 (STARTTLS)", sim.Output);
            StringAssert.Contains(sim.Stdout, "curl imap://tech:secret@127.0.0.1:1143/INBOX", sim.Output);
            StringAssert.Contains(sim.Stdout, Path.Combine(dir, "nanorelay-data"), "data in ./nanorelay-data\n" + sim.Output);

            MimeMessage alert = null;
            while (alert == null && sinceStart.Elapsed < AlertLimit)
            {
                Thread.Sleep(1000);
                alert = Messages(1110).FirstOrDefault(m => m.Subject.Contains("greenhouse-temp", StringComparison.Ordinal));
            }

            Assert.IsNotNull(alert, "no alert from the simulated temperature sensor within " + AlertLimit.TotalSeconds + " s\n" + sim.Output);
            StringAssert.StartsWith(alert.Subject, "[nanorelay-sim] greenhouse-temp: temperature ");
            StringAssert.Contains(alert.TextBody, "greenhouse-temp");
            Assert.AreEqual("nanorelay@localhost", alert.From.Mailboxes.Single().Address);

            // The same mailbox over IMAP on the default port, after STARTTLS with the self-signed certificate.
            using (MailKit.Net.Imap.ImapClient imap = new MailKit.Net.Imap.ImapClient())
            {
                imap.Timeout = 20000;
                imap.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                imap.Connect("127.0.0.1", 1143, SecureSocketOptions.StartTls);
                imap.Authenticate(User, Password);
                imap.Inbox.Open(MailKit.FolderAccess.ReadOnly);
                Assert.IsTrue(imap.Inbox.Search(MailKit.Search.SearchQuery.SubjectContains("greenhouse-temp")).Count >= 1, "the alert is not in the IMAP INBOX\n" + sim.Output);
                imap.Disconnect(true);
            }

            sim.Interrupt();
            Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);
        }

        [TestMethod]
        [Timeout(150000)]
        [DataRow("SIGINT")]
        [DataRow("SIGTERM")]
        public void Signal_StopsCleanlyWithExitZero_AndLosesNothing(string signal)
        {
            string dir = HostSimProcess.TempDirectory();
            int pop3 = HostSimProcess.FreePort();
            int smtp = HostSimProcess.FreePort();
            string[] args = { "run", "--data", "relay-data", "--pop3", "127.0.0.1:" + pop3, "--smtp", "127.0.0.1:" + smtp };
            string subject = "kept across a restart " + Guid.NewGuid().ToString("N");

            using (HostSimProcess sim = HostSimProcess.Start(dir, args))
            {
                Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);
                Submit(smtp, subject);
                Assert.IsTrue(WaitFor(() => Messages(pop3).Any(m => m.Subject == subject), TimeSpan.FromSeconds(30)), "not delivered into the mailbox\n" + sim.Output);

                if (signal == "SIGINT")
                {
                    sim.Interrupt();
                }
                else
                {
                    sim.Terminate();
                }

                Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);
                StringAssert.Contains(sim.Stdout, "stopped.", sim.Output);
                Assert.IsFalse(sim.Stderr.Contains("error:", StringComparison.Ordinal), sim.Output);
            }

            using (HostSimProcess again = HostSimProcess.Start(dir, args))
            {
                Assert.IsTrue(again.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), again.Output);
                MimeMessage kept = Messages(pop3).FirstOrDefault(m => m.Subject == subject);
                Assert.IsNotNull(kept, "the message delivered before the stop is gone after the restart\n" + again.Output);
                Assert.AreEqual("Written before the stop.", kept.TextBody.Trim());
                again.Interrupt();
                Assert.AreEqual(0, again.WaitForExit(HostSimProcess.StopTimeout), again.Output);
            }
        }

        [TestMethod]
        [Timeout(150000)]
        public void MailQueuedForAnUnreachableUpstream_SurvivesTheStop()
        {
            string dir = HostSimProcess.TempDirectory();
            int pop3 = HostSimProcess.FreePort();
            int smtp = HostSimProcess.FreePort();
            int closed = HostSimProcess.FreePort();   // nothing listens there: every attempt is deferred
            File.WriteAllText(Path.Combine(dir, "nanorelay.json"),
                "{ \"upstream\": { \"host\": \"127.0.0.1\", \"port\": " + closed + ", \"tls\": \"none\" },"
                + " \"pop3\": { \"listen\": \"127.0.0.1:" + pop3 + "\" }, \"smtpIngress\": { \"listen\": \"127.0.0.1:" + smtp + "\" } }");

            using (HostSimProcess sim = HostSimProcess.Start(dir, "run", "--config", "nanorelay.json"))
            {
                Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);
                Submit(smtp, "queued across a stop");   // 250 only once the message is durable in the spool
                Thread.Sleep(2000);                      // the worker tries the upstream once and defers
                sim.Terminate();
                Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);
            }

            using (HostSimProcess queue = HostSimProcess.Run(dir, TimeSpan.FromSeconds(45), "queue", "--config", "nanorelay.json"))
            {
                Assert.AreEqual(0, queue.ExitCode, queue.Output);
                StringAssert.StartsWith(queue.Stdout, "1 queued, 0 quarantined", queue.Output);
                StringAssert.Contains(queue.Stdout, "tech@localhost", queue.Output);
            }

            using (HostSimProcess again = HostSimProcess.Start(dir, "run", "--config", "nanorelay.json"))
            {
                Assert.IsTrue(again.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), again.Output);
                StringAssert.Contains(again.Stdout, "spool: 1 queued", again.Output);
                again.Interrupt();
                Assert.AreEqual(0, again.WaitForExit(HostSimProcess.StopTimeout), again.Output);
            }
        }

        [TestMethod]
        [Timeout(60000)]
        [DataRow("{ \"pop3\": { \"listen\": \"nowhere\" } }", "pop3.listen")]
        [DataRow("{ \"upstream\": { \"host\": \"smtp.example.com\", \"tls\": \"ssl\" } }", "upstream.tls")]
        [DataRow("{ \"alerts\": { \"from\": \"a@example.com\", \"to\": [] } }", "alerts.to")]
        [DataRow("{ \"spool\": { \"maxBytes\": 10 } }", "spool.maxBytes")]
        [DataRow("{ \"sensors\": [ { \"name\": \"t\", \"kind\": \"pressure\" } ] }", "sensors[0].kind")]
        [DataRow("{ \"retry\": { \"firstDelaySeconds\": \"soon\" } }", "retry.firstDelaySeconds")]
        [DataRow("{ \"smtpIngress\": { \"allowFrom\": [\"10.0.0.0/33\"] } }", "smtpIngress.allowFrom[0]")]
        [DataRow("{ \"smtpIngress\": { \"allowfrom\": [\"10.0.0.0/8\"] } }", "config")]
        [DataRow("{ \"pop3\": { \"tlsListen\": null } }", "pop3.tlsListen")]
        [DataRow("{ \"smtpIngress\": { \"maxSessions\": null } }", "smtpIngress.maxSessions")]
        public void BadConfig_ExitsTwo_WithOneLineNamingTheField(string json, string field)
        {
            string dir = HostSimProcess.TempDirectory();
            File.WriteAllText(Path.Combine(dir, "nanorelay.json"), json);
            using HostSimProcess sim = HostSimProcess.Run(dir, TimeSpan.FromSeconds(45), "run", "--config", "nanorelay.json");
            Assert.AreEqual(2, sim.ExitCode, sim.Output);
            string[] lines = sim.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.AreEqual(1, lines.Length, sim.Output);
            StringAssert.StartsWith(lines[0], field + ": ", sim.Output);
            Assert.IsFalse(Directory.Exists(Path.Combine(dir, "data")), "nothing is started on a bad config");
        }

        [TestMethod]
        [Timeout(90000)]
        public void Board_StartsWithItsBudget_AndReportsMemoryAgainstItsHeapAtExit()
        {
            string dir = HostSimProcess.TempDirectory();
            using HostSimProcess sim = HostSimProcess.Start(dir, "run", "--board", "esp32-devkitc", "--data", "d",
                "--pop3", "127.0.0.1:" + HostSimProcess.FreePort(), "--imap", "127.0.0.1:" + HostSimProcess.FreePort(), "--smtp", "127.0.0.1:" + HostSimProcess.FreePort());
            Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);

            // esp32-devkitc has no sessions.imap (boards/README.md: no heap for an IMAP session): IMAP stays off.
            StringAssert.Contains(sim.Stdout, "IMAP mailbox     off: board esp32-devkitc has no sessions.imap", sim.Output);

            // The device's heap gate from the board's measured figures (Supervision/HeapGate).
            StringAssert.Contains(sim.Stdout, "heap gate        " + (65536 - 10496 - 3996 - 4056 - NanoRelay.Limits.HeapGateReserveBytes) + " bytes of message transfers at once (board esp32-devkitc)", sim.Output);
            sim.Interrupt();
            Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);

            // esp32-devkitc's board.json: managedHeapBudgetBytes 65536.
            Match held = Regex.Match(sim.Stdout, @"memory held\s+(\d+(\.\d+)?) (B|KB|MB) / 64\.0 KB esp32-devkitc \((\d+)%");
            Assert.IsTrue(held.Success, sim.Output);
            StringAssert.Contains(sim.Stdout, "memory peak", sim.Output);
            StringAssert.Contains(sim.Stdout, "heap gate      peak 0 B of 39.9 KB admitted at once; 0 sessions waited", sim.Output);
        }

        [TestMethod]
        [Timeout(90000)]
        public void Board_WithImapSessions_ServesImapAtItsCap()
        {
            string dir = HostSimProcess.TempDirectory();
            int imap = HostSimProcess.FreePort();
            using HostSimProcess sim = HostSimProcess.Start(dir, "run", "--board", "esp32-wrover", "--data", "d",
                "--pop3", "127.0.0.1:" + HostSimProcess.FreePort(), "--imap", "127.0.0.1:" + imap, "--smtp", "127.0.0.1:" + HostSimProcess.FreePort());
            Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);
            StringAssert.Contains(sim.Stdout, "IMAP mailbox     127.0.0.1:" + imap + " (STARTTLS), 2 sessions, IDLE", sim.Output);

            // The third session gets RFC 9051 §7.1.5 BYE [UNAVAILABLE].
            using MailKit.Net.Imap.ImapClient first = new MailKit.Net.Imap.ImapClient { Timeout = 20000 };
            using MailKit.Net.Imap.ImapClient second = new MailKit.Net.Imap.ImapClient { Timeout = 20000 };
            first.Connect("127.0.0.1", imap, SecureSocketOptions.None);
            second.Connect("127.0.0.1", imap, SecureSocketOptions.None);
            using MailKit.Net.Imap.ImapClient third = new MailKit.Net.Imap.ImapClient { Timeout = 20000 };
            Assert.Throws<MailKit.Net.Imap.ImapProtocolException>(() => third.Connect("127.0.0.1", imap, SecureSocketOptions.None));
            first.Disconnect(true);
            second.Disconnect(true);
            sim.Interrupt();
            Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);
        }

        [TestMethod]
        [Timeout(60000)]
        public void UnknownBoard_ExitsTwo()
        {
            string dir = HostSimProcess.TempDirectory();
            using HostSimProcess sim = HostSimProcess.Run(dir, TimeSpan.FromSeconds(45), "run", "--board", "nosuch", "--data", "d",
                "--pop3", "127.0.0.1:" + HostSimProcess.FreePort(), "--smtp", "127.0.0.1:" + HostSimProcess.FreePort());
            Assert.AreEqual(2, sim.ExitCode, sim.Output);
            StringAssert.StartsWith(sim.Stderr, "--board: ", sim.Output);
            StringAssert.Contains(sim.Stderr, "nosuch", sim.Output);
        }

        [TestMethod]
        [Timeout(90000)]
        public void Trace_ShowsTheDialogue_WithThePasswordRedacted()
        {
            string dir = HostSimProcess.TempDirectory();
            int pop3 = HostSimProcess.FreePort();
            using HostSimProcess sim = HostSimProcess.Start(dir, "run", "--trace", "--data", "d",
                "--pop3", "127.0.0.1:" + pop3, "--smtp", "127.0.0.1:" + HostSimProcess.FreePort());
            Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);

            using (Pop3Client client = new Pop3Client())
            {
                client.Connect("127.0.0.1", pop3, SecureSocketOptions.None);
                client.AuthenticationMechanisms.Clear();   // USER/PASS (RFC 1939 §7)
                client.Authenticate(User, Password);
                client.Disconnect(true);
            }

            Assert.IsTrue(WaitFor(() => sim.Stderr.Contains("S: +OK", StringComparison.Ordinal) && sim.Stderr.Contains(" C: QUIT", StringComparison.Ordinal), TimeSpan.FromSeconds(10)), sim.Output);
            sim.Interrupt();
            Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);

            string trace = sim.Stderr;
            StringAssert.Contains(trace, " C: USER tech", sim.Output);
            StringAssert.Contains(trace, " C: PASS [redacted]", sim.Output);
            Assert.IsFalse(trace.Contains(Password, StringComparison.Ordinal), "the password reached the trace\n" + trace);
            Assert.IsTrue(Regex.IsMatch(trace, @"pop3#\d+ S: \+OK"), trace);
        }

        [TestMethod]
        [Timeout(90000)]
        public void Trace_ShowsImapSessions_WithLoginAndAuthenticateRedacted()
        {
            string dir = HostSimProcess.TempDirectory();
            int imap = HostSimProcess.FreePort();
            using HostSimProcess sim = HostSimProcess.Start(dir, "run", "--trace", "--data", "d",
                "--pop3", "127.0.0.1:" + HostSimProcess.FreePort(), "--imap", "127.0.0.1:" + imap, "--smtp", "127.0.0.1:" + HostSimProcess.FreePort());
            Assert.IsTrue(sim.WaitForStdout("Ctrl+C stops.", HostSimProcess.StartTimeout), sim.Output);

            // From loopback in clear: LOGIN (RFC 9051 §6.2.3), then AUTHENTICATE PLAIN with an initial response (RFC 4959).
            using (MailKit.Net.Imap.ImapClient login = new MailKit.Net.Imap.ImapClient { Timeout = 20000 })
            {
                login.Connect("127.0.0.1", imap, SecureSocketOptions.None);
                login.AuthenticationMechanisms.Clear();
                login.Authenticate(User, Password);
                login.Inbox.Open(MailKit.FolderAccess.ReadOnly);
                login.Disconnect(true);
            }

            using (MailKit.Net.Imap.ImapClient plain = new MailKit.Net.Imap.ImapClient { Timeout = 20000 })
            {
                plain.Connect("127.0.0.1", imap, SecureSocketOptions.None);
                plain.Authenticate(new MailKit.Security.SaslMechanismPlain(User, Password));
                plain.Disconnect(true);
            }

            Assert.IsTrue(WaitFor(() => Regex.Matches(sim.Stderr, @"imap#\d+ S: \S+ OK LOGOUT").Count == 2, TimeSpan.FromSeconds(10)), sim.Output);
            sim.Interrupt();
            Assert.AreEqual(0, sim.WaitForExit(HostSimProcess.StopTimeout), sim.Output);

            string trace = sim.Stderr;
            Assert.IsTrue(Regex.IsMatch(trace, @"imap#\d+ C: \S+ LOGIN \[redacted\]"), trace);
            Assert.IsTrue(Regex.IsMatch(trace, @"imap#\d+ C: \S+ AUTHENTICATE PLAIN \[redacted\]"), trace);
            Assert.IsTrue(Regex.IsMatch(trace, @"imap#\d+ C: \S+ EXAMINE INBOX"), trace);
            string base64 = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("\0" + User + "\0" + Password));
            Assert.IsFalse(trace.Contains(Password, StringComparison.Ordinal) || trace.Contains(base64, StringComparison.Ordinal), "the password reached the trace\n" + trace);
        }

        [TestMethod]
        [Timeout(120000)]
        public void Demo_DeliversTheAlertIntact_AndPrintsBothHops()
        {
            string dir = HostSimProcess.TempDirectory();
            using HostSimProcess sim = HostSimProcess.Run(dir, TimeSpan.FromSeconds(100), "demo", "--dir", "demo-files");
            Assert.AreEqual(0, sim.ExitCode, sim.Output);
            string o = sim.Stdout;
            StringAssert.Contains(o, "hop 1", sim.Output);
            StringAssert.Contains(o, "hop 2", sim.Output);
            StringAssert.Contains(o, "C: STARTTLS", sim.Output);
            StringAssert.Contains(o, "C: AUTH PLAIN [redacted]", sim.Output);
            StringAssert.Contains(o, "C: STLS", sim.Output);
            StringAssert.Contains(o, "C: PASS [redacted]", sim.Output);
            StringAssert.Contains(o, "more body lines elided]", sim.Output);
            StringAssert.Contains(o, "arrived intact", sim.Output);
            Assert.IsFalse(o.Contains("alice-smtp-secret", StringComparison.Ordinal) || o.Contains("bob-pop3-secret", StringComparison.Ordinal), "a password reached the transcript\n" + o);

            // Bob's mailbox in the kept files holds the mail: the demo really went through his store.
            Assert.IsTrue(Directory.GetFiles(Path.Combine(dir, "demo-files", "bob", "data"), "m*").Length >= 1, sim.Output);
        }

        private static void Submit(int port, string subject)
        {
            MimeMessage m = new MimeMessage();
            m.From.Add(MailboxAddress.Parse("device@lan.test"));
            m.To.Add(MailboxAddress.Parse("tech@localhost"));
            m.Subject = subject;
            m.Body = new TextPart("plain") { Text = "Written before the stop." };
            using SmtpClient smtp = new SmtpClient();
            smtp.Timeout = 30000;
            smtp.Connect("127.0.0.1", port, SecureSocketOptions.None);
            smtp.Send(m);
            smtp.Disconnect(true);
        }

        // Every message in the mailbox, read with MailKit over loopback (plaintext login is allowed from loopback).
        private static MimeMessage[] Messages(int port)
        {
            using Pop3Client client = new Pop3Client();
            client.Timeout = 20000;
            client.Connect("127.0.0.1", port, SecureSocketOptions.None);
            client.Authenticate(User, Password);
            MimeMessage[] all = Enumerable.Range(0, client.Count).Select(i => client.GetMessage(i)).ToArray();
            client.Disconnect(true);   // QUIT: the maildrop lock is released at once; nothing was deleted
            return all;
        }

        private static bool WaitFor(Func<bool> condition, TimeSpan limit)
        {
            Stopwatch w = Stopwatch.StartNew();
            while (w.Elapsed < limit)
            {
                if (condition())
                {
                    return true;
                }

                Thread.Sleep(200);
            }

            return condition();
        }
    }
}

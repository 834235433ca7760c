using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoRelay.HostSim;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.HostSim
{
    /// <summary>
    /// Issue 14 item 2 in the running relay: a full mailbox is the last error (status line, status
    /// file, exit summary all read it), a POP3 deletion wakes the worker at once, and a
    /// `queue --retry-now` request is picked up without stopping the relay.
    /// </summary>
    [TestClass]
    public class RelayHostMailboxFullTests
    {
        [TestMethod]
        [Timeout(60000)]
        public void MailboxFull_IsTheLastError_AndARemovalDeliversAtOnce()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-full-").FullName;
            try
            {
                HostConfig config = new HostConfig();
                config.Spool.MaxBytes = 65536;   // each store's bytes: one 40 KB message fills the mailbox
                MemoryLog log = new MemoryLog();
                using RelayHost host = RelayHost.Open(config, dir, new SystemClock(), new CryptoRandom(), log);
                Queue(host, "first");
                host.RunDueNow();
                Queue(host, "second");
                host.Start();

                Assert.IsTrue(WaitFor(() => host.Spool.Count == 1 && host.LastError != null), "the first delivered, the second waiting\n" + log.Text);
                StringAssert.StartsWith(host.LastError, "mailbox full (1 messages, ");
                StringAssert.Contains(log.Text, "relay: mailbox full");

                host.Mailbox.Refresh();
                Assert.IsTrue(host.Mailbox.Remove(0), "DELE 1 + QUIT");
                Assert.IsTrue(WaitFor(() => host.Spool.Count == 0), "delivered within seconds of the removal, not after the 60 s backoff\n" + log.Text);
                Assert.AreEqual(1, host.Mailbox.Refresh());
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        [TestMethod]
        public void RetryRequest_MakesEveryEntryDue_AndIsConsumed()
        {
            string dir = Directory.CreateTempSubdirectory("nanorelay-retry-").FullName;
            try
            {
                HostConfig config = new HostConfig();
                config.Spool.MaxBytes = 65536;
                using RelayHost host = RelayHost.Open(config, dir, new SystemClock(), new CryptoRandom(), new MemoryLog());
                Queue(host, "first");
                host.RunDueNow();
                Queue(host, "second");
                host.RunDueNow();
                Assert.AreEqual(1, host.Spool.Count);
                Assert.IsTrue(host.Spool.NextDueIn() > 1000, "deferred by the backoff");

                Assert.IsFalse(host.TakeRetryRequest(), "no request yet");
                RelayHost.RequestRetryNow(dir);
                Assert.IsTrue(host.TakeRetryRequest());
                Assert.IsTrue(host.Spool.NextDueIn() <= 0, "due now");
                Assert.IsFalse(File.Exists(Path.Combine(dir, RelayHost.RetryRequestFileName)), "consumed");
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }

        private static void Queue(RelayHost host, string subject)
        {
            StringBuilder b = new StringBuilder("From: <a@lan.test>\r\nSubject: " + subject + "\r\n\r\n");
            while (b.Length < 40000)
            {
                b.Append("0123456789012345678901234567890123456789012345678901234567890123456789\r\n");
            }

            byte[] content = Encoding.ASCII.GetBytes(b.ToString());
            StoreWriter w = host.Spool.Begin("a@lan.test", new[] { "tech@localhost" }, "<" + subject + "@lan.test>");
            w.Write(content, 0, content.Length);
            w.Commit();
        }

        private static bool WaitFor(Func<bool> condition)
        {
            Stopwatch w = Stopwatch.StartNew();
            while (w.Elapsed < TimeSpan.FromSeconds(15))
            {
                if (condition())
                {
                    return true;
                }

                Thread.Sleep(50);
            }

            return condition();
        }
    }
}

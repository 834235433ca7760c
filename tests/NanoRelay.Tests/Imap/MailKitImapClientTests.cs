using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Search;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MimeKit;

namespace NanoRelay.Tests.Imap
{
    /// <summary>
    /// MailKit's ImapClient in-process against `run`'s IMAP service (the real host wiring on
    /// loopback ports): STARTTLS and login, FETCH, SEARCH, flags between two clients, IDLE after
    /// an alert, and POP3 beside IMAP on the same mailbox under the README's rule.
    /// </summary>
    [TestClass]
    public class MailKitImapClientTests
    {
        private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(1);

        private static byte[] Serialize(MimeMessage message)
        {
            using MemoryStream m = new MemoryStream();
            message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, m);
            return m.ToArray();
        }

        private static byte[] Message(string subject, byte[] attachment = null)
        {
            MimeMessage m = new MimeMessage();
            m.From.Add(new MailboxAddress("nanoRelay", "nanorelay@localhost"));
            m.To.Add(new MailboxAddress("Tech", "tech@localhost"));
            m.Subject = subject;
            m.Date = DateTimeOffset.UtcNow;
            BodyBuilder b = new BodyBuilder { TextBody = "Temperature 31.5 C above 30.0 C.\n.\n..a line with dots\n" };
            if (attachment != null)
            {
                b.Attachments.Add("readings.bin", attachment, new ContentType("application", "octet-stream"));
            }

            m.Body = b.ToMessageBody();
            return Serialize(m);
        }

        private static byte[] Read(Stream s)
        {
            using MemoryStream m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        }

        [TestMethod]
        [Timeout(120000)]
        public void StartTls_Login_FetchSummariesAndFullMessages_ByteIdentical()
        {
            using ImapHostFixture f = new ImapHostFixture();
            StringAssert.Contains(f.Output, "curl imap://tech:secret@127.0.0.1:" + f.ImapPort + "/INBOX", f.Output);
            byte[] attachment = new byte[1024 * 1024];
            new Random(17).NextBytes(attachment);
            byte[] small = Message("small alert");
            byte[] big = Message("big alert", attachment);
            f.Deliver(small);
            f.Deliver(big);

            using ImapClient client = f.Imap();
            Assert.IsTrue(client.IsSecure, "STARTTLS did not happen");
            Assert.IsTrue(client.Capabilities.HasFlag(ImapCapabilities.Idle), "IDLE not advertised");
            client.Inbox.Open(FolderAccess.ReadWrite);
            Assert.AreEqual(2, client.Inbox.Count);

            IList<IMessageSummary> summaries = client.Inbox.Fetch(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope | MessageSummaryItems.Flags | MessageSummaryItems.InternalDate | MessageSummaryItems.BodyStructure));
            Assert.AreEqual(2, summaries.Count);
            Assert.AreEqual("small alert", summaries[0].Envelope.Subject);
            Assert.AreEqual("big alert", summaries[1].Envelope.Subject);
            Assert.AreEqual((uint)small.Length, summaries[0].Size);
            Assert.AreEqual((uint)big.Length, summaries[1].Size);
            Assert.IsTrue(summaries[0].UniqueId < summaries[1].UniqueId, "UIDs ascend");
            Assert.AreEqual(MessageFlags.None, summaries[0].Flags & (MessageFlags.Seen | MessageFlags.Deleted));
            Assert.IsTrue(Math.Abs((DateTimeOffset.UtcNow - summaries[0].InternalDate.Value).TotalMinutes) < 5, "INTERNALDATE " + summaries[0].InternalDate);
            Assert.AreEqual("readings.bin", summaries[1].Attachments.Single().FileName);

            // BODY[] of both, byte for byte (the 1 MB one streamed in chunks by the driver).
            CollectionAssert.AreEqual(small, Read(client.Inbox.GetStream(summaries[0].UniqueId, string.Empty)));
            CollectionAssert.AreEqual(big, Read(client.Inbox.GetStream(summaries[1].UniqueId, string.Empty)));

            // The parsed message, and the attachment's octets after base64.
            MimeMessage parsed = client.Inbox.GetMessage(summaries[1].UniqueId);
            using MemoryStream decoded = new MemoryStream();
            ((MimePart)parsed.Attachments.Single()).Content.DecodeTo(decoded);
            CollectionAssert.AreEqual(attachment, decoded.ToArray());

            // MailKit fetches with BODY.PEEK[]: \Seen stays unset (RFC 9051 §6.4.5).
            Assert.IsFalse(client.Inbox.Fetch(new[] { summaries[1].UniqueId }, new FetchRequest(MessageSummaryItems.Flags)).Single().Flags.Value.HasFlag(MessageFlags.Seen));
            client.Disconnect(true);
        }

        [TestMethod]
        [Timeout(120000)]
        public void Search_Unseen_Subject_Since()
        {
            using ImapHostFixture f = new ImapHostFixture();
            f.Deliver(Message("freezer 1: -12 C above -15 C"));
            f.Deliver(Message("fridge 2: 9.5 C above 8.0 C"));
            f.Deliver(Message("door 3: open"));

            using ImapClient client = f.Imap();
            client.Inbox.Open(FolderAccess.ReadWrite);
            IList<UniqueId> all = client.Inbox.Search(SearchQuery.All);
            Assert.AreEqual(3, all.Count);
            client.Inbox.Store(all[1], new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true });

            CollectionAssert.AreEqual(new[] { all[0], all[2] }, client.Inbox.Search(SearchQuery.NotSeen).ToArray());
            CollectionAssert.AreEqual(new[] { all[1] }, client.Inbox.Search(SearchQuery.Seen).ToArray());
            CollectionAssert.AreEqual(new[] { all[0] }, client.Inbox.Search(SearchQuery.SubjectContains("FREEZER")).ToArray(), "SUBJECT is a case-insensitive substring");
            CollectionAssert.AreEqual(new[] { all[2] }, client.Inbox.Search(SearchQuery.SubjectContains("door").And(SearchQuery.NotSeen)).ToArray());

            // SINCE compares INTERNALDATE's date: delivered today (UTC), so yesterday matches all, tomorrow none.
            DateTime today = DateTime.UtcNow.Date;
            Assert.AreEqual(3, client.Inbox.Search(SearchQuery.DeliveredAfter(today.AddDays(-1))).Count);
            Assert.AreEqual(0, client.Inbox.Search(SearchQuery.DeliveredAfter(today.AddDays(1))).Count);
            Assert.AreEqual(2, client.Inbox.Search(SearchQuery.DeliveredAfter(today.AddDays(-1)).And(SearchQuery.NotSeen)).Count);
            client.Disconnect(true);
        }

        [TestMethod]
        [Timeout(120000)]
        public void Flags_SetAndCleared_SeenByASecondClient()
        {
            using ImapHostFixture f = new ImapHostFixture();
            f.Deliver(Message("one"));
            f.Deliver(Message("two"));

            using ImapClient a = f.Imap();
            using ImapClient b = f.Imap();
            a.Inbox.Open(FolderAccess.ReadWrite);
            b.Inbox.Open(FolderAccess.ReadWrite);
            UniqueId first = a.Inbox.Search(SearchQuery.All)[0];

            a.Inbox.Store(first, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Flagged | MessageFlags.Seen | MessageFlags.Answered));
            Assert.AreEqual(MessageFlags.Flagged | MessageFlags.Seen | MessageFlags.Answered, FlagsOf(b, first), "b sees a's flags");

            a.Inbox.Store(first, new StoreFlagsRequest(StoreAction.Remove, MessageFlags.Flagged));
            Assert.AreEqual(MessageFlags.Seen | MessageFlags.Answered, FlagsOf(b, first), "b sees a's \\Flagged cleared");

            b.Inbox.Store(first, new StoreFlagsRequest(StoreAction.Set, MessageFlags.Draft));
            Assert.AreEqual(MessageFlags.Draft, FlagsOf(a, first), "a sees b's FLAGS replace");

            // Flags outlive the sessions (stored in the entry's state record).
            a.Disconnect(true);
            b.Disconnect(true);
            using ImapClient c = f.Imap();
            c.Inbox.Open(FolderAccess.ReadOnly);
            Assert.AreEqual(MessageFlags.Draft, FlagsOf(c, first));
            c.Disconnect(true);
        }

        private static MessageFlags FlagsOf(ImapClient client, UniqueId uid)
        {
            return client.Inbox.Fetch(new[] { uid }, new FetchRequest(MessageSummaryItems.Flags)).Single().Flags.Value & ~MessageFlags.Recent;
        }

        [TestMethod]
        [Timeout(120000)]
        public void Idle_AlertsAndDeliveriesReachTheClientWithinOneSecond()
        {
            using ImapHostFixture f = new ImapHostFixture();
            f.Deliver(Message("before idle"));
            using MemoryStream wire = new MemoryStream();
            using ImapClient client = f.Imap(new ProtocolLogger(wire, true));
            client.Inbox.Open(FolderAccess.ReadOnly);
            Assert.AreEqual(1, client.Inbox.Count);
            Exception idleFailed = null;

            long arrivedAt = 0;
            int arrivedCount = 0;
            // Not disposed: an IDLE thread left behind by a failed assertion may still signal it.
            AutoResetEvent arrived = new AutoResetEvent(false);
            client.Inbox.CountChanged += (sender, e) =>
            {
                Interlocked.Exchange(ref arrivedAt, Stopwatch.GetTimestamp());
                Volatile.Write(ref arrivedCount, ((IMailFolder)sender).Count);
                arrived.Set();
            };

            List<double> latencies = new List<double>();
            for (int round = 0; round < 5; round++)
            {
                using CancellationTokenSource done = new CancellationTokenSource();
                Thread idle = new Thread(() =>
                {
                    try
                    {
                        client.Idle(done.Token);
                    }
                    catch (Exception e)
                    {
                        idleFailed = e;
                        arrived.Set();
                    }
                }) { IsBackground = true };
                idle.Start();
                Thread.Sleep(300);   // IDLE sent and "+ idling" read

                long start;
                if (round % 2 == 0)
                {
                    f.RaiseAlert("fridge-" + round);   // a sensor crossing its threshold: spool, wake, local delivery, IDLE
                    start = f.RaisedAt;
                }
                else
                {
                    start = Stopwatch.GetTimestamp();
                    f.Deliver(Message("delivered in idle " + round));   // a bounce or an ingress message landing
                }

                Assert.IsTrue(arrived.WaitOne(TimeSpan.FromSeconds(10)), "round " + round + ": no EXISTS during IDLE within 10 s\n" + Text(wire));
                Assert.IsNull(idleFailed, "IDLE failed: " + idleFailed + "\n" + Text(wire));
                double ms = Stopwatch.GetElapsedTime(start, Interlocked.Read(ref arrivedAt)).TotalMilliseconds;
                latencies.Add(ms);
                Assert.AreEqual(2 + round, Volatile.Read(ref arrivedCount));
                done.Cancel();   // DONE
                Assert.IsTrue(idle.Join(10000), "IDLE did not end after DONE");
            }

            TestContext.WriteLine("IDLE latency ms (alert, delivery, alert, delivery, alert): " + string.Join(", ", latencies.Select(l => l.ToString("F0"))));
            Assert.IsTrue(latencies.All(l => l < IdleLimit.TotalMilliseconds), "IDLE latency above " + IdleLimit.TotalMilliseconds + " ms: " + string.Join(", ", latencies));

            IList<UniqueId> alerts = client.Inbox.Search(SearchQuery.SubjectContains("fridge"));
            Assert.AreEqual(3, alerts.Count, "the three alerts are in the mailbox");
            client.Disconnect(true);
        }

        public TestContext TestContext { get; set; }

        private static string Text(MemoryStream wire)
        {
            lock (wire)
            {
                return System.Text.Encoding.UTF8.GetString(wire.ToArray());
            }
        }

        [TestMethod]
        [Timeout(120000)]
        public void TwoImapClientsAndPop3_ImapReadsBesidePop3_ExpungeWaitsForThePop3Lock()
        {
            using ImapHostFixture f = new ImapHostFixture();
            f.Deliver(Message("first"));
            f.Deliver(Message("second"));
            f.Deliver(Message("third"));

            using ImapClient a = f.Imap();
            using ImapClient b = f.Imap();
            a.Inbox.Open(FolderAccess.ReadWrite);
            b.Inbox.Open(FolderAccess.ReadWrite);
            IList<UniqueId> uids = a.Inbox.Search(SearchQuery.All);

            using (Pop3Client pop3 = f.Pop3())
            {
                // POP3 holds the maildrop lock: IMAP still reads and changes flags.
                Assert.AreEqual(3, pop3.Count);
                Assert.AreEqual("second", b.Inbox.GetMessage(uids[1]).Subject);
                a.Inbox.Store(uids[0], new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted));
                Assert.IsTrue(FlagsOf(b, uids[0]).HasFlag(MessageFlags.Deleted));

                // EXPUNGE waits: NO [INUSE] while the POP3 session's message numbers must stay valid.
                ImapCommandException refused = Assert.Throws<ImapCommandException>(() => a.Inbox.Expunge());
                Assert.AreEqual(ImapCommandResponse.No, refused.Response);
                StringAssert.Contains(refused.ResponseText, "POP3");
                Assert.AreEqual(3, a.Inbox.Count);

                // CLOSE has no failure reply: under the lock it removes nothing, the message stays \Deleted.
                b.Inbox.Close(true);
                b.Inbox.Open(FolderAccess.ReadWrite);
                Assert.AreEqual(3, b.Inbox.Count);
                Assert.IsTrue(FlagsOf(b, uids[0]).HasFlag(MessageFlags.Deleted));

                // A second POP3 reader is refused the lock as before (RFC 1939 §8 [IN-USE]).
                using Pop3Client second = new Pop3Client { Timeout = 20000 };
                second.Connect("127.0.0.1", f.Pop3Port, MailKit.Security.SecureSocketOptions.None);
                Assert.Throws<MailKit.Security.AuthenticationException>(() => second.Authenticate(ImapHostFixture.User, ImapHostFixture.Password));

                // POP3 deletes the third message; it goes at QUIT (RFC 1939 §6 UPDATE).
                pop3.DeleteMessage(2);
                pop3.Disconnect(true);
            }

            // The POP3 deletion reaches both IMAP sessions as EXPUNGE at their next report point.
            b.NoOp();
            a.NoOp();
            Assert.AreEqual(2, a.Inbox.Count);
            Assert.AreEqual(2, b.Inbox.Count);
            CollectionAssert.AreEqual(new[] { uids[0], uids[1] }, b.Inbox.Search(SearchQuery.All).ToArray());

            // The lock is gone: a's EXPUNGE now removes the \Deleted message, and b hears of it.
            a.Inbox.Expunge();
            Assert.AreEqual(1, a.Inbox.Count);
            b.NoOp();
            CollectionAssert.AreEqual(new[] { uids[1] }, b.Inbox.Search(SearchQuery.All).ToArray());

            using (Pop3Client after = f.Pop3())
            {
                Assert.AreEqual(1, after.Count);
                Assert.AreEqual("second", after.GetMessage(0).Subject);
                after.Disconnect(true);
            }

            a.Disconnect(true);
            b.Disconnect(true);
        }
    }
}

using System.Text;
using NanoRelay.Relay;
using NanoRelay.Storage;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Relay
{
    /// <summary>A spool, a mailbox, a worker and their ports, rebuilt from the same store on <see cref="Reboot"/>.</summary>
    public sealed class RelayHarness
    {
        public MemoryFileStore Files { get; } = new();
        public ManualClock Clock { get; private set; } = new();
        public FakeUpstream Upstream { get; }
        public RetryPolicy Policy { get; set; } = new RetryPolicy(60, 3600, 72);
        public Spool Spool { get; private set; }
        public Mailbox Mailbox { get; private set; }
        public RelayWorker Worker { get; private set; }
        public MemoryLog Log { get; } = new();
        private uint _boot;

        public int MailboxMaxCount { get; }

        public RelayHarness(bool withUpstream = true, int mailboxMaxCount = 1000)
        {
            MailboxMaxCount = mailboxMaxCount;
            Upstream = withUpstream ? new FakeUpstream() : null;
            Start();
        }

        public void Start()
        {
            _boot++;
            Spool = new Spool(Files, Clock, new SeededRandom(100 + _boot), 0, 1000);
            Spool.Open();
            Mailbox = new Mailbox(Files, new SeededRandom(200 + _boot), 0, MailboxMaxCount);
            Mailbox.Open();
            Worker = new RelayWorker(Spool, Mailbox, Upstream, Clock, new SeededRandom(300 + _boot), Policy, "relay.test", Log);
        }

        /// <summary>Power off and on: RAM is lost (a new monotonic clock from 0 too), flash kept.</summary>
        public void Reboot()
        {
            Files.Reboot();
            ManualClock c = new ManualClock(Clock.UtcNow, Clock.IsUtcTrusted);
            Clock = c;
            Start();
        }

        public static byte[] Message(string subject, string messageId, int bodyLines = 3)
        {
            var sb = new StringBuilder();
            sb.Append("From: <sensor@example.com>\r\nTo: <ops@example.com>\r\nSubject: ").Append(subject)
              .Append("\r\nMessage-ID: ").Append(messageId).Append("\r\nDate: Fri, 27 Nov 2026 09:30:00 +0000\r\n\r\n");
            for (int i = 0; i < bodyLines; i++)
            {
                sb.Append("body line ").Append(i).Append("\r\n");
            }

            return Encoding.ASCII.GetBytes(sb.ToString());
        }

        public SpoolEntry Queue(byte[] content, string messageId, params string[] recipients)
        {
            return Queue(content, messageId, "sensor@example.com", recipients);
        }

        public SpoolEntry Queue(byte[] content, string messageId, string sender, string[] recipients)
        {
            StoreWriter w = Spool.Begin(sender, recipients.Length == 0 ? new[] { "ops@example.com" } : recipients, messageId);
            try
            {
                w.Write(content, 0, content.Length);
                return w.Commit();
            }
            catch (NanoRelay.Ports.StoreException) when (!Files.PoweredOff)
            {
                w.Abort();
                throw;
            }
        }

        public string MailboxText(int index)
        {
            Mailbox.Refresh();
            return Encoding.ASCII.GetString(NanoRelay.Tests.Storage.PowerCut.ReadAll(Mailbox.OpenMessage(index)));
        }
    }
}

using NanoRelay.Ports;
using NanoRelay.Smtp;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>Runs the real driver and session against a transcript; one message per envelope.</summary>
    internal sealed class SmtpHarness
    {
        public const string From = "greenhouse-1@example.com";
        public const string Body = "Temperature 41.5 C\r\n.hidden line\r\nend";

        public SmtpHarness(string transcript, int mode)
            : this(transcript, mode, Settings(SmtpTlsMode.StartTls))
        {
        }

        public SmtpHarness(string transcript, int mode, SmtpClientSettings settings)
        {
            Clock = new ManualClock();
            Log = new MemoryLog();
            Connection = new TranscriptConnection(transcript, mode, Clock);
            Connection.IsSecure = settings.Tls == SmtpTlsMode.Implicit;
            Driver = new SmtpClientDriver(null, Clock, Log, settings);
        }

        public ManualClock Clock { get; private set; }

        public MemoryLog Log { get; private set; }

        public TranscriptConnection Connection { get; private set; }

        public SmtpClientDriver Driver { get; private set; }

        public SmtpOutcome OpenOutcome { get; private set; }

        public static SmtpClientSettings Settings(SmtpTlsMode tls)
        {
            SmtpClientSettings s = new SmtpClientSettings();
            s.Host = "mail.example.com";
            s.Tls = tls;
            s.HeloName = "relay.example";
            s.User = "alerts@example.com";
            s.Password = "app-password";
            return s;
        }

        public static SmtpEnvelope Envelope(string[] recipients)
        {
            SmtpEnvelope e = new SmtpEnvelope(From, recipients);
            e.Size = Body.Length;
            return e;
        }

        public static IFileReader Content(string body)
        {
            MemoryFileStore store = new MemoryFileStore();
            IFileWriter w = store.Create("m");
            byte[] b = NanoRelay.Framing.Utf8.GetBytes(body);
            w.Write(b, 0, b.Length);
            w.Flush();
            return store.OpenRead("m");
        }

        /// <summary>Open, then each envelope with <see cref="Body"/> (while the session is ready), then Close. Returns the last outcome.</summary>
        public SmtpOutcome Run(SmtpEnvelope[] envelopes)
        {
            return Run(envelopes, Body);
        }

        public SmtpOutcome Run(SmtpEnvelope[] envelopes, string body)
        {
            OpenOutcome = Driver.Open(Connection);
            SmtpOutcome last = OpenOutcome;
            Outcomes = new SmtpOutcome[envelopes.Length];
            for (int i = 0; i < envelopes.Length; i++)
            {
                // After a failed Open, Send reports the session's failure without touching the wire.
                last = Driver.Send(envelopes[i], Content(body));
                Outcomes[i] = last;
            }

            Driver.Close();
            return last;
        }

        public SmtpOutcome[] Outcomes { get; private set; }

        /// <summary>A one-line summary of an outcome, for comparing the three replay modes.</summary>
        public static string Describe(SmtpOutcome o)
        {
            if (o == null)
            {
                return "null";
            }

            string s = o.Accepted + "/" + o.Failure + "/" + o.Step + "/" + o.Code + "/" + o.Reply;
            if (o.Recipients != null)
            {
                for (int i = 0; i < o.Recipients.Length; i++)
                {
                    s += "/" + o.Recipients[i].Address + "=" + o.Recipients[i].Accepted + ":" + o.Recipients[i].Code;
                }
            }

            return s;
        }
    }
}

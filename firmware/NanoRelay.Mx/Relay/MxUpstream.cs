using NanoRelay.Ports;
using NanoRelay.Smtp;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>
    /// Direct delivery (RFC 5321 §5.1) as the relay worker's upstream: the recipients of a message
    /// are grouped by domain, and each domain gets one attempt, which walks its MX hosts best first
    /// with the core's SMTP client: a connection failure or a 4yz moves on to the next host, a 5yz
    /// or an accepted message ends the walk. A null MX or NXDOMAIN fails the domain's recipients
    /// for good at once; no answer from the DNS leaves them for the next attempt. Never AUTH (the
    /// settings carry no credentials); STARTTLS whenever offered, or required by the config.
    /// The result is per recipient and never a whole-queue failure, so one unreachable domain
    /// does not hold the others. Each reply says which host gave it: "mx1.example[192.0.2.1]: 250 ok".
    /// </summary>
    public sealed class MxUpstream : IUpstream
    {
        private const string Source = "mx";

        private readonly MxLookup _lookup;
        private readonly IConnector _connector;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly SmtpClientSettings _template;

        // Sessions whose transaction ended and that wait for EndSession's QUIT, so that a crash
        // between the host's 250 and the worker's record costs no network round trip (RFC 1047).
        private readonly SmtpClientDriver[] _held = new SmtpClientDriver[Limits.MxSessionsHeld];
        private int _heldCount;

        /// <summary>
        /// <paramref name="template"/> gives the EHLO name, the port (25), the TLS mode
        /// (Opportunistic or StartTls for "required") and the timeouts; host and address are set per attempt.
        /// </summary>
        public MxUpstream(MxLookup lookup, IConnector connector, IClock clock, ILog log, SmtpClientSettings template)
        {
            _lookup = lookup;
            _connector = connector;
            _clock = clock;
            _log = log;
            _template = template;
        }

        /// <summary>SMTP sessions opened (statistics, tests).</summary>
        public int SessionsOpened { get; private set; }

        /// <summary>The last host tried and its reply, for the status line.</summary>
        public string LastReply { get; private set; }

        public UpstreamResult Send(OutboundMessage message)
        {
            string[] rcpts = message.Recipients;
            RecipientState[] outcomes = new RecipientState[rcpts.Length];
            string[] replies = new string[rcpts.Length];
            bool[] done = new bool[rcpts.Length];
            bool ambiguous = false;
            bool eightBit = message.EightBit;
            for (int i = 0; i < rcpts.Length; i++)
            {
                if (done[i])
                {
                    continue;
                }

                string domain = DomainOf(rcpts[i]);
                int count = 0;
                int[] group = new int[rcpts.Length];
                for (int j = i; j < rcpts.Length; j++)
                {
                    if (!done[j] && SameDomain(domain, DomainOf(rcpts[j])))
                    {
                        group[count++] = j;
                        done[j] = true;
                    }
                }

                if (domain.Length == 0)
                {
                    Set(group, count, outcomes, replies, RecipientState.Failed, "550 5.1.3 no domain in the recipient address");
                    continue;
                }

                if (Deliver(message, domain, group, count, eightBit, outcomes, replies))
                {
                    ambiguous = true;
                }
            }

            UpstreamResult result = new UpstreamResult(SmtpFailure.None, LastReply, outcomes, replies);
            result.Ambiguous = ambiguous;
            return result;
        }

        /// <summary>QUIT and close the sessions the last messages left open (the worker recorded their outcomes).</summary>
        public void EndSession()
        {
            for (int i = 0; i < _heldCount; i++)
            {
                SmtpClientDriver d = _held[i];
                _held[i] = null;
                d.Close();
            }

            _heldCount = 0;
        }

        // One attempt for one domain's recipients. Returns true when it ended ambiguous (RFC 1047).
        private bool Deliver(OutboundMessage message, string domain, int[] group, int count, bool eightBit, RecipientState[] outcomes, string[] replies)
        {
            MxRoute route = _lookup.Find(domain);
            switch (route.Kind)
            {
                case MxRouteKind.NullMx:
                    // RFC 7505 §4.1: "556 5.1.10 Recipient address has null MX".
                    Set(group, count, outcomes, replies, RecipientState.Failed, "556 5.1.10 " + route.Detail);
                    return false;
                case MxRouteKind.NoSuchDomain:
                    Set(group, count, outcomes, replies, RecipientState.Failed, "550 5.1.2 " + route.Detail);
                    return false;
                case MxRouteKind.TryLater:
                    Set(group, count, outcomes, replies, RecipientState.Pending, "451 4.4.3 DNS: " + route.Detail);
                    return false;
            }

            string[] to = new string[count];
            for (int k = 0; k < count; k++)
            {
                to[k] = message.Recipients[group[k]];
            }

            string last = "no MX host of " + domain + " could be tried";
            int tried = 0;
            for (int h = 0; h < route.Hosts.Length && tried < Limits.MxHostsTried; h++)
            {
                string host = route.Hosts[h];
                string why;
                string[] addresses = _lookup.AddressesOf(host, out why);
                if (addresses.Length == 0)
                {
                    last = why;
                    continue;
                }

                tried++;
                for (int a = 0; a < addresses.Length; a++)
                {
                    string label = host + "[" + addresses[a] + "]";
                    SmtpOutcome outcome = Attempt(host, addresses[a], message, to, eightBit);
                    UpstreamResult r = SmtpUpstream.Map(outcome, count);
                    LastReply = label + ": " + (outcome.Reply == null ? outcome.Describe() : outcome.Reply);
                    if (r.Ambiguous)
                    {
                        // RFC 1047: the host may have taken it; another host now would make two copies.
                        Set(group, count, outcomes, replies, RecipientState.Pending, label + ": " + outcome.Describe());
                        return true;
                    }

                    if (r.Failure == SmtpFailure.None)
                    {
                        for (int k = 0; k < count; k++)
                        {
                            outcomes[group[k]] = r.Outcomes == null ? RecipientState.Delivered : r.Outcomes[k];
                            replies[group[k]] = label + ": " + (r.Replies != null && r.Replies[k] != null ? r.Replies[k] : r.Reply);
                        }

                        Log(LogLevel.Info, domain + ": " + LastReply);
                        return false;
                    }

                    if (r.Failure == SmtpFailure.Permanent)
                    {
                        // RFC 5321 §5.1 tries the next host only when this one could not be reached or
                        // answered 4yz; a 5yz is the domain's answer.
                        Set(group, count, outcomes, replies, RecipientState.Failed, label + ": " + outcome.Describe());
                        Log(LogLevel.Info, domain + ": " + LastReply);
                        return false;
                    }

                    last = label + ": " + outcome.Describe();
                    Log(LogLevel.Info, domain + ": " + last + "; trying the next host");
                }
            }

            Set(group, count, outcomes, replies, RecipientState.Pending, last);
            return false;
        }

        private SmtpOutcome Attempt(string host, string address, OutboundMessage message, string[] to, bool eightBit)
        {
            SmtpClientSettings s = new SmtpClientSettings();
            s.Host = host;
            s.Address = address;
            s.Port = _template.Port;
            s.Tls = _template.Tls;
            s.HeloName = _template.HeloName;
            s.ConnectTimeoutMilliseconds = _template.ConnectTimeoutMilliseconds;
            s.GreetingTimeoutMilliseconds = _template.GreetingTimeoutMilliseconds;
            s.CommandTimeoutMilliseconds = _template.CommandTimeoutMilliseconds;
            s.MailTimeoutMilliseconds = _template.MailTimeoutMilliseconds;
            s.RcptTimeoutMilliseconds = _template.RcptTimeoutMilliseconds;
            s.DataInitTimeoutMilliseconds = _template.DataInitTimeoutMilliseconds;
            s.DataBlockTimeoutMilliseconds = _template.DataBlockTimeoutMilliseconds;
            s.DataTermTimeoutMilliseconds = _template.DataTermTimeoutMilliseconds;

            SmtpClientDriver driver = new SmtpClientDriver(_connector, _clock, _log, s);
            SessionsOpened++;
            SmtpOutcome outcome = driver.Open();
            if (outcome != null && s.Tls == SmtpTlsMode.Opportunistic && outcome.Failure == SmtpFailure.TlsRequired)
            {
                // RFC 7435 §4 / RFC 3207 §4.1: opportunistic TLS that fails (454, a failed handshake) is
                // no reason to keep the mail; the same host is asked again without STARTTLS.
                Log(LogLevel.Info, host + "[" + address + "]: STARTTLS failed (" + outcome.Reply + "); again in plaintext");
                s.Tls = SmtpTlsMode.None;
                driver = new SmtpClientDriver(_connector, _clock, _log, s);
                SessionsOpened++;
                outcome = driver.Open();
            }

            if (outcome != null)
            {
                return outcome;
            }

            IFileReader content = message.OpenContent();
            if (content == null)
            {
                driver.Close();
                return SmtpOutcome.Local(SmtpFailure.Protocol, "spooled content is missing");
            }

            try
            {
                SmtpEnvelope envelope = new SmtpEnvelope(message.Sender, to);
                envelope.Size = message.Size;
                envelope.EightBit = eightBit;
                outcome = driver.Send(envelope, content);
            }
            finally
            {
                content.Close();
                Hold(driver);
            }

            return outcome;
        }

        // A usable session waits for EndSession's QUIT; past Limits.MxSessionsHeld the oldest is closed now.
        private void Hold(SmtpClientDriver driver)
        {
            if (driver.Session.Action != SmtpClientAction.Ready)
            {
                driver.Close();
                return;
            }

            if (_heldCount == _held.Length)
            {
                _held[0].Close();
                System.Array.Copy(_held, 1, _held, 0, _heldCount - 1);
                _heldCount--;
            }

            _held[_heldCount++] = driver;
        }

        private static void Set(int[] group, int count, RecipientState[] outcomes, string[] replies, RecipientState o, string reply)
        {
            for (int k = 0; k < count; k++)
            {
                outcomes[group[k]] = o;
                replies[group[k]] = reply;
            }
        }

        /// <summary>The domain of a mailbox (RFC 5321 §4.1.2: after the last "@"), "" when there is none.</summary>
        public static string DomainOf(string mailbox)
        {
            int at = mailbox.LastIndexOf('@');
            return at < 0 ? string.Empty : mailbox.Substring(at + 1);
        }

        private static bool SameDomain(string a, string b)
        {
            return a.Length == b.Length && a.ToLower() == b.ToLower();
        }

        private void Log(LogLevel level, string text)
        {
            if (_log != null)
            {
                _log.Write(level, Source, text);
            }
        }
    }
}

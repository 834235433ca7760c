using NanoRelay.Ports;
using NanoRelay.Smtp;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>
    /// The relay worker's upstream (<see cref="IUpstream"/>) as the core's submission client: one
    /// session (connect, EHLO, STARTTLS, AUTH) carries the due messages one transaction after the
    /// other, up to Limits.SmtpClientMessagesPerSession (RFC 5321 §4.1.1.5: MAIL after a completed
    /// transaction, RSET after a failed one); QUIT in <see cref="EndSession"/>, after the worker
    /// recorded the outcomes. Each outcome is mapped onto the worker's failure classes and
    /// per-recipient verdicts on its own: a refused message does not touch the next one.
    /// </summary>
    public sealed class SmtpUpstream : IUpstream
    {
        private readonly IConnector _connector;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly SmtpClientSettings _settings;
        private SmtpClientDriver _open;   // the session Send left open, for the next message or EndSession's QUIT
        private int _sentInSession;

        public SmtpUpstream(IConnector connector, IClock clock, ILog log, SmtpClientSettings settings)
        {
            _connector = connector;
            _clock = clock;
            _log = log;
            _settings = settings;
            MessagesPerSession = Limits.SmtpClientMessagesPerSession;
        }

        /// <summary>Transactions one session carries before it is ended and a new one opened.</summary>
        public int MessagesPerSession { get; set; }

        /// <summary>Sessions opened so far (connect, TLS, AUTH), for statistics and tests.</summary>
        public int SessionsOpened { get; private set; }

        /// <summary>The last outcome, for status and logs (null before the first attempt).</summary>
        public SmtpOutcome LastOutcome { get; private set; }

        public UpstreamResult Send(OutboundMessage message)
        {
            if (_open != null && (_sentInSession >= MessagesPerSession || _open.Session.Action != SmtpClientAction.Ready))
            {
                EndSession();   // full, or the last transaction left the session unusable
            }

            SmtpEnvelope envelope = new SmtpEnvelope(message.Sender, message.Recipients);
            envelope.Size = message.Size;
            envelope.EightBit = message.EightBit;
            SmtpOutcome outcome = null;
            if (_open == null)
            {
                SmtpClientDriver driver = new SmtpClientDriver(_connector, _clock, _log, _settings);
                SessionsOpened++;
                outcome = driver.Open();
                if (outcome == null)
                {
                    _open = driver;
                    _sentInSession = 0;
                }
            }

            if (outcome == null)
            {
                IFileReader content = message.OpenContent();
                if (content == null)
                {
                    return UpstreamResult.Failed(SmtpFailure.Protocol, "spooled content is missing");
                }

                try
                {
                    _sentInSession++;
                    outcome = _open.Send(envelope, content);
                }
                finally
                {
                    content.Close();
                }
            }

            LastOutcome = outcome;
            return Map(outcome, message.Recipients.Length);
        }

        public void EndSession()
        {
            SmtpClientDriver driver = _open;
            _open = null;
            if (driver != null)
            {
                driver.Close();
            }
        }

        /// <summary>The worker's view of a client outcome.</summary>
        public static UpstreamResult Map(SmtpOutcome outcome, int recipients)
        {
            SmtpFailure failure = outcome.Failure;
            string reply = outcome.Describe();
            if (outcome.Recipients == null || outcome.Recipients.Length != recipients)
            {
                UpstreamResult whole = failure == SmtpFailure.None ? UpstreamResult.Accepted(recipients, outcome.Reply) : UpstreamResult.Failed(failure, reply);
                whole.Ambiguous = outcome.Ambiguous;
                return whole;
            }

            RecipientState[] outcomes = new RecipientState[recipients];
            string[] replies = new string[recipients];
            for (int i = 0; i < recipients; i++)
            {
                SmtpRecipientResult r = outcome.Recipients[i];
                replies[i] = r.Reply;
                if (r.Accepted && outcome.Accepted)
                {
                    outcomes[i] = RecipientState.Delivered;
                    replies[i] = outcome.Reply;
                }
                else if (!r.Accepted && r.Failure == SmtpFailure.Permanent)
                {
                    // The client classified the RCPT reply where it read it (552 is temporary there, RFC 5321 §4.5.3.1.10).
                    outcomes[i] = RecipientState.Failed;
                }
                else
                {
                    outcomes[i] = RecipientState.Pending;
                }
            }

            UpstreamResult result = new UpstreamResult(failure, failure == SmtpFailure.None ? outcome.Reply : reply, outcomes, replies);
            result.Ambiguous = outcome.Ambiguous;
            return result;
        }
    }
}

using NanoRelay.Smtp;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>The outcome of one attempt to hand a message to the upstream.</summary>
    public sealed class UpstreamResult
    {
        public UpstreamResult(SmtpFailure failure, string reply, RecipientState[] outcomes, string[] replies)
        {
            Failure = failure;
            Reply = reply == null ? string.Empty : reply;
            Outcomes = outcomes;
            Replies = replies;
        }

        /// <summary>None when the transaction completed; then <see cref="Outcomes"/> says who was accepted.</summary>
        public SmtpFailure Failure { get; private set; }

        /// <summary>
        /// True when the connection was lost (or timed out) after the final dot and before the
        /// reply (RFC 1047): the message may have been delivered; it is retried and counted.
        /// </summary>
        public bool Ambiguous { get; set; }

        /// <summary>The server's last reply, or a one-line description of the failure.</summary>
        public string Reply { get; private set; }

        /// <summary>Per recipient, in the order they were given; null means every one as the failure says.</summary>
        public RecipientState[] Outcomes { get; private set; }

        /// <summary>Per recipient, the reply to its RCPT (or to the final dot); may be null.</summary>
        public string[] Replies { get; private set; }

        /// <summary>Every recipient accepted.</summary>
        public static UpstreamResult Accepted(int recipients, string reply)
        {
            RecipientState[] o = new RecipientState[recipients];
            string[] r = new string[recipients];
            for (int i = 0; i < recipients; i++)
            {
                o[i] = RecipientState.Delivered;
                r[i] = reply;
            }

            return new UpstreamResult(SmtpFailure.None, reply, o, r);
        }

        /// <summary>The transaction failed as a whole.</summary>
        public static UpstreamResult Failed(SmtpFailure failure, string reply)
        {
            return new UpstreamResult(failure, reply, null, null);
        }
    }
}

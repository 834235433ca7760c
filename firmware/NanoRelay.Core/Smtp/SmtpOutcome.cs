namespace NanoRelay.Smtp
{
    /// <summary>
    /// How one attempt ended: accepted, or a failure class with the step and the server's reply,
    /// plus a result per recipient. The relay's retry policy reads only this.
    /// </summary>
    public sealed class SmtpOutcome
    {
        private static readonly string[] s_stepNames =
        {
            "connect", "greeting", "EHLO", "HELO", "STARTTLS", "TLS handshake", "AUTH", "AUTH", "AUTH", "AUTH", "AUTH",
            "AUTH", "AUTH", "AUTH", "AUTH", "session", "MAIL FROM", "RCPT TO", "DATA", "message body", "end of data",
            "RSET", "QUIT", "session",
        };

        /// <summary>A failure decided before any connection (the clock is untrusted, the message cannot be read).</summary>
        public static SmtpOutcome Local(SmtpFailure failure, string reason)
        {
            SmtpOutcome o = new SmtpOutcome();
            o.Failure = failure;
            o.Step = SmtpClientState.Connect;
            o.Reply = reason;
            return o;
        }

        /// <summary>True when the upstream said 250 to the end of data (possibly with some recipients refused).</summary>
        public bool Accepted { get; internal set; }

        /// <summary>None when accepted; otherwise what failed.</summary>
        public SmtpFailure Failure { get; internal set; }

        /// <summary>The state whose reply (or lack of one) decided the failure.</summary>
        public SmtpClientState Step { get; internal set; }

        /// <summary>The deciding reply code, or 0 when there was none (connection, timeout, local check).</summary>
        public int Code { get; internal set; }

        /// <summary>The server's reply ("535 5.7.8 ...") or our own reason.</summary>
        public string Reply { get; internal set; }

        /// <summary>
        /// RFC 5321 §4.5.3.2.6 / RFC 1047: the connection failed after the final "." and before the
        /// reply, so the server may have taken the message. The retry keeps the same Message-ID.
        /// </summary>
        public bool Ambiguous { get; internal set; }

        /// <summary>One result per envelope recipient, in order (empty before RCPT).</summary>
        public SmtpRecipientResult[] Recipients { get; internal set; }

        /// <summary>Whether every recipient was accepted (what the host's `send` needs for exit code 0).</summary>
        public bool AllRecipientsAccepted
        {
            get
            {
                if (!Accepted || Recipients == null)
                {
                    return false;
                }

                for (int i = 0; i < Recipients.Length; i++)
                {
                    if (!Recipients[i].Accepted)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>The step's name as a command ("AUTH", "RCPT TO", ...).</summary>
        public string StepName
        {
            get { return StepName_(Step); }
        }

        internal static string StepName_(SmtpClientState state)
        {
            int i = (int)state;
            return i >= 0 && i < s_stepNames.Length ? s_stepNames[i] : "session";
        }

        /// <summary>One line for a person: "upstream refused AUTH: 535 5.7.8 ...", or "upstream accepted the message".</summary>
        public string Describe()
        {
            if (Accepted)
            {
                if (AllRecipientsAccepted)
                {
                    return "upstream accepted the message";
                }

                for (int i = 0; i < Recipients.Length; i++)
                {
                    if (!Recipients[i].Accepted)
                    {
                        return "upstream refused RCPT TO:<" + Recipients[i].Address + ">: " + Recipients[i].Reply;
                    }
                }
            }

            string reply = Reply == null ? "" : Reply;
            switch (Failure)
            {
                case SmtpFailure.Connection:
                    return "upstream connection failed at " + StepName + ": " + reply;
                case SmtpFailure.Protocol:
                    return "upstream protocol error at " + StepName + ": " + reply;
                case SmtpFailure.TlsRequired:
                    return "upstream TLS required but not established at " + StepName + ": " + reply;
                default:
                    // Code 0: our own reason (no usable mechanism, a bad address), not the server's refusal.
                    return (Code == 0 ? "upstream failed at " : "upstream refused ") + StepName + ": " + reply;
            }
        }
    }
}

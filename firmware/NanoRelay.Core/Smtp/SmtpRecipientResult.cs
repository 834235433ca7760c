namespace NanoRelay.Smtp
{
    /// <summary>The server's answer to one RCPT TO (RFC 5321 §4.1.1.3).</summary>
    public sealed class SmtpRecipientResult
    {
        public SmtpRecipientResult(string address)
        {
            Address = address;
        }

        public string Address { get; private set; }

        /// <summary>True after a 250/251.</summary>
        public bool Accepted { get; internal set; }

        /// <summary>The reply code, or 0 when no RCPT reply was read.</summary>
        public int Code { get; internal set; }

        /// <summary>The reply's first line, for a refused recipient.</summary>
        public string Reply { get; internal set; }

        /// <summary>Transient or Permanent for a refused recipient (RFC 5321 §4.5.3.1.10: 552 counts as transient).</summary>
        public SmtpFailure Failure { get; internal set; }
    }
}

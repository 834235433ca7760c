namespace NanoRelay.Smtp
{
    /// <summary>RFC 5321 §2.3.1: the reverse-path and forward-paths of one message, and what MAIL declares about its content.</summary>
    public sealed class SmtpEnvelope
    {
        public SmtpEnvelope(string from, string[] recipients)
        {
            From = from;
            Recipients = recipients;
            Size = -1;
        }

        /// <summary>The reverse-path address (without angle brackets); empty for the null path "&lt;&gt;".</summary>
        public string From { get; private set; }

        /// <summary>The forward-path addresses, Bcc included.</summary>
        public string[] Recipients { get; private set; }

        /// <summary>RFC 1870 §6: the message size in octets for SIZE=, or -1 when unknown.</summary>
        public long Size { get; set; }

        /// <summary>The content has octets above 127 (RFC 6152: needs BODY=8BITMIME). The MIME writer never produces such content.</summary>
        public bool EightBit { get; set; }
    }
}

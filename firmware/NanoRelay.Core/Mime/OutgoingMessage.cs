using NanoRelay.Ports;

namespace NanoRelay.Mime
{
    /// <summary>
    /// What one message says (RFC 5322 §3.6): the header fields and a text/plain body (a string, or a
    /// file streamed in chunks), plus attachments. Bcc is envelope only: the writer never writes it.
    /// Addresses are "a@b" or "Display Name &lt;a@b&gt;".
    /// </summary>
    public sealed class OutgoingMessage
    {
        public string From { get; set; }

        public string[] To { get; set; }

        public string[] Cc { get; set; }

        /// <summary>Blind copies: recipients of the envelope (see <see cref="EnvelopeRecipients"/>), never a header.</summary>
        public string[] Bcc { get; set; }

        public string ReplyTo { get; set; }

        public string Subject { get; set; }

        /// <summary>The Message-ID, angle brackets included (see <see cref="MessageId.Create"/>); kept across retries.</summary>
        public string MessageId { get; set; }

        public string InReplyTo { get; set; }

        /// <summary>Message-IDs separated by spaces.</summary>
        public string References { get; set; }

        public string[] Keywords { get; set; }

        /// <summary>The body text, when it is small enough to be a string (an alert).</summary>
        public string BodyText { get; set; }

        /// <summary>The body as UTF-8 text in a file; used when <see cref="BodyText"/> is null.</summary>
        public IFileReader BodyFile { get; set; }

        public MimeAttachment[] Attachments { get; set; }

        /// <summary>To, Cc and Bcc in order: the RCPT TO list (RFC 5321 §3.3), addr-spec only.</summary>
        public string[] EnvelopeRecipients()
        {
            int n = Count(To) + Count(Cc) + Count(Bcc);
            string[] all = new string[n];
            int i = 0;
            i = Copy(To, all, i);
            i = Copy(Cc, all, i);
            Copy(Bcc, all, i);
            return all;
        }

        /// <summary>The addr-spec inside "Name &lt;a@b&gt;", or the text itself.</summary>
        public static string AddrSpec(string address)
        {
            int lt = address.IndexOf('<');
            int gt = address.LastIndexOf('>');
            return lt >= 0 && gt > lt ? address.Substring(lt + 1, gt - lt - 1) : address.Trim();
        }

        private static int Count(string[] a)
        {
            return a == null ? 0 : a.Length;
        }

        private static int Copy(string[] from, string[] to, int at)
        {
            if (from == null)
            {
                return at;
            }

            for (int i = 0; i < from.Length; i++)
            {
                to[at++] = AddrSpec(from[i]);
            }

            return at;
        }
    }
}

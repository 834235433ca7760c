using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>One queued message as the upstream sender gets it: envelope, pending recipients, content.</summary>
    public sealed class OutboundMessage
    {
        private readonly Spool _spool;
        private readonly SpoolEntry _entry;

        public OutboundMessage(Spool spool, SpoolEntry entry, string[] recipients)
        {
            _spool = spool;
            _entry = entry;
            Recipients = recipients;
        }

        /// <summary>The reverse-path for MAIL FROM (empty: the null path "&lt;&gt;").</summary>
        public string Sender { get { return _entry.Sender; } }

        /// <summary>The recipients still pending, for RCPT TO, in order.</summary>
        public string[] Recipients { get; private set; }

        /// <summary>The Message-ID in the content (the same on every retry, so duplicates are recognisable).</summary>
        public string MessageId { get { return _entry.MessageId; } }

        /// <summary>Content octets (CRLF line ends, not dot-stuffed).</summary>
        public long Size { get { return _entry.Size; } }

        /// <summary>
        /// RFC 6152: whether the content has 8-bit octets, so MAIL says BODY=8BITMIME (mail from
        /// the SMTP ingress may; the MIME writer's never does). Decided as the content was spooled
        /// and kept in the envelope; an entry spooled before the envelope had the flag is scanned
        /// once, at its first attempt after a start, and the answer kept in RAM.
        /// </summary>
        public bool EightBit
        {
            get
            {
                if (!_entry.EightBitKnown)
                {
                    _entry.EightBit = ScanForEightBit();
                    _entry.EightBitKnown = true;
                }

                return _entry.EightBit;
            }
        }

        /// <summary>Which attempt this is (1 for the first).</summary>
        public int Attempt { get { return _entry.Attempts; } }

        /// <summary>Opens the content from its start; the sender closes it. Null if it vanished.</summary>
        public IFileReader OpenContent()
        {
            return _spool.OpenContent(_entry);
        }

        private bool ScanForEightBit()
        {
            IFileReader r = OpenContent();
            if (r == null)
            {
                return false;
            }

            try
            {
                byte[] scan = new byte[Limits.SmtpBodyChunk];
                int n;
                while ((n = r.Read(scan, 0, scan.Length)) > 0)
                {
                    for (int i = 0; i < n; i++)
                    {
                        if (scan[i] >= 0x80)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
            finally
            {
                r.Close();
            }
        }
    }
}

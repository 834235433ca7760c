using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// One message being queued: content bytes, then <see cref="Commit"/>, which returns only
    /// once content and envelope are durable (then, and only then, say 250 or "queued"); or
    /// <see cref="Abort"/>.
    /// </summary>
    public sealed class SpoolWriter
    {
        private readonly Spool _spool;
        private readonly MessageWriter _writer;
        private readonly string _sender;
        private readonly string[] _recipients;
        private readonly string _messageId;

        internal SpoolWriter(Spool spool, MessageWriter writer, string sender, string[] recipients, string messageId)
        {
            _spool = spool;
            _writer = writer;
            _sender = sender;
            _recipients = recipients;
            _messageId = messageId;
        }

        /// <summary>Content octets so far.</summary>
        public long Length { get { return _writer.Length; } }

        /// <summary>Appends content as it will be sent (CRLF line ends, not dot-stuffed). Throws StoreException (IsFull: 452).</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            _writer.Write(buffer, offset, count);
        }

        /// <summary>Makes the message durable and queued; returns its entry.</summary>
        public SpoolEntry Commit()
        {
            return _spool.CommitEntry(_writer, _sender, _recipients, _messageId);
        }

        public void Abort()
        {
            _writer.Abort();
        }
    }
}

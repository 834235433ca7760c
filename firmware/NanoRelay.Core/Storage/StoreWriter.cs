using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// The one writer of a <see cref="MessageStore"/> entry: the SMTP ingress (as its
    /// <see cref="IIngressMessage"/>), the MIME and digest writers of alerts (as an
    /// <see cref="IFileWriter"/>) and mailbox deliveries all write into it. Content is gathered in
    /// a fixed buffer of <see cref="Limits.StoreWriteBuffer"/> octets and reaches the file as whole
    /// writes, each taking its bytes from the store's budget once; <see cref="Commit()"/> returns
    /// only once content and commit record are durable; or <see cref="Abort"/>. Nothing of it is
    /// visible before the commit.
    /// </summary>
    public sealed class StoreWriter : IIngressMessage, IFileWriter
    {
        private readonly MessageStore _store;
        private readonly IFileWriter _file;
        private readonly Crc32 _crc = new Crc32();
        private readonly byte[] _buffer = new byte[Limits.StoreWriteBuffer];
        private readonly long _extraBytes;
        private int _buffered;
        private long _length;      // content octets given to Write (buffered ones included)
        private long _taken;       // octets taken from the store's budget (returned by Abort)
        private bool _eightBit;
        private bool _failed;
        private bool _done;

        internal StoreWriter(MessageStore store, long id, IFileWriter file, long extraBytes)
        {
            _store = store;
            Id = id;
            _file = file;
            _extraBytes = extraBytes;
        }

        /// <summary>The id the entry will have.</summary>
        public long Id { get; private set; }

        /// <summary>Content octets written so far.</summary>
        public long Length { get { return _length; } }

        /// <summary>
        /// Whether the content has an octet above 127 (RFC 6152: BODY=8BITMIME is asked for only
        /// then). Decided here, where every stored octet passes, and kept in the envelope.
        /// </summary>
        public bool EightBit { get { return _eightBit; } }

        // The spool's envelope, set by Spool.Begin; null sender for an entry of another owner.
        internal Spool Spool { get; set; }

        internal string Sender { get; set; }

        internal string[] Recipients { get; set; }

        internal string MessageId { get; set; }

        /// <summary>Appends content (CRLF line ends, not dot-stuffed). Throws StoreException (IsFull: 452) when the store's budget is spent.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            ThrowIfEnded();

            while (count > 0)
            {
                int room = _buffer.Length - _buffered;
                if (_buffered == 0 && count >= _buffer.Length)
                {
                    // A whole buffer's worth or more: straight to the file, no copy.
                    WriteFile(buffer, offset, count);
                    _length += count;
                    return;
                }

                int n = count < room ? count : room;
                System.Array.Copy(buffer, offset, _buffer, _buffered, n);
                _buffered += n;
                _length += n;
                offset += n;
                count -= n;
                if (_buffered == _buffer.Length)
                {
                    FlushBuffer();
                }
            }
        }

        /// <summary>Does nothing: an entry becomes durable only through <see cref="Commit()"/> (content and envelope together).</summary>
        public void Flush()
        {
        }

        /// <summary>Does nothing: <see cref="Commit()"/> or <see cref="Abort"/> ends the entry.</summary>
        public void Close()
        {
        }

        /// <summary>Queues the spool entry: durable content, then the envelope; returns the entry.</summary>
        public SpoolEntry Commit()
        {
            if (Spool == null)
            {
                throw new StoreException("not a spool entry");
            }

            return Spool.CommitEntry(this);
        }

        string IIngressMessage.Commit()
        {
            return Commit().Id.ToString();
        }

        /// <summary>
        /// Writes what is buffered, flushes the content, then writes and flushes the commit record
        /// carrying <paramref name="meta"/>. When it returns, the message is durable: acknowledge it then.
        /// </summary>
        public StoreEntry Commit(byte[] meta, int offset, int count)
        {
            ThrowIfEnded();
            FlushBuffer();
            _file.Flush();
            _file.Close();
            _done = true;
            try
            {
                return _store.CommitContent(Id, _length, _crc.Value, meta, offset, count, _extraBytes);
            }
            catch (StoreException)
            {
                _store.AbortCommit(Id, _taken);
                throw;
            }
        }

        /// <summary>Drops the message (best effort; recovery removes what is left). Safe to call twice.</summary>
        public void Abort()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            try
            {
                _file.Close();
            }
            catch (StoreException)
            {
            }

            _store.AbortContent(Id, _taken);
        }

        // Writes what is buffered (before an owner reads EightBit for its commit record).
        internal void WriteBuffered()
        {
            ThrowIfEnded();

            FlushBuffer();
        }

        private void ThrowIfEnded()
        {
            if (_done || _failed)
            {
                throw new StoreException(_done ? "message already committed or aborted" : "an earlier write failed");
            }
        }

        private void FlushBuffer()
        {
            int n = _buffered;
            _buffered = 0;
            if (n > 0)
            {
                WriteFile(_buffer, 0, n);
            }
        }

        private void WriteFile(byte[] buffer, int offset, int count)
        {
            // The one budget question of this write; the bytes are counted from here on, so an
            // abort after a failed write gives back exactly what was taken.
            _store.Take(_taken, count);
            _taken += count;
            try
            {
                _file.Write(buffer, offset, count);
            }
            catch (StoreException)
            {
                _failed = true;   // the file may hold part of it: never commit what it holds
                throw;
            }

            if (_crc.UpdateFindingEightBit(buffer, offset, count))
            {
                _eightBit = true;
            }
        }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// One message being written into a <see cref="MessageStore"/>: content bytes, then
    /// <see cref="Commit"/>, which returns only once the content and the commit record are
    /// durable; or <see cref="Abort"/>. Nothing of it is visible before the commit.
    /// </summary>
    public sealed class MessageWriter
    {
        private readonly MessageStore _store;
        private readonly IFileWriter _writer;
        private readonly Crc32 _crc = new Crc32();
        private readonly long _extraBytes;
        private const int CheckEvery = 4096;

        private long _length;
        private long _checkedUpTo;
        private bool _done;

        internal MessageWriter(MessageStore store, long id, IFileWriter writer, long extraBytes)
        {
            _store = store;
            Id = id;
            _writer = writer;
            _extraBytes = extraBytes;
        }

        /// <summary>The id the entry will have.</summary>
        public long Id { get; private set; }

        /// <summary>Content bytes written so far.</summary>
        public long Length { get { return _length; } }

        /// <summary>Appends content; throws StoreException (IsFull when the store's budget is spent).</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_done)
            {
                throw new StoreException("message already committed or aborted");
            }

            // The device's free space is asked again each time another CheckEvery bytes are
            // written; the reserve (larger than CheckEvery) absorbs what is written in between.
            long deviceMore = -1;
            if (_length + count > _checkedUpTo)
            {
                deviceMore = count + CheckEvery;
                _checkedUpTo = _length + count + CheckEvery;
            }

            if (!_store.HasRoomFor(count, deviceMore))
            {
                throw new StoreException("store full") { IsFull = true };
            }

            _writer.Write(buffer, offset, count);
            _crc.Update(buffer, offset, count);
            _length += count;
            _store.ContentWritten(count);
        }

        /// <summary>
        /// Flushes the content, then writes and flushes the commit record carrying
        /// <paramref name="meta"/>. When it returns, the message is durable: acknowledge it then.
        /// </summary>
        public StoreEntry Commit(byte[] meta, int offset, int count)
        {
            if (_done)
            {
                throw new StoreException("message already committed or aborted");
            }

            _writer.Flush();
            _writer.Close();
            _done = true;
            try
            {
                return _store.CommitContent(Id, _length, _crc.Value, meta, offset, count, _extraBytes);
            }
            catch (StoreException)
            {
                _store.AbortCommit(Id, _length);
                throw;
            }
        }

        /// <summary>Drops the message (best effort; recovery removes what is left).</summary>
        public void Abort()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            try
            {
                _writer.Close();
            }
            catch (StoreException)
            {
            }

            _store.AbortContent(Id, _length);
        }
    }
}

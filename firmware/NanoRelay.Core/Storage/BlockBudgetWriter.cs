using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>A file being written under a <see cref="BlockBudgetStore"/>: each write first takes the blocks it adds.</summary>
    internal sealed class BlockBudgetWriter : IFileWriter
    {
        private readonly BlockBudgetStore _store;
        private readonly IFileWriter _writer;

        public BlockBudgetWriter(BlockBudgetStore store, IFileWriter writer)
        {
            _store = store;
            _writer = writer;
        }

        public long Length { get { return _writer.Length; } }

        public void Write(byte[] buffer, int offset, int count)
        {
            long before = _writer.Length;
            if (!_store.Grow(before, before + count))
            {
                throw BlockBudgetStore.Full("store full: no free block for " + count + " more bytes");
            }

            try
            {
                _writer.Write(buffer, offset, count);
            }
            catch (StoreException)
            {
                // Count what the file really holds now (a failed write may have kept part of it).
                _store.Shrink(before + count, _writer.Length);
                throw;
            }
        }

        public void Flush()
        {
            _writer.Flush();
        }

        public void Close()
        {
            _writer.Close();
        }
    }
}

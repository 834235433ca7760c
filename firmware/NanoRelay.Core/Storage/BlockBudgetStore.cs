using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// A file store bounded the way flash is really used: LittleFS gives every file whole blocks
    /// (at least one), so 100 files of 1 KB take 100 blocks, not 100 KB; and it cannot report its
    /// free space (nanoFramework's LittleFS driver returns -1, README "Not verified"). This store
    /// counts blocks and files itself (board.json spool.blockBytes, spool.maxFiles) and refuses a
    /// create or a write past either as full (StoreException.IsFull: SMTP 452, "queued: full"),
    /// well before the partition, which also holds the config and the Wi-Fi settings, fills.
    /// </summary>
    public sealed class BlockBudgetStore : IFileStore
    {
        private readonly object _lock = new object();
        private readonly IFileStore _files;
        private readonly long _blockBytes;
        private readonly long _maxBlocks;
        private readonly int _maxFiles;
        private long _blocks;
        private int _count;

        /// <summary>At most <paramref name="maxBytes"/> / <paramref name="blockBytes"/> blocks and <paramref name="maxFiles"/> files of <paramref name="files"/>.</summary>
        public BlockBudgetStore(IFileStore files, int blockBytes, long maxBytes, int maxFiles)
        {
            _files = files;
            _blockBytes = blockBytes;
            _maxBlocks = maxBytes / blockBytes;
            _maxFiles = maxFiles;
            string[] names = files.List("");
            for (int i = 0; i < names.Length; i++)
            {
                _count++;
                _blocks += BlocksOf(files.Length(names[i]));
            }
        }

        /// <summary>Blocks the files take now.</summary>
        public long UsedBlocks { get { lock (_lock) { return _blocks; } } }

        /// <summary>Files present now.</summary>
        public int FileCount { get { lock (_lock) { return _count; } } }

        /// <summary>Room left, in bytes of whole blocks; a file slot counts as one block (every file needs one).</summary>
        public long FreeBytes
        {
            get
            {
                lock (_lock)
                {
                    long blocks = _maxBlocks - _blocks;
                    long files = _maxFiles - _count;
                    long free = (files < blocks ? files : blocks) * _blockBytes;
                    return free < 0 ? 0 : free;
                }
            }
        }

        public IFileWriter Create(string name)
        {
            lock (_lock)
            {
                if (_count >= _maxFiles || _blocks + 1 > _maxBlocks)
                {
                    throw Full(_count >= _maxFiles ? "store full: " + _count + " files" : "store full: " + _blocks + " blocks of " + _blockBytes + " bytes");
                }

                _count++;
                _blocks++;
            }

            try
            {
                return new BlockBudgetWriter(this, _files.Create(name));
            }
            catch (StoreException)
            {
                Release(1, 1);
                throw;
            }
        }

        public IFileReader OpenRead(string name)
        {
            return _files.OpenRead(name);
        }

        public bool Exists(string name)
        {
            return _files.Exists(name);
        }

        public long Length(string name)
        {
            return _files.Length(name);
        }

        public bool Delete(string name)
        {
            long length = _files.Length(name);
            if (!_files.Delete(name))
            {
                return false;
            }

            Release(1, BlocksOf(length));
            return true;
        }

        public string[] List(string prefix)
        {
            return _files.List(prefix);
        }

        /// <summary>Blocks a file of <paramref name="length"/> bytes takes (at least one).</summary>
        public long BlocksOf(long length)
        {
            return length <= 0 ? 1 : (length + _blockBytes - 1) / _blockBytes;
        }

        // Takes the blocks a file growing from `from` to `to` bytes needs more; false when they are not there.
        internal bool Grow(long from, long to)
        {
            long more = BlocksOf(to) - BlocksOf(from);
            lock (_lock)
            {
                if (_blocks + more > _maxBlocks)
                {
                    return false;
                }

                _blocks += more;
                return true;
            }
        }

        internal void Shrink(long from, long to)
        {
            Release(0, BlocksOf(from) - BlocksOf(to));
        }

        internal static StoreException Full(string message)
        {
            StoreException e = new StoreException(message);
            e.IsFull = true;
            return e;
        }

        private void Release(int files, long blocks)
        {
            lock (_lock)
            {
                _count = _count > files ? _count - files : 0;
                _blocks = _blocks > blocks ? _blocks - blocks : 0;
            }
        }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>
    /// A view of another process's store that never changes it: `queue` lists the spool beside a
    /// running relay without its lock. Recovery run on the view "deletes" and "writes" into
    /// nothing (an unfinished write of the relay's is left alone, and simply not listed).
    /// </summary>
    public sealed class ReadOnlyFileStore : IFileStore
    {
        private readonly IFileStore _inner;

        public ReadOnlyFileStore(IFileStore inner)
        {
            _inner = inner;
        }

        public long FreeBytes { get { return _inner.FreeBytes; } }

        public IFileWriter Create(string name)
        {
            return new Discard();
        }

        public IFileReader OpenRead(string name)
        {
            return _inner.OpenRead(name);
        }

        public bool Exists(string name)
        {
            return _inner.Exists(name);
        }

        public long Length(string name)
        {
            return _inner.Length(name);
        }

        public bool Delete(string name)
        {
            return _inner.Exists(name);
        }

        public string[] List(string prefix)
        {
            return _inner.List(prefix);
        }

        private sealed class Discard : IFileWriter
        {
            public long Length { get; private set; }

            public void Write(byte[] buffer, int offset, int count)
            {
                Length += count;
            }

            public void Flush()
            {
            }

            public void Close()
            {
            }
        }
    }
}

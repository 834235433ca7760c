using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// A spool entry being written, seen as an <see cref="IFileWriter"/> so the MIME and digest
    /// writers can stream into it. Flush and Close do nothing: an entry becomes durable only
    /// through <see cref="SpoolWriter.Commit"/>, which flushes content and envelope together.
    /// </summary>
    public sealed class SpoolEntryFile : IFileWriter
    {
        private readonly SpoolWriter _entry;

        public SpoolEntryFile(SpoolWriter entry)
        {
            _entry = entry;
        }

        public long Length { get { return _entry.Length; } }

        public void Write(byte[] buffer, int offset, int count)
        {
            _entry.Write(buffer, offset, count);
        }

        public void Flush()
        {
        }

        public void Close()
        {
        }
    }
}

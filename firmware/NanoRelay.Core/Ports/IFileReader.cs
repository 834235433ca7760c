namespace NanoRelay.Ports
{
    /// <summary>A file being read.</summary>
    public interface IFileReader
    {
        /// <summary>Reads up to count bytes from the current position; 0 at the end.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Moves the read position.</summary>
        void Seek(long position);

        /// <summary>The file's length in bytes.</summary>
        long Length { get; }

        void Close();
    }
}

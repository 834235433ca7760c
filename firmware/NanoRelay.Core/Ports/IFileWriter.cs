namespace NanoRelay.Ports
{
    /// <summary>A file being written from its start.</summary>
    public interface IFileWriter
    {
        /// <summary>Appends bytes; throws <see cref="StoreException"/> when the store is full or failing.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Makes everything written so far durable before it returns.</summary>
        void Flush();

        /// <summary>Bytes written so far.</summary>
        long Length { get; }

        /// <summary>Closes the file (after a Flush when the data matters).</summary>
        void Close();
    }
}

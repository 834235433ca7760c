namespace NanoRelay.Ports
{
    /// <summary>
    /// Flat named files for the spool and the mailbox: LittleFS on I:\ or an SD card on D:\ on the
    /// device, a directory on the host, memory (with power-cut injection) in tests. Names are short
    /// ASCII words without separators; the store keeps no directories.
    /// </summary>
    public interface IFileStore
    {
        /// <summary>Creates a new file for writing; throws <see cref="StoreException"/> if it exists or there is no room.</summary>
        IFileWriter Create(string name);

        /// <summary>Opens a file for reading, or returns null if there is none by that name.</summary>
        IFileReader OpenRead(string name);

        /// <summary>Whether a file of that name exists.</summary>
        bool Exists(string name);

        /// <summary>The file's length in bytes, or -1 if there is none.</summary>
        long Length(string name);

        /// <summary>Deletes the file; returns false when there was none.</summary>
        bool Delete(string name);

        /// <summary>The names of the files whose name starts with <paramref name="prefix"/>, in no particular order.</summary>
        string[] List(string prefix);

        /// <summary>Bytes still free for new data, or -1 when the store cannot tell.</summary>
        long FreeBytes { get; }
    }
}

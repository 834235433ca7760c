// COMPILE-ONLY SHIM of nanoFramework.System.IO.FileSystem 1.1.93 (System.IO.FileSystem.dll). Not a runtime: see README.md.
// Checked against nanoframework/System.IO.FileSystem tag v1.1.93 (434b26c): System.IO.FileSystem/{FileMode,FileAccess,
// File,FileShare,FileInfo,Directory,DirectoryInfo,FileSystemInfo,Path,FileStream}.cs and nanoFramework/SDCard.cs.
namespace System.IO
{
    public enum FileMode { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }

    [Flags]
    public enum FileAccess { Read = 1, Write = 2, ReadWrite = 3 }

    [Flags]
    public enum FileShare { None = 0, Read = 1, Write = 2, ReadWrite = 3 }

    public static class File
    {
        public static void Delete(string path) { }
        public static bool Exists(string path) { throw new NotSupportedException(); }
        public static string ReadAllText(string path) { throw new NotSupportedException(); }
    }

    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path) { throw new NotSupportedException(); }
        public static bool Exists(string path) { throw new NotSupportedException(); }
        public static string[] GetFiles(string path) { throw new NotSupportedException(); }
    }

    public abstract class FileSystemInfo : MarshalByRefObject
    {
        public abstract bool Exists { get; }
        public abstract string Name { get; }
        public abstract void Delete();
        protected abstract void HandleRefreshError();
    }

    public sealed class DirectoryInfo : FileSystemInfo
    {
        public DirectoryInfo(string path) { }
        public override bool Exists { get { throw new NotSupportedException(); } }
        public override string Name { get { throw new NotSupportedException(); } }
        public override void Delete() { }
        protected override void HandleRefreshError() { }
    }

    // Length reads the directory entry (NativeFindFile), it does not open the file.
    public sealed class FileInfo : FileSystemInfo
    {
        public FileInfo(string fileName) { }
        public override bool Exists { get { throw new NotSupportedException(); } }
        public long Length { get { throw new NotSupportedException(); } }
        public override string Name { get { throw new NotSupportedException(); } }
        public override void Delete() { }
        protected override void HandleRefreshError() { }
    }

    public static class Path
    {
        public static string GetFileName(string path) { throw new NotSupportedException(); }
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { }
        public FileStream(string path, FileMode mode, FileAccess access) { }
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) { }
        public override bool CanRead { get { throw new NotSupportedException(); } }
        public override bool CanSeek { get { throw new NotSupportedException(); } }
        public override bool CanWrite { get { throw new NotSupportedException(); } }
        public override long Length { get { throw new NotSupportedException(); } }
        public string Name { get { throw new NotSupportedException(); } }
        public override long Position { get { throw new NotSupportedException(); } set { } }
        public override void Close() { }
        protected override void Dispose(bool disposing) { }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public override int Read(SpanByte buffer) { throw new NotSupportedException(); }
        public override int ReadByte() { throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void WriteByte(byte value) { }
    }
}

namespace nanoFramework.System.IO.FileSystem
{
    // Disposable, with a finalizer that unmounts the card: whoever mounts it must keep the instance alive.
    public class SDCard : global::System.IDisposable
    {
        public SDCard(uint slotIndex = 0) { }
        public bool IsMounted { get { throw new global::System.NotSupportedException(); } }
        public uint SlotIndex { get { throw new global::System.NotSupportedException(); } }
        public void Dispose() { }
        public void Mount() { }
        public void Unmount() { }
    }
}

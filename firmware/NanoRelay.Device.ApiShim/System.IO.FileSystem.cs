// COMPILE-ONLY SHIM of nanoFramework.System.IO.FileSystem 1.1.93 (System.IO.FileSystem.dll). Not a runtime: see README.md.
// research/nanoframework-facts.md §2.3.
namespace System.IO
{
    public enum FileMode { CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6 }   // [NOT IN FACTS] values: the .NET ones

    [Flags]
    public enum FileAccess { Read = 1, Write = 2, ReadWrite = 3 }                                              // [NOT IN FACTS] values

    public static class File
    {
        public static bool Exists(string path) { throw new NotSupportedException(); }
        public static void Delete(string path) { }
        public static string ReadAllText(string path) { throw new NotSupportedException(); }
    }

    public static class Directory
    {
        public static void CreateDirectory(string path) { }          // [NOT IN FACTS] return type; the result is not used
        public static bool Exists(string path) { throw new NotSupportedException(); }
        public static string[] GetFiles(string path) { throw new NotSupportedException(); }
    }

    public static class Path
    {
        public static string GetFileName(string path) { throw new NotSupportedException(); }
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { }
        public FileStream(string path, FileMode mode, FileAccess access) { }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public override int Read(SpanByte buffer) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void Flush() { }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
    }
}

namespace nanoFramework.System.IO.FileSystem
{
    public class SDCard
    {
        public SDCard(uint slotIndex = 0) { }
        public void Mount() { }
        public void Unmount() { }
        public bool IsMounted { get { throw new global::System.NotSupportedException(); } }
    }
}

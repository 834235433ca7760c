// COMPILE-ONLY SHIM of nanoFramework.System.IO.Streams 1.1.96 (System.IO.Streams.dll). Not a runtime: see README.md.
// research/nanoframework-facts.md §2.2: Stream has abstract Read(SpanByte) besides Read(byte[], int, int).
namespace System.IO
{
    public enum SeekOrigin { Begin = 0, Current = 1, End = 2 }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract int Read(SpanByte buffer);
        public abstract void Write(byte[] buffer, int offset, int count);
        public abstract void Flush();
        public abstract long Length { get; }
        public abstract long Seek(long offset, SeekOrigin origin);
        public virtual void Close() { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
    }

    public class MemoryStream : Stream
    {
        public MemoryStream() { }
        public MemoryStream(byte[] buffer) { }
        public MemoryStream(byte[] buffer, bool isWritable) { }
        public virtual byte[] GetBuffer() { throw new NotSupportedException(); }
        public virtual byte[] ToArray() { throw new NotSupportedException(); }
        public virtual void WriteTo(Stream stream) { }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public override int Read(SpanByte buffer) { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void Flush() { }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
    }
}

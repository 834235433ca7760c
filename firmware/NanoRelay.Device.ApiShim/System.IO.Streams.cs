// COMPILE-ONLY SHIM of nanoFramework.System.IO.Streams 1.1.96 (System.IO.Streams.dll). Not a runtime: see README.md.
// Checked against nanoframework/System.IO.Streams tag v1.1.96 (e6d0ae8): System.IO.Streams/{Stream,MemoryStream,SeekOrigin}.cs.
// Stream declares every abstract member of the real one, so a class deriving from it here must implement what
// it must implement on the device.
namespace System.IO
{
    public enum SeekOrigin { Begin = 0, Current = 1, End = 2 }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public virtual bool CanTimeout { get { throw new NotSupportedException(); } }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual int ReadTimeout { get { throw new NotSupportedException(); } set { } }
        public virtual int WriteTimeout { get { throw new NotSupportedException(); } set { } }
        public virtual void Close() { }
        public void CopyTo(Stream destination) { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public abstract void Flush();
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract int Read(SpanByte buffer);
        public virtual int ReadByte() { throw new NotSupportedException(); }
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract void Write(byte[] buffer, int offset, int count);
        public virtual void WriteByte(byte value) { }
    }

    public class MemoryStream : Stream
    {
        public MemoryStream() { }
        public MemoryStream(byte[] buffer) { }
        public MemoryStream(byte[] buffer, bool isWritable) { }
        public override bool CanRead { get { throw new NotSupportedException(); } }
        public override bool CanSeek { get { throw new NotSupportedException(); } }
        public override bool CanWrite { get { throw new NotSupportedException(); } }
        public override long Length { get { throw new NotSupportedException(); } }
        public override long Position { get { throw new NotSupportedException(); } set { } }
        protected override void Dispose(bool disposing) { }
        public override void Flush() { }
        public virtual byte[] GetBuffer() { throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
        public override int Read(SpanByte buffer) { throw new NotSupportedException(); }
        public override int ReadByte() { throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }
        public override void SetLength(long value) { }
        public virtual byte[] ToArray() { throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void WriteByte(byte value) { }
        public virtual void WriteTo(Stream stream) { }
    }
}

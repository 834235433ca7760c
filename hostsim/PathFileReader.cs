using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>Any file on disk as an <see cref="IFileReader"/> (a --body-file or an --attach for `send`).</summary>
    public sealed class PathFileReader : IFileReader, IDisposable
    {
        private readonly FileStream _stream;

        public PathFileReader(string path)
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        }

        public long Length { get { return _stream.Length; } }

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return _stream.Read(buffer, offset, count);
            }
            catch (IOException e)
            {
                throw new StoreException("cannot read: " + e.Message, e);
            }
        }

        public void Seek(long position)
        {
            _stream.Position = position;
        }

        public void Close()
        {
            _stream.Dispose();
        }

        public void Dispose()
        {
            _stream.Dispose();
        }
    }
}

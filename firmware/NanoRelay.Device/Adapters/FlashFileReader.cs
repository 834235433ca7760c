using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>A spool file being read in chunks (never read whole into RAM, docs/nanoframework.md §4.6).</summary>
    public sealed class FlashFileReader : IFileReader
    {
        private readonly FileStream _stream;

        internal FlashFileReader(FileStream stream)
        {
            _stream = stream;
        }

        public long Length { get { return _stream.Length; } }

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return _stream.Read(buffer, offset, count);
            }
            catch (Exception e)
            {
                throw new StoreException("read failed: " + e.Message, e);
            }
        }

        public void Seek(long position)
        {
            _stream.Seek(position, SeekOrigin.Begin);
        }

        public void Close()
        {
            _stream.Close();
        }
    }
}

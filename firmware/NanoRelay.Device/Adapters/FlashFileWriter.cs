using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.Device.Adapters
{
    /// <summary>A spool file being written. Flush asks the file system to commit (LittleFS syncs the file on flush).</summary>
    public sealed class FlashFileWriter : IFileWriter
    {
        private readonly FileStream _stream;
        private readonly string _name;
        private long _length;

        internal FlashFileWriter(FileStream stream, string name)
        {
            _stream = stream;
            _name = name;
        }

        public long Length { get { return _length; } }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _stream.Write(buffer, offset, count);
                _length += count;
            }
            catch (Exception e)
            {
                throw new StoreException("write failed on " + _name + ": " + e.Message, e);
            }
        }

        public void Flush()
        {
            try
            {
                _stream.Flush();
            }
            catch (Exception e)
            {
                throw new StoreException("flush failed on " + _name + ": " + e.Message, e);
            }
        }

        public void Close()
        {
            try
            {
                _stream.Close();
            }
            catch (Exception e)
            {
                throw new StoreException("close failed on " + _name + ": " + e.Message, e);
            }
        }
    }
}

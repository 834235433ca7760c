using NanoRelay.Ports;

namespace NanoRelay.Mime
{
    /// <summary>A byte array seen as a file (a short body held as bytes).</summary>
    public sealed class MemoryReader : IFileReader
    {
        private readonly byte[] _data;
        private int _position;

        public MemoryReader(byte[] data)
        {
            _data = data;
        }

        public long Length { get { return _data.Length; } }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = _data.Length - _position;
            if (n > count)
            {
                n = count;
            }

            System.Array.Copy(_data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public void Seek(long position)
        {
            _position = (int)position;
        }

        public void Close()
        {
        }
    }
}

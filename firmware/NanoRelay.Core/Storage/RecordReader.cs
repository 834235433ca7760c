using NanoRelay.Framing;

namespace NanoRelay.Storage
{
    /// <summary>
    /// Reads a record payload written by <see cref="RecordWriter"/> with the distrust of network
    /// input: every read is bounds-checked, and a short or malformed payload sets
    /// <see cref="Failed"/> (sticky) and yields zeros and empty strings instead of throwing.
    /// </summary>
    public sealed class RecordReader
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private int _position;

        public RecordReader(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
        }

        /// <summary>True once any read ran past the end or met a bad length.</summary>
        public bool Failed { get; private set; }

        /// <summary>True when every byte was read and nothing failed.</summary>
        public bool AtEnd { get { return !Failed && _position == _end; } }

        public int Byte()
        {
            if (!Have(1))
            {
                return 0;
            }

            return _buffer[_position++];
        }

        public long UInt32()
        {
            if (!Have(4))
            {
                return 0;
            }

            long v = ((long)_buffer[_position] << 24) | ((long)_buffer[_position + 1] << 16)
                | ((long)_buffer[_position + 2] << 8) | _buffer[_position + 3];
            _position += 4;
            return v;
        }

        public long Int64()
        {
            long hi = UInt32();
            long lo = UInt32();
            return (hi << 32) | lo;
        }

        /// <summary>A length-prefixed byte string of at most <paramref name="max"/> bytes; null on failure.</summary>
        public byte[] Bytes(int max)
        {
            if (!Have(2))
            {
                return null;
            }

            int n = (_buffer[_position] << 8) | _buffer[_position + 1];
            _position += 2;
            if (n > max || !Have(n))
            {
                Failed = true;
                return null;
            }

            byte[] b = new byte[n];
            System.Array.Copy(_buffer, _position, b, 0, n);
            _position += n;
            return b;
        }

        /// <summary>A length-prefixed UTF-8 string of at most <paramref name="max"/> bytes; "" on failure.</summary>
        public string Text(int max)
        {
            byte[] b = Bytes(max);
            return b == null ? string.Empty : Utf8.GetString(b, 0, b.Length);
        }

        private bool Have(int n)
        {
            if (Failed || n < 0 || _end - _position < n)
            {
                Failed = true;
                return false;
            }

            return true;
        }
    }
}

using NanoRelay.Framing;

namespace NanoRelay.Storage
{
    /// <summary>
    /// Builds the payload of a store record: big-endian integers and length-prefixed byte
    /// strings, bounded by <see cref="Limits.StoreRecordMax"/>. <see cref="RecordReader"/> reads it back.
    /// The buffer is made by a record's first byte and given back by <see cref="Release"/> once the
    /// record is written: records are written per message, and a store idles far longer than it writes.
    /// </summary>
    public sealed class RecordWriter
    {
        private const int InitialBytes = 256;

        private byte[] _buffer;
        private int _length;

        public byte[] Buffer { get { return _buffer; } }

        public int Length { get { return _length; } }

        public void Clear()
        {
            _length = 0;
        }

        /// <summary>The record is written: empty again, and its buffer back to the heap.</summary>
        public void Release()
        {
            _length = 0;
            _buffer = null;
        }

        public void Byte(int value)
        {
            Ensure(1);
            _buffer[_length++] = (byte)value;
        }

        public void UInt32(long value)
        {
            Ensure(4);
            _buffer[_length++] = (byte)(value >> 24);
            _buffer[_length++] = (byte)(value >> 16);
            _buffer[_length++] = (byte)(value >> 8);
            _buffer[_length++] = (byte)value;
        }

        public void Int64(long value)
        {
            UInt32((value >> 32) & 0xFFFFFFFF);
            UInt32(value & 0xFFFFFFFF);
        }

        /// <summary>A byte string of at most 65535 bytes, prefixed by its 16-bit length.</summary>
        public void Bytes(byte[] data, int offset, int count)
        {
            if (count > 0xFFFF)
            {
                count = 0xFFFF;
            }

            Ensure(2 + count);
            _buffer[_length++] = (byte)(count >> 8);
            _buffer[_length++] = (byte)count;
            System.Array.Copy(data, offset, _buffer, _length, count);
            _length += count;
        }

        /// <summary>A string as UTF-8, cut to <paramref name="max"/> bytes (null is stored as empty).</summary>
        public void Text(string s, int max)
        {
            byte[] b = s == null ? new byte[0] : Utf8.GetBytes(s);
            Bytes(b, 0, b.Length < max ? b.Length : max);
        }

        private void Ensure(int more)
        {
            if (_length + more > Limits.StoreRecordMax)
            {
                throw new NanoRelay.Ports.StoreException("record larger than " + Limits.StoreRecordMax.ToString() + " bytes");
            }

            if (_buffer == null)
            {
                _buffer = new byte[InitialBytes];
            }

            if (_length + more > _buffer.Length)
            {
                int size = _buffer.Length * 2;
                while (size < _length + more)
                {
                    size *= 2;
                }

                byte[] b = new byte[size];
                System.Array.Copy(_buffer, b, _length);
                _buffer = b;
            }
        }
    }
}

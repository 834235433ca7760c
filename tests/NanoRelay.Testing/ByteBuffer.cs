using System;

namespace NanoRelay.Testing
{
    /// <summary>
    /// Bytes appended without a size limit, for the test doubles that record what a session wrote. nanoFramework's
    /// MemoryStream stops at 65,535 bytes (its MemStreamMaxLength): a test that writes more (a 64 KiB message, a
    /// long UIDL listing) failed on the device with ArgumentOutOfRangeException in MemoryStream.EnsureCapacity.
    /// </summary>
    public sealed class ByteBuffer
    {
        private byte[] _bytes = new byte[256];
        private int _length;

        /// <summary>The bytes written so far.</summary>
        public long Length { get { return _length; } }

        /// <summary>Appends <paramref name="count"/> bytes.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_length + count > _bytes.Length)
            {
                int size = _bytes.Length * 2;
                while (size < _length + count)
                {
                    size *= 2;
                }

                byte[] bigger = new byte[size];
                Array.Copy(_bytes, bigger, _length);
                _bytes = bigger;
            }

            Array.Copy(buffer, offset, _bytes, _length, count);
            _length += count;
        }

        /// <summary>A copy of the bytes written.</summary>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_bytes, copy, _length);
            return copy;
        }
    }
}

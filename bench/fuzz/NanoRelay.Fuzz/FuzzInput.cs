namespace NanoRelay.Fuzz
{
    /// <summary>Reads a fuzz input as a stream of small decisions; past its end every read is zero or empty.</summary>
    public sealed class FuzzInput
    {
        private readonly byte[] _data;
        private int _position;

        public FuzzInput(byte[] data)
        {
            _data = data;
        }

        public int Remaining => _data.Length - _position;

        public byte Byte() => _position < _data.Length ? _data[_position++] : (byte)0;

        public int UInt16() => Byte() | (Byte() << 8);

        public byte[] Bytes(int count)
        {
            if (count > Remaining)
            {
                count = Remaining;
            }

            byte[] b = new byte[count];
            System.Array.Copy(_data, _position, b, 0, count);
            _position += count;
            return b;
        }

        /// <summary>A length-prefixed (16-bit little endian) run of bytes.</summary>
        public byte[] Chunk() => Bytes(UInt16());

        public byte[] Rest() => Bytes(Remaining);
    }
}

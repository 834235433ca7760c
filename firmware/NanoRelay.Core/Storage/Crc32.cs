namespace NanoRelay.Storage
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320; the zip/PNG checksum), streaming.
    /// It detects a torn or corrupted record on flash; it is no defence against an attacker.
    /// </summary>
    public sealed class Crc32
    {
        private static uint[] s_table;
        private uint _crc = 0xFFFFFFFF;

        public Crc32()
        {
            if (s_table == null)
            {
                uint[] t = new uint[256];
                for (uint n = 0; n < 256; n++)
                {
                    uint c = n;
                    for (int k = 0; k < 8; k++)
                    {
                        c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                    }

                    t[n] = c;
                }

                s_table = t;
            }
        }

        /// <summary>The checksum of everything given so far.</summary>
        public uint Value { get { return _crc ^ 0xFFFFFFFF; } }

        public void Reset()
        {
            _crc = 0xFFFFFFFF;
        }

        public void Update(byte[] data, int offset, int count)
        {
            uint c = _crc;
            uint[] t = s_table;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                c = t[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            }

            _crc = c;
        }

        /// <summary>
        /// As <see cref="Update"/>, and tells whether the range holds an octet above 127 (RFC 6152
        /// 8-bit data): the spool decides the 8-bit flag in the same pass that sums the content.
        /// </summary>
        public bool UpdateFindingEightBit(byte[] data, int offset, int count)
        {
            uint c = _crc;
            uint[] t = s_table;
            int any = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                int b = data[i];
                any |= b;
                c = t[(c ^ (uint)b) & 0xFF] ^ (c >> 8);
            }

            _crc = c;
            return (any & 0x80) != 0;
        }

        /// <summary>The checksum of one range.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            Crc32 c = new Crc32();
            c.Update(data, offset, count);
            return c.Value;
        }
    }
}

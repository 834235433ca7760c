namespace NanoRelay.Crypto
{
    /// <summary>
    /// MD5 (RFC 1321), which nanoFramework lacks; needed only for APOP (RFC 1939 §7) and
    /// CRAM-MD5 (RFC 2195). Incremental, allocation-free after construction.
    /// </summary>
    public sealed class Md5
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 16;

        private static readonly int[] s_shift =
        {
            7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
            5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
            4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
            6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
        };

        // RFC 1321 §3.4: T[i] = floor(4294967296 * abs(sin(i))), i = 1..64.
        private static readonly uint[] s_t =
        {
            0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
            0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
            0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
            0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
            0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
            0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
            0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
            0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
        };

        private readonly uint[] _x = new uint[16];
        private readonly byte[] _block = new byte[64];
        private uint _a, _b, _c, _d;
        private int _blockLength;
        private long _totalLength;

        public Md5()
        {
            Reset();
        }

        /// <summary>Starts a new digest.</summary>
        public void Reset()
        {
            _a = 0x67452301;
            _b = 0xefcdab89;
            _c = 0x98badcfe;
            _d = 0x10325476;
            _blockLength = 0;
            _totalLength = 0;
        }

        /// <summary>Adds bytes to the digest.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            _totalLength += count;
            for (int i = 0; i < count; i++)
            {
                _block[_blockLength++] = data[offset + i];
                if (_blockLength == 64)
                {
                    Transform();
                    _blockLength = 0;
                }
            }
        }

        /// <summary>Writes the 16-byte digest at output[offset] and resets.</summary>
        public void Final(byte[] output, int offset)
        {
            long bits = _totalLength * 8;
            _block[_blockLength++] = 0x80;
            if (_blockLength > 56)
            {
                while (_blockLength < 64)
                {
                    _block[_blockLength++] = 0;
                }

                Transform();
                _blockLength = 0;
            }

            while (_blockLength < 56)
            {
                _block[_blockLength++] = 0;
            }

            for (int i = 0; i < 8; i++)
            {
                _block[56 + i] = (byte)(bits >> (8 * i));
            }

            Transform();
            PutLe(_a, output, offset);
            PutLe(_b, output, offset + 4);
            PutLe(_c, output, offset + 8);
            PutLe(_d, output, offset + 12);
            Reset();
        }

        private void Transform()
        {
            for (int i = 0; i < 16; i++)
            {
                _x[i] = (uint)(_block[4 * i] | (_block[(4 * i) + 1] << 8) | (_block[(4 * i) + 2] << 16) | (_block[(4 * i) + 3] << 24));
            }

            uint a = _a, b = _b, c = _c, d = _d;
            for (int i = 0; i < 64; i++)
            {
                uint f;
                int g;
                if (i < 16)
                {
                    f = (b & c) | (~b & d);
                    g = i;
                }
                else if (i < 32)
                {
                    f = (d & b) | (~d & c);
                    g = ((5 * i) + 1) & 15;
                }
                else if (i < 48)
                {
                    f = b ^ c ^ d;
                    g = ((3 * i) + 5) & 15;
                }
                else
                {
                    f = c ^ (b | ~d);
                    g = (7 * i) & 15;
                }

                uint temp = d;
                d = c;
                c = b;
                uint sum = a + f + s_t[i] + _x[g];
                int s = s_shift[i];
                b = b + ((sum << s) | (sum >> (32 - s)));
                a = temp;
            }

            _a += a;
            _b += b;
            _c += c;
            _d += d;
        }

        private static void PutLe(uint v, byte[] output, int offset)
        {
            output[offset] = (byte)v;
            output[offset + 1] = (byte)(v >> 8);
            output[offset + 2] = (byte)(v >> 16);
            output[offset + 3] = (byte)(v >> 24);
        }
    }
}

namespace NanoRelay.Mime
{
    /// <summary>One-shot base64 (RFC 4648 §4) on byte ranges, for SASL (RFC 4954) and small headers.</summary>
    public static class Base64
    {
        internal static readonly byte[] Alphabet = NanoRelay.Framing.Ascii.Bytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

        /// <summary>The encoded length of <paramref name="count"/> bytes, padding included.</summary>
        public static int EncodedLength(int count)
        {
            return ((count + 2) / 3) * 4;
        }

        /// <summary>Encodes without line breaks; returns the bytes written.</summary>
        public static int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int end = offset + count;
            int i = offset;
            for (; i + 2 < end; i += 3)
            {
                int v = (source[i] << 16) | (source[i + 1] << 8) | source[i + 2];
                destination[o++] = Alphabet[(v >> 18) & 63];
                destination[o++] = Alphabet[(v >> 12) & 63];
                destination[o++] = Alphabet[(v >> 6) & 63];
                destination[o++] = Alphabet[v & 63];
            }

            int left = end - i;
            if (left > 0)
            {
                int v = source[i] << 16;
                if (left == 2)
                {
                    v |= source[i + 1] << 8;
                }

                destination[o++] = Alphabet[(v >> 18) & 63];
                destination[o++] = Alphabet[(v >> 12) & 63];
                destination[o++] = left == 2 ? Alphabet[(v >> 6) & 63] : (byte)'=';
                destination[o++] = (byte)'=';
            }

            return o - destinationOffset;
        }

        /// <summary>The 6-bit value of a base64 character, or -1.</summary>
        public static int ValueOf(byte c)
        {
            if (c >= (byte)'A' && c <= (byte)'Z')
            {
                return c - 'A';
            }

            if (c >= (byte)'a' && c <= (byte)'z')
            {
                return c - 'a' + 26;
            }

            if (c >= (byte)'0' && c <= (byte)'9')
            {
                return c - '0' + 52;
            }

            if (c == (byte)'+')
            {
                return 62;
            }

            if (c == (byte)'/')
            {
                return 63;
            }

            return -1;
        }

        /// <summary>
        /// Strictly decodes a complete base64 text (length a multiple of 4, padding only at the end,
        /// no whitespace), as SASL responses must be (RFC 4954 §4). Returns the bytes written, or -1
        /// when the input is not valid base64. The destination needs count / 4 * 3 bytes.
        /// </summary>
        public static int Decode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            if ((count & 3) != 0)
            {
                return -1;
            }

            int o = destinationOffset;
            int end = offset + count;
            for (int i = offset; i < end; i += 4)
            {
                bool last = i + 4 == end;
                int a = ValueOf(source[i]);
                int b = ValueOf(source[i + 1]);
                if (a < 0 || b < 0)
                {
                    return -1;
                }

                int pad = 0;
                if (last && source[i + 3] == (byte)'=')
                {
                    pad = source[i + 2] == (byte)'=' ? 2 : 1;
                }

                int c = pad == 2 ? 0 : ValueOf(source[i + 2]);
                int d = pad >= 1 ? 0 : ValueOf(source[i + 3]);
                if (c < 0 || d < 0)
                {
                    return -1;
                }

                int v = (a << 18) | (b << 12) | (c << 6) | d;
                destination[o++] = (byte)(v >> 16);
                if (pad < 2)
                {
                    destination[o++] = (byte)(v >> 8);
                }

                if (pad < 1)
                {
                    destination[o++] = (byte)v;
                }
            }

            return o - destinationOffset;
        }
    }
}

namespace NanoRelay.Framing
{
    /// <summary>ASCII on bytes: keyword matching, strict numbers, number formatting. No allocation.</summary>
    public static class Ascii
    {
        /// <summary>Upper-cases one ASCII letter; other bytes are returned unchanged.</summary>
        public static byte ToUpper(byte b)
        {
            return b >= (byte)'a' && b <= (byte)'z' ? (byte)(b - 32) : b;
        }

        public static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        /// <summary>Printable ASCII, 0x20..0x7E.</summary>
        public static bool IsPrintable(byte b)
        {
            return b >= 0x20 && b <= 0x7E;
        }

        /// <summary>Whether bytes[offset..offset+count) equal <paramref name="upperKeyword"/> ignoring ASCII case.</summary>
        public static bool EqualsIgnoreCase(byte[] bytes, int offset, int count, byte[] upperKeyword)
        {
            return count == upperKeyword.Length && StartsWithIgnoreCase(bytes, offset, count, upperKeyword);
        }

        /// <summary>Whether bytes[offset..offset+count) starts with <paramref name="upperKeyword"/> ignoring ASCII case.</summary>
        public static bool StartsWithIgnoreCase(byte[] bytes, int offset, int count, byte[] upperKeyword)
        {
            if (count < upperKeyword.Length)
            {
                return false;
            }

            for (int i = 0; i < upperKeyword.Length; i++)
            {
                if (ToUpper(bytes[offset + i]) != upperKeyword[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Parses a non-negative decimal number made of digits only: no sign, no spaces, no
        /// empty input. Returns false when the value would exceed <paramref name="max"/>
        /// (so "4294967297" is an error, never 1).
        /// </summary>
        public static bool TryParseDecimal(byte[] bytes, int offset, int count, long max, out long value)
        {
            value = 0;
            if (count <= 0 || count > 19)
            {
                return false;
            }

            long v = 0;
            for (int i = 0; i < count; i++)
            {
                byte b = bytes[offset + i];
                if (!IsDigit(b))
                {
                    return false;
                }

                v = (v * 10) + (b - '0');
                if (v > max)
                {
                    return false;
                }
            }

            value = v;
            return true;
        }

        /// <summary>Parses a decimal that fits an int (see <see cref="TryParseDecimal"/>).</summary>
        public static bool TryParseInt(byte[] bytes, int offset, int count, out int value)
        {
            long v;
            bool ok = TryParseDecimal(bytes, offset, count, int.MaxValue, out v);
            value = (int)v;
            return ok;
        }

        /// <summary>Writes <paramref name="value"/> (non-negative) in decimal at destination[offset]; returns the digit count.</summary>
        public static int FormatDecimal(long value, byte[] destination, int offset)
        {
            if (value < 0)
            {
                throw new System.ArgumentOutOfRangeException("value");
            }

            int digits = 1;
            for (long v = value / 10; v != 0; v /= 10)
            {
                digits++;
            }

            for (int i = offset + digits - 1; i >= offset; i--)
            {
                destination[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            return digits;
        }

        /// <summary>Index of the first <paramref name="value"/> in the range, or -1.</summary>
        public static int IndexOf(byte[] bytes, int offset, int count, byte value)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (bytes[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Index of the first control octet (C0, 0x00..0x1F, or DEL) in the range, or -1: octets no
        /// command argument may hold (RFC 1939 §3: "printable ASCII characters"), NUL among them.
        /// </summary>
        public static int IndexOfControl(byte[] bytes, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (bytes[i] < 0x20 || bytes[i] == 0x7F)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The bytes of an ASCII literal, for wire constants built once at type load.</summary>
        public static byte[] Bytes(string literal)
        {
            byte[] b = new byte[literal.Length];
            for (int i = 0; i < literal.Length; i++)
            {
                b[i] = (byte)literal[i];
            }

            return b;
        }
    }
}

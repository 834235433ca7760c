namespace NanoRelay.Crypto
{
    /// <summary>Lower-case hex, as APOP and CRAM-MD5 send digests.</summary>
    public static class Hex
    {
        private static readonly byte[] s_digits = NanoRelay.Framing.Ascii.Bytes("0123456789abcdef");

        /// <summary>Writes 2*count hex digits at destination[destinationOffset]; returns 2*count.</summary>
        public static int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            for (int i = 0; i < count; i++)
            {
                byte b = source[offset + i];
                destination[destinationOffset + (2 * i)] = s_digits[b >> 4];
                destination[destinationOffset + (2 * i) + 1] = s_digits[b & 15];
            }

            return 2 * count;
        }
    }
}

namespace NanoRelay.Crypto
{
    /// <summary>HMAC-MD5 (RFC 2104) for CRAM-MD5 (RFC 2195).</summary>
    public static class HmacMd5
    {
        private const int BlockSize = 64;

        /// <summary>Writes HMAC-MD5(key, message) (16 bytes) at output[outputOffset].</summary>
        public static void Compute(byte[] key, int keyOffset, int keyCount, byte[] message, int messageOffset, int messageCount, byte[] output, int outputOffset)
        {
            Md5 md5 = new Md5();
            byte[] k = new byte[BlockSize];
            if (keyCount > BlockSize)
            {
                // RFC 2104 §2: keys longer than B bytes are first hashed.
                md5.Update(key, keyOffset, keyCount);
                md5.Final(k, 0);
            }
            else
            {
                System.Array.Copy(key, keyOffset, k, 0, keyCount);
            }

            byte[] pad = new byte[BlockSize];
            for (int i = 0; i < BlockSize; i++)
            {
                pad[i] = (byte)(k[i] ^ 0x36);
            }

            byte[] inner = new byte[Md5.HashSize];
            md5.Update(pad, 0, BlockSize);
            md5.Update(message, messageOffset, messageCount);
            md5.Final(inner, 0);

            for (int i = 0; i < BlockSize; i++)
            {
                pad[i] = (byte)(k[i] ^ 0x5c);
            }

            md5.Update(pad, 0, BlockSize);
            md5.Update(inner, 0, Md5.HashSize);
            md5.Final(output, outputOffset);
        }
    }
}

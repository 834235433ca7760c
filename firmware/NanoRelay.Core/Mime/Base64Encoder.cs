namespace NanoRelay.Mime
{
    /// <summary>
    /// Streaming base64 for bodies and attachments (RFC 2045 §6.8): lines of at most 76
    /// characters ending in CRLF, up to two leftover input bytes carried between calls, so any
    /// chunking of the input gives the same output and memory does not grow with the message.
    /// </summary>
    public sealed class Base64Encoder
    {
        private readonly int _lineChars;
        private readonly byte[] _carry = new byte[2];
        private int _carryCount;
        private int _column;

        /// <summary>An encoder breaking lines at <paramref name="lineChars"/> (a multiple of 4; 0 for no breaks).</summary>
        public Base64Encoder(int lineChars)
        {
            if (lineChars < 0 || (lineChars & 3) != 0)
            {
                throw new System.ArgumentOutOfRangeException("lineChars");
            }

            _lineChars = lineChars;
        }

        /// <summary>An encoder with the MIME line length of 76 characters.</summary>
        public Base64Encoder()
            : this(Limits.Base64LineChars)
        {
        }

        /// <summary>The most output <paramref name="count"/> input bytes can produce in one Encode or Finish call.</summary>
        public int MaxOutput(int count)
        {
            int chars = ((count + 2 + 2) / 3) * 4;
            int breaks = _lineChars == 0 ? 0 : ((chars / _lineChars) + 1) * 2;
            return chars + breaks;
        }

        /// <summary>Encodes a chunk; destination needs <see cref="MaxOutput"/>(count) bytes. Returns the bytes written.</summary>
        public int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int i = offset;
            int end = offset + count;
            while (_carryCount > 0 && _carryCount < 3 && i < end)
            {
                if (_carryCount == 2)
                {
                    o = Quantum(_carry[0], _carry[1], source[i++], destination, o);
                    _carryCount = 0;
                    break;
                }

                _carry[_carryCount++] = source[i++];
            }

            // Whole lines at a time, inlined: on the nanoCLR a call per quantum costs more than its four lookups.
            byte[] alphabet = Base64.Alphabet;
            while (i + 2 < end)
            {
                BreakIfFull(destination, ref o);
                int quanta = (end - i) / 3;
                if (_lineChars > 0 && (_lineChars - _column) / 4 < quanta)
                {
                    quanta = (_lineChars - _column) / 4;
                }

                int stop = i + (quanta * 3);
                int pairs = i + ((quanta & ~1) * 3);
                while (i < pairs)
                {
                    // Two quanta per turn: the loop's own IL is interpreted once per six octets.
                    int v = (source[i] << 16) | (source[i + 1] << 8) | source[i + 2];
                    int w = (source[i + 3] << 16) | (source[i + 4] << 8) | source[i + 5];
                    destination[o] = alphabet[v >> 18];
                    destination[o + 1] = alphabet[(v >> 12) & 63];
                    destination[o + 2] = alphabet[(v >> 6) & 63];
                    destination[o + 3] = alphabet[v & 63];
                    destination[o + 4] = alphabet[w >> 18];
                    destination[o + 5] = alphabet[(w >> 12) & 63];
                    destination[o + 6] = alphabet[(w >> 6) & 63];
                    destination[o + 7] = alphabet[w & 63];
                    o += 8;
                    i += 6;
                }

                if (i < stop)
                {
                    int v = (source[i] << 16) | (source[i + 1] << 8) | source[i + 2];
                    destination[o] = alphabet[v >> 18];
                    destination[o + 1] = alphabet[(v >> 12) & 63];
                    destination[o + 2] = alphabet[(v >> 6) & 63];
                    destination[o + 3] = alphabet[v & 63];
                    o += 4;
                    i += 3;
                }

                _column += quanta * 4;
            }

            while (i < end)
            {
                _carry[_carryCount++] = source[i++];
            }

            return o - destinationOffset;
        }

        /// <summary>Encodes the carried bytes with padding and ends the last line with CRLF; returns the bytes written (at most 8). Resets.</summary>
        public int Finish(byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            if (_carryCount > 0)
            {
                BreakIfFull(destination, ref o);
                int v = _carry[0] << 16;
                if (_carryCount == 2)
                {
                    v |= _carry[1] << 8;
                }

                destination[o++] = Base64.Alphabet[(v >> 18) & 63];
                destination[o++] = Base64.Alphabet[(v >> 12) & 63];
                destination[o++] = _carryCount == 2 ? Base64.Alphabet[(v >> 6) & 63] : (byte)'=';
                destination[o++] = (byte)'=';
                _column += 4;
            }

            if (_column > 0 && _lineChars > 0)
            {
                destination[o++] = 13;
                destination[o++] = 10;
            }

            _carryCount = 0;
            _column = 0;
            return o - destinationOffset;
        }

        private int Quantum(byte a, byte b, byte c, byte[] destination, int o)
        {
            BreakIfFull(destination, ref o);
            int v = (a << 16) | (b << 8) | c;
            destination[o++] = Base64.Alphabet[(v >> 18) & 63];
            destination[o++] = Base64.Alphabet[(v >> 12) & 63];
            destination[o++] = Base64.Alphabet[(v >> 6) & 63];
            destination[o++] = Base64.Alphabet[v & 63];
            _column += 4;
            return o;
        }

        private void BreakIfFull(byte[] destination, ref int o)
        {
            if (_lineChars > 0 && _column >= _lineChars)
            {
                destination[o++] = 13;
                destination[o++] = 10;
                _column = 0;
            }
        }
    }
}

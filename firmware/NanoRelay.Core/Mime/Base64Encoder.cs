namespace NanoRelay.Mime
{
    /// <summary>
    /// Streaming base64 for bodies and attachments (RFC 2045 §6.8): lines of at most 76
    /// characters ending in CRLF, up to two leftover input bytes carried between calls, so any
    /// chunking of the input gives the same output and memory does not grow with the message.
    /// </summary>
    public sealed class Base64Encoder
    {
        // The MIME line (Limits.Base64LineChars): 19 quanta of 3 octets, written out whole by EncodeFullLines.
        private const int FullLineChars = 76;
        private const int FullLineOctets = 57;

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

            // Whole lines at a time, inlined: on the nanoCLR a call per quantum costs more than its four lookups. Full
            // MIME lines after a full line go to EncodeFullLines; the rest (the first line, a line cut by the chunk,
            // other line lengths) to the two-quanta loop below.
            byte[] alphabet = Base64.Alphabet;
            while (i + 2 < end)
            {
                if (_column == FullLineChars && _lineChars == FullLineChars && end - i >= FullLineOctets)
                {
                    int lines = (end - i) / FullLineOctets;
                    o = EncodeFullLines(source, i, lines, destination, o);
                    i += lines * FullLineOctets;
                    continue;
                }

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

        // Each line is the CRLF that ends the full line before it (breaks stay lazy, as in BreakIfFull), then 76
        // characters from 57 octets. On the nanoCLR every IL instruction is dispatched; written out whole, a line
        // spends nothing on loop counters or line bookkeeping, about 13% of the two-quanta loop's time
        // (bench/nanoclr: 14.1 -> 16.3 MB/s). What is left, about 67 instructions a quantum, is the three octet
        // reads, four lookups and four stores with their offsets. Returns the new destination offset.
        private static int EncodeFullLines(byte[] source, int i, int lines, byte[] destination, int o)
        {
            byte[] alphabet = Base64.Alphabet;
            int stop = i + (lines * FullLineOctets);
            int v;
            while (i < stop)
            {
                destination[o] = 13;
                destination[o + 1] = 10;
                v = (source[i] << 16) | (source[i + 1] << 8) | source[i + 2];
                destination[o + 2] = alphabet[v >> 18];
                destination[o + 3] = alphabet[(v >> 12) & 63];
                destination[o + 4] = alphabet[(v >> 6) & 63];
                destination[o + 5] = alphabet[v & 63];
                v = (source[i + 3] << 16) | (source[i + 4] << 8) | source[i + 5];
                destination[o + 6] = alphabet[v >> 18];
                destination[o + 7] = alphabet[(v >> 12) & 63];
                destination[o + 8] = alphabet[(v >> 6) & 63];
                destination[o + 9] = alphabet[v & 63];
                v = (source[i + 6] << 16) | (source[i + 7] << 8) | source[i + 8];
                destination[o + 10] = alphabet[v >> 18];
                destination[o + 11] = alphabet[(v >> 12) & 63];
                destination[o + 12] = alphabet[(v >> 6) & 63];
                destination[o + 13] = alphabet[v & 63];
                v = (source[i + 9] << 16) | (source[i + 10] << 8) | source[i + 11];
                destination[o + 14] = alphabet[v >> 18];
                destination[o + 15] = alphabet[(v >> 12) & 63];
                destination[o + 16] = alphabet[(v >> 6) & 63];
                destination[o + 17] = alphabet[v & 63];
                v = (source[i + 12] << 16) | (source[i + 13] << 8) | source[i + 14];
                destination[o + 18] = alphabet[v >> 18];
                destination[o + 19] = alphabet[(v >> 12) & 63];
                destination[o + 20] = alphabet[(v >> 6) & 63];
                destination[o + 21] = alphabet[v & 63];
                v = (source[i + 15] << 16) | (source[i + 16] << 8) | source[i + 17];
                destination[o + 22] = alphabet[v >> 18];
                destination[o + 23] = alphabet[(v >> 12) & 63];
                destination[o + 24] = alphabet[(v >> 6) & 63];
                destination[o + 25] = alphabet[v & 63];
                v = (source[i + 18] << 16) | (source[i + 19] << 8) | source[i + 20];
                destination[o + 26] = alphabet[v >> 18];
                destination[o + 27] = alphabet[(v >> 12) & 63];
                destination[o + 28] = alphabet[(v >> 6) & 63];
                destination[o + 29] = alphabet[v & 63];
                v = (source[i + 21] << 16) | (source[i + 22] << 8) | source[i + 23];
                destination[o + 30] = alphabet[v >> 18];
                destination[o + 31] = alphabet[(v >> 12) & 63];
                destination[o + 32] = alphabet[(v >> 6) & 63];
                destination[o + 33] = alphabet[v & 63];
                v = (source[i + 24] << 16) | (source[i + 25] << 8) | source[i + 26];
                destination[o + 34] = alphabet[v >> 18];
                destination[o + 35] = alphabet[(v >> 12) & 63];
                destination[o + 36] = alphabet[(v >> 6) & 63];
                destination[o + 37] = alphabet[v & 63];
                v = (source[i + 27] << 16) | (source[i + 28] << 8) | source[i + 29];
                destination[o + 38] = alphabet[v >> 18];
                destination[o + 39] = alphabet[(v >> 12) & 63];
                destination[o + 40] = alphabet[(v >> 6) & 63];
                destination[o + 41] = alphabet[v & 63];
                v = (source[i + 30] << 16) | (source[i + 31] << 8) | source[i + 32];
                destination[o + 42] = alphabet[v >> 18];
                destination[o + 43] = alphabet[(v >> 12) & 63];
                destination[o + 44] = alphabet[(v >> 6) & 63];
                destination[o + 45] = alphabet[v & 63];
                v = (source[i + 33] << 16) | (source[i + 34] << 8) | source[i + 35];
                destination[o + 46] = alphabet[v >> 18];
                destination[o + 47] = alphabet[(v >> 12) & 63];
                destination[o + 48] = alphabet[(v >> 6) & 63];
                destination[o + 49] = alphabet[v & 63];
                v = (source[i + 36] << 16) | (source[i + 37] << 8) | source[i + 38];
                destination[o + 50] = alphabet[v >> 18];
                destination[o + 51] = alphabet[(v >> 12) & 63];
                destination[o + 52] = alphabet[(v >> 6) & 63];
                destination[o + 53] = alphabet[v & 63];
                v = (source[i + 39] << 16) | (source[i + 40] << 8) | source[i + 41];
                destination[o + 54] = alphabet[v >> 18];
                destination[o + 55] = alphabet[(v >> 12) & 63];
                destination[o + 56] = alphabet[(v >> 6) & 63];
                destination[o + 57] = alphabet[v & 63];
                v = (source[i + 42] << 16) | (source[i + 43] << 8) | source[i + 44];
                destination[o + 58] = alphabet[v >> 18];
                destination[o + 59] = alphabet[(v >> 12) & 63];
                destination[o + 60] = alphabet[(v >> 6) & 63];
                destination[o + 61] = alphabet[v & 63];
                v = (source[i + 45] << 16) | (source[i + 46] << 8) | source[i + 47];
                destination[o + 62] = alphabet[v >> 18];
                destination[o + 63] = alphabet[(v >> 12) & 63];
                destination[o + 64] = alphabet[(v >> 6) & 63];
                destination[o + 65] = alphabet[v & 63];
                v = (source[i + 48] << 16) | (source[i + 49] << 8) | source[i + 50];
                destination[o + 66] = alphabet[v >> 18];
                destination[o + 67] = alphabet[(v >> 12) & 63];
                destination[o + 68] = alphabet[(v >> 6) & 63];
                destination[o + 69] = alphabet[v & 63];
                v = (source[i + 51] << 16) | (source[i + 52] << 8) | source[i + 53];
                destination[o + 70] = alphabet[v >> 18];
                destination[o + 71] = alphabet[(v >> 12) & 63];
                destination[o + 72] = alphabet[(v >> 6) & 63];
                destination[o + 73] = alphabet[v & 63];
                v = (source[i + 54] << 16) | (source[i + 55] << 8) | source[i + 56];
                destination[o + 74] = alphabet[v >> 18];
                destination[o + 75] = alphabet[(v >> 12) & 63];
                destination[o + 76] = alphabet[(v >> 6) & 63];
                destination[o + 77] = alphabet[v & 63];
                o += FullLineChars + 2;
                i += FullLineOctets;
            }

            return o;
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

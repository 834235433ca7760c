// The core's Base64Encoder as it was when issue 15 measured it (git show da9e2a7^:firmware/NanoRelay.Core/.../Base64Encoder.cs),
// frozen here as the benchmark's "today" baseline, measured in the same run as the current code. Only the
// namespace and the class name differ, and the alphabet (internal to the core) is its own. Not used by the relay.
using NanoRelay;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.NanoBench.Seed
{
    /// <summary>
    /// Streaming base64 for bodies and attachments (RFC 2045 §6.8): lines of at most 76
    /// characters ending in CRLF, up to two leftover input bytes carried between calls, so any
    /// chunking of the input gives the same output and memory does not grow with the message.
    /// </summary>
    public sealed class SeedBase64Encoder
    {
        private static readonly byte[] s_alphabet = Ascii.Bytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
        private readonly int _lineChars;
        private readonly byte[] _carry = new byte[2];
        private int _carryCount;
        private int _column;

        /// <summary>An encoder breaking lines at <paramref name="lineChars"/> (a multiple of 4; 0 for no breaks).</summary>
        public SeedBase64Encoder(int lineChars)
        {
            if (lineChars < 0 || (lineChars & 3) != 0)
            {
                throw new System.ArgumentOutOfRangeException("lineChars");
            }

            _lineChars = lineChars;
        }

        /// <summary>An encoder with the MIME line length of 76 characters.</summary>
        public SeedBase64Encoder()
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

            for (; i + 2 < end; i += 3)
            {
                o = Quantum(source[i], source[i + 1], source[i + 2], destination, o);
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

                destination[o++] = s_alphabet[(v >> 18) & 63];
                destination[o++] = s_alphabet[(v >> 12) & 63];
                destination[o++] = _carryCount == 2 ? s_alphabet[(v >> 6) & 63] : (byte)'=';
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
            destination[o++] = s_alphabet[(v >> 18) & 63];
            destination[o++] = s_alphabet[(v >> 12) & 63];
            destination[o++] = s_alphabet[(v >> 6) & 63];
            destination[o++] = s_alphabet[v & 63];
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

// The core's QuotedPrintableEncoder as it was when issue 15 measured it (git show da9e2a7^:firmware/NanoRelay.Core/.../QuotedPrintableEncoder.cs),
// frozen here as the benchmark's "today" baseline, measured in the same run as the current code. Only the
// namespace and the class name differ. Not used by the relay.
using NanoRelay;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.NanoBench.Seed
{
    /// <summary>
    /// Streaming quoted-printable for text (RFC 2045 §6.7): line breaks in the input (CRLF, or a
    /// bare LF or CR, normalised) become hard CRLF breaks; '=', controls and octets above 126 are
    /// =XX; whitespace before a break is encoded (rule 3); lines are soft-broken with "=" CRLF so no
    /// encoded line exceeds 76 characters (rule 5). State carries across chunks.
    /// </summary>
    public sealed class SeedQuotedPrintableEncoder
    {
        private const int MaxContent = Limits.QuotedPrintableLineChars - 1;   // room for the soft-break "="
        private static readonly byte[] s_hex = NanoRelay.Framing.Ascii.Bytes("0123456789ABCDEF");

        private int _column;
        private int _pendingSpace = -1;   // a SP or TAB not yet known to be followed by text
        private bool _pendingCr;

        /// <summary>The most output <paramref name="count"/> input bytes can produce in one call (Finish included).</summary>
        public static int MaxOutput(int count)
        {
            return (count * 6) + 16;
        }

        /// <summary>Encodes a chunk into destination (room for <see cref="MaxOutput"/>(count)); returns the bytes written.</summary>
        public int Encode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = source[i];
                if (_pendingCr)
                {
                    _pendingCr = false;
                    o = HardBreak(destination, o);
                    if (b == 10)
                    {
                        continue;   // CRLF: one break
                    }
                }

                if (b == 13)
                {
                    _pendingCr = true;
                    continue;
                }

                if (b == 10)
                {
                    o = HardBreak(destination, o);
                    continue;
                }

                if (_pendingSpace >= 0)
                {
                    o = Literal((byte)_pendingSpace, destination, o);
                    _pendingSpace = -1;
                }

                if (b == (byte)' ' || b == 9)
                {
                    _pendingSpace = b;
                }
                else if (b >= 33 && b <= 126 && b != (byte)'=')
                {
                    o = Literal(b, destination, o);
                }
                else
                {
                    o = Escaped(b, destination, o);
                }
            }

            return o - destinationOffset;
        }

        /// <summary>Ends the text (no final break is added); returns the bytes written. Resets.</summary>
        public int Finish(byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            if (_pendingCr)
            {
                _pendingCr = false;
                o = HardBreak(destination, o);
            }

            if (_pendingSpace >= 0)
            {
                o = Escaped((byte)_pendingSpace, destination, o);
                _pendingSpace = -1;
            }

            _column = 0;
            return o - destinationOffset;
        }

        private int HardBreak(byte[] d, int o)
        {
            if (_pendingSpace >= 0)
            {
                // Rule 3: whitespace at the end of an encoded line must be encoded.
                o = Escaped((byte)_pendingSpace, d, o);
                _pendingSpace = -1;
            }

            d[o++] = 13;
            d[o++] = 10;
            _column = 0;
            return o;
        }

        private int Literal(byte b, byte[] d, int o)
        {
            o = Room(1, d, o);
            d[o++] = b;
            _column++;
            return o;
        }

        private int Escaped(byte b, byte[] d, int o)
        {
            o = Room(3, d, o);
            d[o++] = (byte)'=';
            d[o++] = s_hex[b >> 4];
            d[o++] = s_hex[b & 15];
            _column += 3;
            return o;
        }

        private int Room(int need, byte[] d, int o)
        {
            if (_column + need > MaxContent)
            {
                d[o++] = (byte)'=';   // rule 5: a soft line break
                d[o++] = 13;
                d[o++] = 10;
                _column = 0;
            }

            return o;
        }
    }
}

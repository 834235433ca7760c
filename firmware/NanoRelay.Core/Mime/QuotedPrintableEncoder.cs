namespace NanoRelay.Mime
{
    /// <summary>
    /// Streaming quoted-printable for text (RFC 2045 §6.7): line breaks in the input (CRLF, or a
    /// bare LF or CR, normalised) become hard CRLF breaks; '=', controls and octets above 126 are
    /// =XX; whitespace before a break is encoded (rule 3); lines are soft-broken with "=" CRLF so no
    /// encoded line exceeds 76 characters (rule 5). State carries across chunks.
    /// </summary>
    public sealed class QuotedPrintableEncoder
    {
        private const int MaxContent = Limits.QuotedPrintableLineChars - 1;   // room for the soft-break "="
        private static readonly byte[] s_hex = NanoRelay.Framing.Ascii.Bytes("0123456789ABCDEF");

        // What each octet is to the encoder, looked up once per octet: on the nanoCLR one table read costs less
        // than the three comparisons it replaces.
        private const byte Safe = 0;     // rule 2: 33-126 except "=", written as it is
        private const byte Space = 1;    // SP, TAB: literal unless a line break follows (rule 3)
        private const byte Break = 2;    // CR, LF
        private const byte Escape = 3;   // "=", other controls, octets above 126: =XX (rule 1)
        private static readonly byte[] s_kind = Kinds();

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

                // Printable text as a run: as many literal octets as fit on the line, copied at once. A SP or TAB
                // joins the run when the next octet is in the chunk and is no line break (rule 3 then allows it
                // literally, as the pending-space path below would write it), so a line of words is one run.
                byte[] kind = s_kind;
                int run = i;
                int stop = end - i < MaxContent - _column ? end : i + (MaxContent - _column);
                while (run < stop)
                {
                    int k = kind[source[run]];
                    if (k != Safe)
                    {
                        if (k != Space || run + 1 >= end || kind[source[run + 1]] == Break)
                        {
                            break;
                        }
                    }

                    run++;
                }

                if (run > i)
                {
                    System.Array.Copy(source, i, destination, o, run - i);
                    o += run - i;
                    _column += run - i;
                    i = run - 1;
                    continue;
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

        private static byte[] Kinds()
        {
            byte[] kind = new byte[256];
            for (int b = 0; b < 256; b++)
            {
                kind[b] = b >= 33 && b <= 126 && b != (byte)'=' ? Safe : Escape;
            }

            kind[(byte)' '] = Space;
            kind[9] = Space;
            kind[13] = Break;
            kind[10] = Break;
            return kind;
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

namespace NanoRelay.Mime
{
    /// <summary>
    /// Streaming base64 decoding for bodies and attachments (RFC 2045 §6.8, RFC 4648 §4): CR, LF,
    /// space and tab between characters are skipped (MIME breaks lines at 76), up to three
    /// characters of a quantum are carried between calls, so any chunking gives the same bytes.
    /// Anything else outside the alphabet, "=" where padding cannot be, or data after the padding
    /// is invalid: Decode returns -1 and the decoder stays failed until <see cref="Reset"/>.
    /// </summary>
    public sealed class Base64Decoder
    {
        private const byte Pad = (byte)'=';

        private int _bits;      // the characters of the current quantum, 6 bits each
        private int _count;     // characters of the current quantum so far, padding included (0-3)
        private int _padding;   // "=" in the current quantum
        private bool _ended;    // a padded quantum closed the data: only whitespace may follow
        private bool _failed;

        /// <summary>True once invalid input was seen.</summary>
        public bool IsFailed { get { return _failed; } }

        /// <summary>The most bytes one Decode call of <paramref name="count"/> characters writes.</summary>
        public static int MaxOutput(int count)
        {
            return ((count + 3) / 4) * 3;
        }

        /// <summary>Starts a new text.</summary>
        public void Reset()
        {
            _bits = 0;
            _count = 0;
            _padding = 0;
            _ended = false;
            _failed = false;
        }

        /// <summary>
        /// Decodes a chunk; destination needs <see cref="MaxOutput"/>(count) bytes. Returns the bytes
        /// written, or -1 when the input is not base64 (then and on every later call until Reset).
        /// </summary>
        public int Decode(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            if (_failed)
            {
                return -1;
            }

            int o = destinationOffset;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte c = source[i];
                if (c == 13 || c == 10 || c == 32 || c == 9)
                {
                    continue;   // RFC 2045 §6.8: line breaks are not data
                }

                if (_ended)
                {
                    return Fail();   // RFC 2045 §6.8: "=" means the end of the data has been reached
                }

                if (c == Pad)
                {
                    // RFC 4648 §4: one "=" after 3 characters, two after 2; never earlier.
                    if (_count < 2)
                    {
                        return Fail();
                    }

                    _padding++;
                    _count++;
                }
                else
                {
                    int v = Base64.ValueOf(c);
                    if (v < 0 || _padding > 0)
                    {
                        return Fail();
                    }

                    _bits = (_bits << 6) | v;
                    _count++;
                }

                if (_count == 4)
                {
                    o = Emit(destination, o);
                }
            }

            return o - destinationOffset;
        }

        /// <summary>
        /// Ends the text: true when it was valid and complete (no partial quantum left, as RFC 2045
        /// padding requires). Resets.
        /// </summary>
        public bool Finish()
        {
            bool ok = !_failed && _count == 0;
            Reset();
            return ok;
        }

        private int Emit(byte[] destination, int o)
        {
            if (_padding == 0)
            {
                destination[o++] = (byte)(_bits >> 16);
                destination[o++] = (byte)(_bits >> 8);
                destination[o++] = (byte)_bits;
            }
            else if (_padding == 1)
            {
                // 3 characters: 18 bits, of which the last 2 are padding bits.
                destination[o++] = (byte)(_bits >> 10);
                destination[o++] = (byte)(_bits >> 2);
                _ended = true;
            }
            else
            {
                // 2 characters: 12 bits, of which the last 4 are padding bits.
                destination[o++] = (byte)(_bits >> 4);
                _ended = true;
            }

            _bits = 0;
            _count = 0;
            _padding = 0;
            return o;
        }

        private int Fail()
        {
            _failed = true;
            return -1;
        }
    }
}

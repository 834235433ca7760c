namespace NanoRelay.Storage
{
    /// <summary>
    /// Rewrites line ends to CRLF as a message is stored (CRLF stays, a bare LF or a bare CR
    /// becomes CRLF: the same rule as <see cref="NanoRelay.Framing.DotStuffer"/>, without the
    /// stuffing) and ends the message with CRLF, so the stored octets are exactly what RETR
    /// sends before dot-stuffing (RFC 1939 §11: sizes count CRLF line ends). State carries across chunks.
    /// </summary>
    public sealed class CrlfNormaliser
    {
        private const byte Cr = 13;
        private const byte Lf = 10;

        private bool _pendingCr;
        private bool _atLineStart = true;
        private bool _empty = true;

        /// <summary>Output bytes that <paramref name="count"/> input bytes can take at most.</summary>
        public static int MaxOutput(int count)
        {
            return (2 * count) + 2;
        }

        public void Reset()
        {
            _pendingCr = false;
            _atLineStart = true;
            _empty = true;
        }

        /// <summary>Converts a chunk; returns the bytes written to <paramref name="destination"/>.</summary>
        public int Convert(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = source[i];
                _empty = false;
                if (_pendingCr)
                {
                    _pendingCr = false;
                    destination[o++] = Lf;
                    _atLineStart = true;
                    if (b == Lf)
                    {
                        continue;
                    }
                }

                if (b == Cr)
                {
                    destination[o++] = Cr;
                    _pendingCr = true;
                }
                else if (b == Lf)
                {
                    destination[o++] = Cr;
                    destination[o++] = Lf;
                    _atLineStart = true;
                }
                else
                {
                    destination[o++] = b;
                    _atLineStart = false;
                }
            }

            return o - destinationOffset;
        }

        /// <summary>Ends the message: completes a pending CR, adds the final CRLF a non-empty message lacks.</summary>
        public int Finish(byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            if (_pendingCr)
            {
                destination[o++] = Lf;
                _pendingCr = false;
                _atLineStart = true;
            }

            if (!_empty && !_atLineStart)
            {
                destination[o++] = Cr;
                destination[o++] = Lf;
                _atLineStart = true;
            }

            return o - destinationOffset;
        }
    }
}

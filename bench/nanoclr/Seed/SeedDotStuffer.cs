// The core's DotStuffer as it was when issue 15 measured it (git show 6fb4b6c^:firmware/NanoRelay.Core/.../DotStuffer.cs),
// frozen here as the benchmark's "today" baseline, measured in the same run as the current code. Only the
// namespace and the class name differ. Not used by the relay.
using NanoRelay;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.NanoBench.Seed
{
    /// <summary>
    /// Streams message bytes into their wire form for SMTP DATA (RFC 5321 §4.5.2) and POP3
    /// RETR/TOP (RFC 1939 §3): a line that starts with "." gets a second ".", and every line ends
    /// in CRLF (a bare LF becomes CRLF, a bare CR becomes CRLF: RFC 5321 §2.3.8 forbids sending
    /// either). State carries across chunks, so any split of the input gives the same output.
    /// <see cref="Finish"/> adds the CRLF a message may lack and the terminating ".\r\n".
    /// With stuffing off it is the line-end normaliser alone: the mailbox stores messages that way, so
    /// the stored octets are exactly what RETR stuffs (RFC 1939 §11: sizes count CRLF line ends), and
    /// <see cref="EndLastLine"/> ends them without the terminator.
    /// </summary>
    public sealed class SeedDotStuffer
    {
        private const byte Cr = 13;
        private const byte Lf = 10;
        private const byte Dot = (byte)'.';

        private readonly bool _stuffDots;
        private bool _atLineStart = true;
        private bool _pendingCr;   // a CR was written; its LF has not been seen yet

        /// <summary>A stuffer for SMTP DATA and POP3 RETR/TOP.</summary>
        public SeedDotStuffer()
            : this(true)
        {
        }

        /// <summary>With <paramref name="stuffDots"/> false, only line ends are normalised (no dot is doubled).</summary>
        public SeedDotStuffer(bool stuffDots)
        {
            _stuffDots = stuffDots;
        }

        /// <summary>True when the next byte starts a line.</summary>
        public bool AtLineStart { get { return _atLineStart && !_pendingCr; } }

        /// <summary>Output bytes that <paramref name="count"/> input bytes can take at most.</summary>
        public static int MaxOutput(int count)
        {
            return (2 * count) + 1;
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            _atLineStart = true;
            _pendingCr = false;
        }

        /// <summary>
        /// The no-copy fast path: when the chunk needs no change (no line starting with a dot, no
        /// bare CR or LF), records it as sent and returns true; the caller writes the input as it
        /// is. Otherwise returns false and changes nothing; use <see cref="Stuff"/>.
        /// </summary>
        public bool TryPassThrough(byte[] source, int offset, int count)
        {
            if (_pendingCr || count == 0)
            {
                return count == 0;
            }

            bool lineStart = _atLineStart;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = source[i];
                if (_stuffDots && lineStart && b == Dot)
                {
                    return false;
                }

                if (b == Cr)
                {
                    if (i + 1 >= end || source[i + 1] != Lf)
                    {
                        return false;
                    }

                    i++;
                    lineStart = true;
                    continue;
                }

                if (b == Lf)
                {
                    return false;
                }

                lineStart = false;
            }

            _atLineStart = lineStart;
            return true;
        }

        /// <summary>
        /// Stuffs <paramref name="count"/> bytes into <paramref name="destination"/>, which must have
        /// room for <see cref="MaxOutput"/>(count) bytes. Returns the bytes written.
        /// </summary>
        public int Stuff(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = source[i];
                if (_pendingCr)
                {
                    _pendingCr = false;
                    destination[o++] = Lf;
                    _atLineStart = true;
                    if (b == Lf)
                    {
                        continue;   // the CRLF is complete
                    }
                }

                if (b == Cr)
                {
                    destination[o++] = Cr;
                    _pendingCr = true;
                    continue;
                }

                if (b == Lf)
                {
                    destination[o++] = Cr;    // a bare LF: complete it to CRLF
                    destination[o++] = Lf;
                    _atLineStart = true;
                    continue;
                }

                if (_stuffDots && _atLineStart && b == Dot)
                {
                    destination[o++] = Dot;   // RFC 5321 §4.5.2: double the leading dot
                }

                destination[o++] = b;
                _atLineStart = false;
            }

            return o - destinationOffset;
        }

        /// <summary>
        /// Ends the message: completes a pending CR, adds CRLF when the last line lacks one, then
        /// ".\r\n". Writes at most 5 bytes; returns the count. The stuffer is then reset.
        /// </summary>
        public int Finish(byte[] destination, int destinationOffset)
        {
            int o = destinationOffset + EndLastLine(destination, destinationOffset);
            destination[o++] = Dot;
            destination[o++] = Cr;
            destination[o++] = Lf;
            return o - destinationOffset;
        }

        /// <summary>
        /// Ends the text without a terminator: completes a pending CR, adds CRLF when the last line
        /// lacks one (an empty text stays empty). Writes at most 2 bytes; returns the count. Resets.
        /// </summary>
        public int EndLastLine(byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            if (_pendingCr)
            {
                destination[o++] = Lf;
            }
            else if (!_atLineStart)
            {
                destination[o++] = Cr;
                destination[o++] = Lf;
            }

            Reset();
            return o - destinationOffset;
        }
    }
}

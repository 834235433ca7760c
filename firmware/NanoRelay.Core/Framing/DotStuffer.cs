using System;

namespace NanoRelay.Framing
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
    public sealed class DotStuffer
    {
        private const byte Cr = 13;
        private const byte Lf = 10;
        private const byte Dot = (byte)'.';

        private readonly bool _stuffDots;
        private bool _atLineStart = true;
        private bool _pendingCr;   // a CR was written; its LF has not been seen yet

        /// <summary>A stuffer for SMTP DATA and POP3 RETR/TOP.</summary>
        public DotStuffer()
            : this(true)
        {
        }

        /// <summary>With <paramref name="stuffDots"/> false, only line ends are normalised (no dot is doubled).</summary>
        public DotStuffer(bool stuffDots)
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

            // Native scans (ByteScan), not a loop over every byte: each LF must follow a CR and be followed by
            // no dot, and each CR must be followed by an LF.
            int end = offset + count;
            bool stuffDots = _stuffDots;
            if (stuffDots && _atLineStart && source[offset] == Dot)
            {
                return false;
            }

            int at = offset;
            int lf = -1;
            while (at < end && (lf = Array.IndexOf(source, ByteScan.Lf, at, end - at)) >= 0)
            {
                if (lf == offset || source[lf - 1] != Cr || (stuffDots && lf + 1 < end && source[lf + 1] == Dot))
                {
                    return false;
                }

                at = lf + 1;
            }

            at = offset;
            int cr;
            while (at < end && (cr = Array.IndexOf(source, ByteScan.Cr, at, end - at)) >= 0)
            {
                if (cr + 1 >= end || source[cr + 1] != Lf)
                {
                    return false;
                }

                at = cr + 2;
            }

            _atLineStart = source[end - 1] == Lf;
            return true;
        }

        /// <summary>
        /// Stuffs <paramref name="count"/> bytes into <paramref name="destination"/>, which must have
        /// room for <see cref="MaxOutput"/>(count) bytes. Returns the bytes written.
        /// </summary>
        public int Stuff(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            // Usual lines (text, then CRLF, no leading dot to double) stay where they are and go out in one
            // Array.Copy with the usual lines around them, [copyFrom, i); only line ends and leading dots that need
            // a change are written one by one. nextCr/nextLf cache the scans: -1 means none left in the chunk.
            int o = destinationOffset;
            int end = offset + count;
            int i = offset;
            int copyFrom = offset;
            int nextCr = -2;
            int nextLf = -2;
            bool stuffDots = _stuffDots;
            while (i < end)
            {
                if (nextCr != -1 && nextCr < i)
                {
                    nextCr = Array.IndexOf(source, ByteScan.Cr, i, end - i);
                }

                if (nextLf != -1 && nextLf < i)
                {
                    nextLf = Array.IndexOf(source, ByteScan.Lf, i, end - i);
                }

                bool dotToDouble = stuffDots && _atLineStart && source[i] == Dot;
                if (!_pendingCr && !dotToDouble && nextCr >= 0 && nextLf == nextCr + 1)
                {
                    i = nextLf + 1;          // a usual line: its octets go out as they are
                    _atLineStart = true;
                    continue;
                }

                if (i > copyFrom)
                {
                    Array.Copy(source, copyFrom, destination, o, i - copyFrom);
                    o += i - copyFrom;
                }

                if (_pendingCr)
                {
                    _pendingCr = false;
                    destination[o++] = Lf;
                    _atLineStart = true;
                    if (source[i] == Lf)
                    {
                        i++;   // the CRLF is complete
                        copyFrom = i;
                        continue;
                    }

                    dotToDouble = stuffDots && source[i] == Dot;
                }

                if (dotToDouble)
                {
                    destination[o++] = Dot;   // RFC 5321 §4.5.2: double the leading dot
                }

                int stop = end;
                if (nextCr >= 0 && nextCr < stop)
                {
                    stop = nextCr;
                }

                if (nextLf >= 0 && nextLf < stop)
                {
                    stop = nextLf;
                }

                if (stop > i)
                {
                    Array.Copy(source, i, destination, o, stop - i);
                    o += stop - i;
                    i = stop;
                    _atLineStart = false;
                }

                if (i < end)
                {
                    destination[o++] = Cr;
                    if (source[i++] == Cr)
                    {
                        _pendingCr = true;         // its LF, or a CRLF for a bare CR, comes with the next byte
                    }
                    else
                    {
                        destination[o++] = Lf;     // a bare LF: complete it to CRLF
                        _atLineStart = true;
                    }
                }

                copyFrom = i;
            }

            if (i > copyFrom)
            {
                Array.Copy(source, copyFrom, destination, o, i - copyFrom);
                o += i - copyFrom;
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

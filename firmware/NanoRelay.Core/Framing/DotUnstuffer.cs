namespace NanoRelay.Framing
{
    /// <summary>
    /// Turns the wire bytes after a 354 (SMTP DATA, RFC 5321 §4.5.2) or after the +OK of RETR/TOP
    /// (RFC 1939 §3) back into message bytes: one leading dot is removed from each line, and the
    /// data ends at CRLF "." CRLF, or at "." CRLF as the very first line (an empty message,
    /// RFC 5321 §4.1.1.4). The CRLF before the dot belongs to the message. Only CRLF counts as a
    /// line end: "\n.\n", "\r.\r", "\r\n.\r\r\n" and the like never end the data (SMTP smuggling,
    /// CVE-2023-51764); bare CR, bare LF and NUL pass through and are reported in <see cref="Flags"/>
    /// so the session can reject or normalise. State carries across chunks, so any split of the
    /// wire bytes gives the same message.
    /// </summary>
    public sealed class DotUnstuffer
    {
        private const byte Cr = 13;
        private const byte Lf = 10;
        private const byte Dot = (byte)'.';

        // Where the scanner stands: at a line start, after a held leading dot, after a held
        // leading dot and CR, inside a line, inside a line after a CR, or past the terminator.
        private const int LineStart = 0;
        private const int AfterDot = 1;
        private const int AfterDotCr = 2;
        private const int InLine = 3;
        private const int InLineCr = 4;
        private const int Done = 5;

        private int _state = LineStart;
        private int _consumed;
        private LineFlags _flags;

        /// <summary>True once the terminator was read; later input belongs to the next command or reply.</summary>
        public bool IsComplete { get { return _state == Done; } }

        /// <summary>Input bytes the last <see cref="Unstuff"/> call used: less than its count only when the terminator ended the data inside the chunk.</summary>
        public int Consumed { get { return _consumed; } }

        /// <summary>Bare CR, bare LF or NUL seen in the message so far (none of them ends a line).</summary>
        public LineFlags Flags { get { return _flags; } }

        /// <summary>The most bytes one Unstuff call of <paramref name="count"/> input bytes writes (a CR held from the previous chunk is one more).</summary>
        public static int MaxOutput(int count)
        {
            return count + 1;
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            _state = LineStart;
            _consumed = 0;
            _flags = LineFlags.None;
        }

        /// <summary>
        /// Unstuffs up to <paramref name="count"/> wire bytes into <paramref name="destination"/>
        /// (room for <see cref="MaxOutput"/>(count) bytes; not the same array region as the source).
        /// Returns the message bytes written; <see cref="Consumed"/> tells how much input was used.
        /// </summary>
        public int Unstuff(byte[] source, int offset, int count, byte[] destination, int destinationOffset)
        {
            int o = destinationOffset;
            int i = offset;
            int end = offset + count;
            while (i < end && _state != Done)
            {
                byte b = source[i];
                switch (_state)
                {
                    case LineStart:
                        if (b == Dot)
                        {
                            // RFC 5321 §4.5.2: a leading dot is either the end or a stuffed dot; hold it.
                            _state = AfterDot;
                            i++;
                            continue;
                        }

                        break;

                    case AfterDot:
                        if (b == Cr)
                        {
                            _state = AfterDotCr;
                            i++;
                            continue;
                        }

                        // RFC 5321 §4.5.2: "the first character is deleted"; the byte is line content.
                        _state = InLine;
                        break;

                    case AfterDotCr:
                        if (b == Lf)
                        {
                            // RFC 5321 §4.1.1.4: CRLF "." CRLF, the end of mail data.
                            _state = Done;
                            i++;
                            continue;
                        }

                        // ".\r" then not LF: the dot was stuffing, the CR a bare CR inside the line.
                        destination[o++] = Cr;
                        _flags |= LineFlags.BareCr;
                        _state = InLine;
                        break;

                    case InLineCr:
                        if (b == Lf)
                        {
                            destination[o++] = Lf;
                            _state = LineStart;
                            i++;
                            continue;
                        }

                        _flags |= LineFlags.BareCr;   // RFC 5321 §2.3.8: not a line end
                        _state = InLine;
                        break;
                }

                // Line content (the state is LineStart or InLine here).
                destination[o++] = b;
                i++;
                if (b == Cr)
                {
                    _state = InLineCr;
                }
                else
                {
                    _state = InLine;
                    if (b == Lf)
                    {
                        _flags |= LineFlags.BareLf;   // RFC 5321 §2.3.8: not a line end
                    }
                    else if (b == 0)
                    {
                        _flags |= LineFlags.Nul;
                    }
                }
            }

            _consumed = i - offset;
            return o - destinationOffset;
        }
    }
}

using System;
using NanoRelay.Ports;

namespace NanoRelay.Framing
{
    /// <summary>
    /// Frames lines inside one fixed buffer and never allocates after construction.
    /// Bytes go in by <see cref="Feed"/> or straight into <see cref="Buffer"/> at
    /// <see cref="FreeOffset"/> followed by <see cref="Commit"/>. <see cref="TryTakeLine"/>
    /// hands out a view (Buffer, LineOffset, LineLength; the line end excluded) that stays valid
    /// until the next call to TryTakeLine, Feed or Commit.
    /// In strict mode (SMTP, RFC 5321 §2.3.8) only CRLF ends a line: a bare CR or LF stays in the
    /// line and is reported in <see cref="Flags"/>; "\r\r\n" ends a line whose last octet is a bare CR.
    /// In lenient mode (a POP3 server's commands) a bare LF ends a line too.
    /// A line longer than <see cref="MaxLine"/> (which counts the line end) is reported once as
    /// TooLong and discarded up to its end; no part of it ever comes out as a line.
    /// </summary>
    public sealed class LineFramer
    {
        private const byte Cr = 13;
        private const byte Lf = 10;

        private readonly byte[] _buffer;
        private bool _bareLfEndsLine;
        private int _maxLine;
        private int _start;        // first byte of the line being framed
        private int _scan;         // next byte to examine
        private int _end;          // end of the buffered bytes
        private bool _prevCr;      // while discarding: the last byte dropped was a CR
        private bool _discarding;  // inside an over-long line, dropping bytes up to its end
        private LineFlags _flags;
        private int _lineOffset;
        private int _lineLength;
        private LineFlags _lineFlags;
        private int _nulAt;        // no NUL lies in the searched bytes before _nulAt; _nulFound: a NUL is at _nulAt
        private bool _nulFound;

        /// <summary>A framer with a buffer of <paramref name="capacity"/> bytes and a line limit of <paramref name="maxLine"/> (line end included).</summary>
        public LineFramer(int capacity, int maxLine, bool bareLfEndsLine)
        {
            if (maxLine < 2 || maxLine > capacity)
            {
                throw new ArgumentOutOfRangeException("maxLine");
            }

            _buffer = new byte[capacity];
            _maxLine = maxLine;
            _bareLfEndsLine = bareLfEndsLine;
        }

        /// <summary>SMTP server: commands of 512 octets (RFC 5321 §4.5.3.1.4); room for 1000-octet text lines during DATA.</summary>
        public static LineFramer ForSmtpServer()
        {
            return new LineFramer(Limits.SmtpTextLine + 1, Limits.SmtpCommandLine, false);
        }

        /// <summary>SMTP client: reply lines of 512 octets (RFC 5321 §4.5.3.1.5), CRLF only.</summary>
        public static LineFramer ForSmtpReplies()
        {
            return new LineFramer(Limits.SmtpReplyLine, Limits.SmtpReplyLine, false);
        }

        /// <summary>SMTP text lines of 1000 octets (RFC 5321 §4.5.3.1.6), CRLF only; one more for a stuffed dot.</summary>
        public static LineFramer ForSmtpText()
        {
            return new LineFramer(Limits.SmtpTextLine + 1, Limits.SmtpTextLine + 1, false);
        }

        /// <summary>POP3 server: commands of 255 octets (RFC 2449 §4); a bare LF from a client ends a line.</summary>
        public static LineFramer ForPop3Server()
        {
            return new LineFramer(Limits.Pop3CommandLine, Limits.Pop3CommandLine, true);
        }

        /// <summary>POP3 client: responses of 512 octets (RFC 2449 §4), CRLF only.</summary>
        public static LineFramer ForPop3Replies()
        {
            return new LineFramer(Limits.Pop3ResponseLine, Limits.Pop3ResponseLine, false);
        }

        /// <summary>The framer's buffer: line views point into it, and reads may fill it at FreeOffset.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Where fresh bytes go.</summary>
        public int FreeOffset { get { return _end; } }

        /// <summary>How many fresh bytes fit.</summary>
        public int FreeCount { get { return _buffer.Length - _end; } }

        /// <summary>Bytes received but not yet framed into a returned line (pipelined or injected input).</summary>
        public int Buffered { get { return _end - _start; } }

        /// <summary>The line limit including its line end; at most the buffer's capacity.</summary>
        public int MaxLine
        {
            get { return _maxLine; }
            set
            {
                if (value < 2 || value > _buffer.Length)
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _maxLine = value;
            }
        }

        /// <summary>
        /// Whether a bare LF ends a line (lenient mode). May change between lines: the SMTP server
        /// turns it on during DATA while a message has used bare LF line ends only.
        /// </summary>
        public bool BareLfEndsLine
        {
            get { return _bareLfEndsLine; }
            set { _bareLfEndsLine = value; }
        }

        /// <summary>
        /// The last line returned ended with a bare LF, not CRLF (lenient mode only). Read it before the next
        /// TryTakeLine, TakeRaw, Feed or DiscardBuffered: it is worked out from where the next line starts.
        /// </summary>
        public bool LineEndedByBareLf { get { return _start == _lineOffset + _lineLength + 1; } }

        /// <summary>Start of the last line returned.</summary>
        public int LineOffset { get { return _lineOffset; } }

        /// <summary>Length of the last line returned, without its line end.</summary>
        public int LineLength { get { return _lineLength; } }

        /// <summary>Violations inside the last line returned.</summary>
        public LineFlags Flags { get { return _lineFlags; } }

        /// <summary>Records that <paramref name="count"/> bytes were written into Buffer at FreeOffset.</summary>
        public void Commit(int count)
        {
            if (count < 0 || count > FreeCount)
            {
                throw new ArgumentOutOfRangeException("count");
            }

            _end += count;
        }

        /// <summary>
        /// Reads what <paramref name="connection"/> has into the free space, waiting at most <paramref name="waitMilliseconds"/>:
        /// the bytes taken, ConnectionRead.TimedOut, or ConnectionRead.Closed when the peer has left.
        /// </summary>
        public int ReadFrom(IConnection connection, long waitMilliseconds)
        {
            int n = connection.Read(_buffer, _end, _buffer.Length - _end, waitMilliseconds > int.MaxValue ? int.MaxValue : (int)waitMilliseconds);
            if (n > 0)
            {
                _end += n;
            }

            return n;
        }

        /// <summary>Copies as many bytes as fit; returns how many were taken.</summary>
        public int Feed(byte[] source, int offset, int count)
        {
            if (_start > 0)
            {
                Compact();
            }

            int n = count < FreeCount ? count : FreeCount;
            Array.Copy(source, offset, _buffer, _end, n);
            _end += n;
            return n;
        }

        /// <summary>Drops every buffered byte (STARTTLS/STLS: nothing sent before the handshake may count after it).</summary>
        public void DiscardBuffered()
        {
            _start = 0;
            _scan = 0;
            _end = 0;
            _prevCr = false;
            _discarding = false;
            _flags = LineFlags.None;
            ForgetNulSearch();
        }

        /// <summary>
        /// Takes up to <paramref name="max"/> buffered octets after the last line exactly as they
        /// came (an IMAP literal, RFC 9051 §4.3: octets, not lines): Buffer[offset, offset + n).
        /// Returns n, 0 when nothing is buffered (then read more at FreeOffset). Not while
        /// discarding an over-long line.
        /// </summary>
        public int TakeRaw(int max, out int offset)
        {
            if (_start == _end)
            {
                _start = 0;
                _scan = 0;
                _end = 0;
                ForgetNulSearch();
            }

            offset = _start;
            int n = _end - _start;
            n = n < max ? n : max;
            _start += n;
            _scan = _start;            // what follows is framed afresh
            _flags = LineFlags.None;
            return n;
        }

        /// <summary>Takes the next line if one is complete. See the class summary for the rules.</summary>
        public FrameResult TryTakeLine()
        {
            // The bytes are searched with Array.IndexOf (native on the device, called directly), never one by one in IL:
            // a line costs two scans (LF, then CR inside the line) and a few comparisons, whatever its length. NUL is
            // searched once over all the buffered bytes, not per line: it is rare, and each call has a fixed cost of
            // about 0.2 us on the nanoCLR (docs/nanoframework.md §5.7).
            if (_discarding && !DiscardToLineEnd())
            {
                Compact();
                return FrameResult.NeedMore;
            }

            // The limit counts the line end: the LF must come within MaxLine octets of the line's start.
            byte[] buffer = _buffer;
            int start = _start;
            int limit = start + _maxLine;
            int window = _end < limit ? _end : limit;
            int scan = _scan;
            int contentEnd = -1;
            while (scan < window)
            {
                int lf = Array.IndexOf(buffer, ByteScan.Lf, scan, window - scan);
                if (lf < 0)
                {
                    scan = window;
                    break;
                }

                scan = lf + 1;
                if (lf > start && buffer[lf - 1] == Cr)
                {
                    contentEnd = lf - 1;
                    break;
                }

                if (_bareLfEndsLine)
                {
                    contentEnd = lf;
                    break;
                }

                _flags |= LineFlags.BareLf;   // RFC 5321 §2.3.8: not a line end; it stays in the line
            }

            _scan = scan;
            if (contentEnd >= 0)
            {
                // A line. Inside it every CR is bare (a CRLF would have ended it) and a NUL is never valid.
                int length = contentEnd - start;
                LineFlags flags = _flags;
                if (length > 0)
                {
                    if (Array.IndexOf(buffer, ByteScan.Cr, start, length) >= 0)
                    {
                        flags |= LineFlags.BareCr;
                    }

                    if (_nulAt < contentEnd && HasNul(start, contentEnd))
                    {
                        flags |= LineFlags.Nul;
                    }
                }

                _lineOffset = start;
                _lineLength = length;
                _lineFlags = flags;
                _flags = LineFlags.None;
                _start = scan;
                return FrameResult.Line;
            }

            if (scan >= limit)
            {
                // No line end within the limit: over-long. Report it once and drop it up to its end.
                _discarding = true;
                _prevCr = buffer[scan - 1] == Cr;
                _start = scan;
                return FrameResult.TooLong;
            }

            Compact();
            return FrameResult.NeedMore;
        }

        // Drops the over-long line's bytes up to and including its line end; false when more bytes are needed.
        private bool DiscardToLineEnd()
        {
            while (_scan < _end)
            {
                int lf = Array.IndexOf(_buffer, ByteScan.Lf, _scan, _end - _scan);
                if (lf < 0)
                {
                    _prevCr = _buffer[_end - 1] == Cr;
                    break;
                }

                bool crBefore = lf > _scan ? _buffer[lf - 1] == Cr : _prevCr;
                _scan = lf + 1;
                _start = _scan;
                _prevCr = false;
                if (crBefore || _bareLfEndsLine)
                {
                    _discarding = false;
                    _flags = LineFlags.None;
                    return true;
                }
            }

            _scan = _end;
            _start = _end;
            return false;
        }

        // Whether a NUL lies in [from, to), when the last search does not rule it out (_nulAt < to): answered from
        // that search while it covers the range, else by one search over everything buffered from there on.
        private bool HasNul(int from, int to)
        {
            if (_nulFound && _nulAt >= from)
            {
                return true;
            }

            // A NUL found before this line tells nothing past it; a search that stopped before it, nothing here.
            int start = _nulAt > from ? _nulAt : from;
            int nul = Array.IndexOf(_buffer, ByteScan.Nul, start, _end - start);
            _nulFound = nul >= 0;
            _nulAt = _nulFound ? nul : _end;
            return _nulFound && nul < to;
        }

        private void ForgetNulSearch()
        {
            _nulAt = 0;
            _nulFound = false;
        }

        private void Compact()
        {
            if (_start == 0)
            {
                return;
            }

            int pending = _end - _start;
            if (pending > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, pending);
            }

            _scan -= _start;
            if (_nulAt < _start)
            {
                ForgetNulSearch();   // a NUL of an earlier line, or a search that ended before the kept bytes
            }
            else
            {
                _nulAt -= _start;
            }

            _end = pending;
            _start = 0;
        }
    }
}

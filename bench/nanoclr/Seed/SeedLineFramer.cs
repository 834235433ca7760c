// The core's LineFramer as it was when issue 15 measured it (git show 6fb4b6c^:firmware/NanoRelay.Core/.../LineFramer.cs),
// frozen here as the benchmark's "today" baseline, measured in the same run as the current code. Only the
// namespace and the class name differ. Not used by the relay.
using System;
using NanoRelay;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.NanoBench.Seed
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
    public sealed class SeedLineFramer
    {
        private const byte Cr = 13;
        private const byte Lf = 10;

        private readonly byte[] _buffer;
        private readonly bool _bareLfEndsLine;
        private int _maxLine;
        private int _start;        // first byte of the line being framed
        private int _scan;         // next byte to examine
        private int _end;          // end of the buffered bytes
        private bool _prevCr;      // the byte before _scan was a CR not yet classified
        private bool _discarding;  // inside an over-long line, dropping bytes up to its end
        private LineFlags _flags;
        private int _lineOffset;
        private int _lineLength;
        private LineFlags _lineFlags;

        /// <summary>A framer with a buffer of <paramref name="capacity"/> bytes and a line limit of <paramref name="maxLine"/> (line end included).</summary>
        public SeedLineFramer(int capacity, int maxLine, bool bareLfEndsLine)
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
        public static SeedLineFramer ForSmtpServer()
        {
            return new SeedLineFramer(Limits.SmtpTextLine + 1, Limits.SmtpCommandLine, false);
        }

        /// <summary>SMTP client: reply lines of 512 octets (RFC 5321 §4.5.3.1.5), CRLF only.</summary>
        public static SeedLineFramer ForSmtpReplies()
        {
            return new SeedLineFramer(Limits.SmtpReplyLine, Limits.SmtpReplyLine, false);
        }

        /// <summary>SMTP text lines of 1000 octets (RFC 5321 §4.5.3.1.6), CRLF only; one more for a stuffed dot.</summary>
        public static SeedLineFramer ForSmtpText()
        {
            return new SeedLineFramer(Limits.SmtpTextLine + 1, Limits.SmtpTextLine + 1, false);
        }

        /// <summary>POP3 server: commands of 255 octets (RFC 2449 §4); a bare LF from a client ends a line.</summary>
        public static SeedLineFramer ForPop3Server()
        {
            return new SeedLineFramer(Limits.Pop3CommandLine, Limits.Pop3CommandLine, true);
        }

        /// <summary>POP3 client: responses of 512 octets (RFC 2449 §4), CRLF only.</summary>
        public static SeedLineFramer ForPop3Replies()
        {
            return new SeedLineFramer(Limits.Pop3ResponseLine, Limits.Pop3ResponseLine, false);
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
        }

        /// <summary>Takes the next line if one is complete. See the class summary for the rules.</summary>
        public FrameResult TryTakeLine()
        {
            while (_scan < _end)
            {
                byte b = _buffer[_scan++];
                if (_discarding)
                {
                    _start = _scan;
                    if (b == Lf && (_prevCr || _bareLfEndsLine))
                    {
                        _discarding = false;
                        _prevCr = false;
                        _flags = LineFlags.None;
                        continue;
                    }

                    _prevCr = b == Cr;
                    continue;
                }

                if (b == Lf)
                {
                    if (_prevCr)
                    {
                        return TakeLine(_scan - 2);
                    }

                    if (_bareLfEndsLine)
                    {
                        return TakeLine(_scan - 1);
                    }

                    _flags |= LineFlags.BareLf;
                }
                else
                {
                    if (_prevCr)
                    {
                        _flags |= LineFlags.BareCr;
                    }

                    if (b == 0)
                    {
                        _flags |= LineFlags.Nul;
                    }
                }

                _prevCr = b == Cr;
                if (_scan - _start >= _maxLine)
                {
                    // The limit counts the line end, which is not here yet: over the limit.
                    _discarding = true;
                    _start = _scan;
                    return FrameResult.TooLong;
                }
            }

            if (_discarding)
            {
                _start = _end;
            }

            Compact();
            return FrameResult.NeedMore;
        }

        private FrameResult TakeLine(int contentEnd)
        {
            _lineOffset = _start;
            _lineLength = contentEnd - _start;
            _lineFlags = _flags;
            _flags = LineFlags.None;
            _prevCr = false;
            _start = _scan;
            return FrameResult.Line;
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
            _end = pending;
            _start = 0;
        }
    }
}

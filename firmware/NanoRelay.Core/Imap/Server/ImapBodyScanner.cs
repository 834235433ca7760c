using System;
using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// Reads a message once, line by line through fixed buffers, and finds its MIME structure
    /// (RFC 2045 §5, RFC 2046 §5.1 boundaries, §5.2.1 message/rfc822) and the header values
    /// ENVELOPE and BODYSTRUCTURE (RFC 9051 §7.5.2) and the section specifiers (§6.4.5) need.
    /// Lines longer than <see cref="Limits.ImapScanLine"/> are looked at by their start only;
    /// more than <see cref="Limits.ImapMimeParts"/> parts or <see cref="Limits.ImapMimeDepth"/>
    /// levels are left inside their parent's body.
    /// </summary>
    public sealed class ImapBodyScanner
    {
        private static readonly byte[][] s_fields = new byte[][]
        {
            Ascii.Bytes("CONTENT-TYPE"), Ascii.Bytes("CONTENT-TRANSFER-ENCODING"), Ascii.Bytes("CONTENT-ID"),
            Ascii.Bytes("CONTENT-DESCRIPTION"), Ascii.Bytes("CONTENT-DISPOSITION"), Ascii.Bytes("DATE"),
            Ascii.Bytes("SUBJECT"), Ascii.Bytes("FROM"), Ascii.Bytes("SENDER"), Ascii.Bytes("REPLY-TO"),
            Ascii.Bytes("TO"), Ascii.Bytes("CC"), Ascii.Bytes("BCC"), Ascii.Bytes("IN-REPLY-TO"), Ascii.Bytes("MESSAGE-ID"),
        };

        private static readonly byte[] s_multipart = Ascii.Bytes("MULTIPART");
        private static readonly byte[] s_message = Ascii.Bytes("MESSAGE");
        private static readonly byte[] s_rfc822 = Ascii.Bytes("RFC822");
        private static readonly byte[] s_digest = Ascii.Bytes("DIGEST");
        private static readonly byte[] s_boundary = Ascii.Bytes("BOUNDARY");

        private readonly ImapBodyPart[] _parts = new ImapBodyPart[Limits.ImapMimeParts];
        private readonly byte[] _arena = new byte[Limits.ImapScanArena];
        private readonly byte[] _line = new byte[Limits.ImapScanLine];
        private readonly byte[] _chunk = new byte[Limits.ImapTransferChunk];
        private int _count;
        private int _arenaLength;
        private int _cur;
        private int _collecting;
        private long _lineIndex;

        public ImapBodyScanner()
        {
            for (int i = 0; i < _parts.Length; i++)
            {
                _parts[i] = new ImapBodyPart();
            }
        }

        public int Count { get { return _count; } }

        public byte[] Arena { get { return _arena; } }

        public ImapBodyPart Part(int index)
        {
            return _parts[index];
        }

        /// <summary>Scans the message; with <paramref name="headerOnly"/> it stops after the top-level header.</summary>
        public void Scan(IFileReader reader, long size, bool headerOnly)
        {
            _count = 1;
            _arenaLength = 0;
            _cur = 0;
            _collecting = -1;
            _lineIndex = 0;
            _parts[0].Reset(-1, 0, 0, false);
            long pos = 0;
            long lineStart = 0;
            int lineLength = 0;
            bool done = false;
            while (!done)
            {
                int n = reader.Read(_chunk, 0, _chunk.Length);
                if (n <= 0)
                {
                    break;
                }

                int i = 0;
                while (i < n && !done)
                {
                    int lf = Array.IndexOf(_chunk, ByteScan.Lf, i, n - i);
                    int end = lf < 0 ? n : lf + 1;
                    int take = end - i;
                    int room = _line.Length - lineLength;
                    System.Array.Copy(_chunk, i, _line, lineLength, take < room ? take : room);
                    lineLength += take < room ? take : room;
                    pos += take;
                    i = end;
                    if (lf >= 0)
                    {
                        done = Line(lineStart, pos - lineStart, lineLength, headerOnly);
                        _lineIndex++;
                        lineStart = pos;
                        lineLength = 0;
                    }
                }
            }

            if (!done && lineLength > 0)
            {
                Line(lineStart, pos - lineStart, lineLength, headerOnly);
                _lineIndex++;
            }

            // The end of the message closes every entity still open.
            for (int e = _cur; e >= 0; e = _parts[e].Parent)
            {
                Close(_parts[e], size);
                _parts[e].EndLine = _lineIndex;
            }
        }

        /// <summary>Content-Type's type and subtype (RFC 2045 §5.1); false when absent or malformed.</summary>
        public bool MediaType(ImapBodyPart p, out int typeOffset, out int typeLength, out int subOffset, out int subLength)
        {
            typeOffset = 0;
            typeLength = 0;
            subOffset = 0;
            subLength = 0;
            if (p.Length[ImapBodyPart.ContentType] < 0)
            {
                return false;
            }

            int at = p.Offset[ImapBodyPart.ContentType];
            int end = at + p.Length[ImapBodyPart.ContentType];
            at = SkipSpace(at, end);
            typeOffset = at;
            while (at < end && IsTokenChar(_arena[at]))
            {
                at++;
            }

            typeLength = at - typeOffset;
            if (at >= end || _arena[at] != (byte)'/')
            {
                return false;
            }

            subOffset = ++at;
            while (at < end && IsTokenChar(_arena[at]))
            {
                at++;
            }

            subLength = at - subOffset;
            return typeLength > 0 && subLength > 0;
        }

        /// <summary>The value of parameter <paramref name="upperName"/> of a field (RFC 2045 §5.1 parameter; quotes removed).</summary>
        public bool Param(ImapBodyPart p, int field, byte[] upperName, out int offset, out int length)
        {
            offset = 0;
            length = 0;
            if (p.Length[field] < 0)
            {
                return false;
            }

            int at = p.Offset[field];
            int end = at + p.Length[field];
            while (at < end)
            {
                // the next ';' outside quotes
                bool quoted = false;
                while (at < end && (quoted || _arena[at] != (byte)';'))
                {
                    quoted ^= _arena[at] == (byte)'"';
                    at++;
                }

                if (at >= end)
                {
                    return false;
                }

                at = SkipSpace(at + 1, end);
                int name = at;
                while (at < end && IsTokenChar(_arena[at]))
                {
                    at++;
                }

                int nameLength = at - name;
                at = SkipSpace(at, end);
                if (at >= end || _arena[at] != (byte)'=')
                {
                    continue;
                }

                at = SkipSpace(at + 1, end);
                int value = at;
                if (at < end && _arena[at] == (byte)'"')
                {
                    value = ++at;
                    while (at < end && _arena[at] != (byte)'"')
                    {
                        at++;
                    }
                }
                else
                {
                    while (at < end && IsTokenChar(_arena[at]))
                    {
                        at++;
                    }
                }

                if (Ascii.EqualsIgnoreCase(_arena, name, nameLength, upperName))
                {
                    offset = value;
                    length = at - value;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first token of a field (Content-Disposition's type, Content-Transfer-Encoding).</summary>
        public bool FirstToken(ImapBodyPart p, int field, out int offset, out int length)
        {
            offset = 0;
            length = 0;
            if (p.Length[field] < 0)
            {
                return false;
            }

            int end = p.Offset[field] + p.Length[field];
            int at = SkipSpace(p.Offset[field], end);
            offset = at;
            while (at < end && IsTokenChar(_arena[at]))
            {
                at++;
            }

            length = at - offset;
            return length > 0;
        }

        // One line: lineStart is its offset, total its octets with the line end, kept those in _line.
        private bool Line(long lineStart, long total, int kept, bool headerOnly)
        {
            int length = kept;
            while (length > 0 && (_line[length - 1] == 10 || _line[length - 1] == 13))
            {
                length--;
            }

            ImapBodyPart p = _parts[_cur];
            if (!p.HeaderDone)
            {
                if (length == 0)
                {
                    return EndHeader(p, lineStart + total, headerOnly);
                }

                if (_line[0] == (byte)' ' || _line[0] == (byte)'\t')
                {
                    Collect(p, 0, length);   // RFC 5322 §2.2.3: unfolding
                    return false;
                }

                _collecting = -1;
                int colon = Ascii.IndexOf(_line, 0, length, (byte)':');
                if (colon <= 0)
                {
                    return false;
                }

                for (int f = 0; f < s_fields.Length; f++)
                {
                    if (Ascii.EqualsIgnoreCase(_line, 0, colon, s_fields[f]) && p.Length[f] < 0)
                    {
                        _collecting = f;
                        p.Offset[f] = _arenaLength;
                        p.Length[f] = 0;
                        Collect(p, colon + 1, length - colon - 1);
                        break;
                    }
                }

                return false;
            }

            if (length >= 2 && _line[0] == (byte)'-' && _line[1] == (byte)'-')
            {
                Boundary(lineStart, total, length);
            }

            return false;
        }

        private bool EndHeader(ImapBodyPart p, long bodyStart, bool headerOnly)
        {
            _collecting = -1;
            p.HeaderDone = true;
            p.BodyStart = bodyStart;
            p.BodyStartLine = _lineIndex + 1;
            int to;
            int tl;
            int so;
            int sl;
            bool typed = MediaType(p, out to, out tl, out so, out sl);
            if (typed)
            {
                p.Multipart = Ascii.EqualsIgnoreCase(_arena, to, tl, s_multipart);
                p.Message = Ascii.EqualsIgnoreCase(_arena, to, tl, s_message) && Ascii.EqualsIgnoreCase(_arena, so, sl, s_rfc822);
            }
            else
            {
                p.Message = p.DigestChild;
            }

            if (p.Multipart)
            {
                int bo;
                int bl;
                p.Multipart = Param(p, ImapBodyPart.ContentType, s_boundary, out bo, out bl) && bl > 0;
            }

            if (headerOnly && _cur == 0)
            {
                return true;
            }

            if (p.Message && _count < _parts.Length && p.Depth < Limits.ImapMimeDepth)
            {
                // RFC 2046 §5.2.1: the body is a whole message, header first.
                int c = _count++;
                _parts[c].Reset(_cur, p.Depth + 1, bodyStart, false);
                p.FirstChild = c;
                _cur = c;
            }
            else
            {
                p.Message = p.Message && false;
            }

            return false;
        }

        // RFC 2046 §5.1.1: "--" boundary [ "--" ] and transport padding; the CRLF before it belongs to it.
        private void Boundary(long lineStart, long total, int length)
        {
            for (int a = _cur; a >= 0; a = _parts[a].Parent)
            {
                ImapBodyPart m = _parts[a];
                int bo;
                int bl;
                if (!m.Multipart || !m.HeaderDone || !Param(m, ImapBodyPart.ContentType, s_boundary, out bo, out bl))
                {
                    continue;
                }

                if (length < 2 + bl || !SameBytes(_line, 2, _arena, bo, bl))
                {
                    continue;
                }

                int rest = 2 + bl;
                bool closing = length >= rest + 2 && _line[rest] == (byte)'-' && _line[rest + 1] == (byte)'-';
                int after = closing ? rest + 2 : rest;
                while (after < length && (_line[after] == (byte)' ' || _line[after] == (byte)'\t'))
                {
                    after++;
                }

                if (after != length)
                {
                    continue;
                }

                long end = lineStart >= 2 ? lineStart - 2 : 0;
                for (int e = _cur; e != a; e = _parts[e].Parent)
                {
                    Close(_parts[e], end);
                    _parts[e].EndLine = _lineIndex;
                }

                _cur = a;
                if (closing || _count >= _parts.Length || m.Depth >= Limits.ImapMimeDepth)
                {
                    return;
                }

                int so;
                int sl;
                int to;
                int tl;
                bool digest = MediaType(m, out to, out tl, out so, out sl) && Ascii.EqualsIgnoreCase(_arena, so, sl, s_digest);
                int c = _count++;
                _parts[c].Reset(a, m.Depth + 1, lineStart + total, digest);
                if (m.FirstChild < 0)
                {
                    m.FirstChild = c;
                }
                else
                {
                    int last = m.FirstChild;
                    while (_parts[last].NextSibling >= 0)
                    {
                        last = _parts[last].NextSibling;
                    }

                    _parts[last].NextSibling = c;
                }

                _cur = c;
                return;
            }
        }

        private static void Close(ImapBodyPart p, long end)
        {
            if (p.End >= 0)
            {
                return;
            }

            if (!p.HeaderDone)
            {
                p.HeaderDone = true;
                p.BodyStart = end;
                p.BodyStartLine = 0;
            }

            p.End = end < p.BodyStart ? p.BodyStart : end;
        }

        private void Collect(ImapBodyPart p, int offset, int count)
        {
            if (_collecting < 0)
            {
                return;
            }

            int room = Limits.ImapEnvelopeField - p.Length[_collecting];
            if (room > _arena.Length - _arenaLength)
            {
                room = _arena.Length - _arenaLength;
            }

            int n = count < room ? count : room;
            if (n <= 0)
            {
                return;
            }

            System.Array.Copy(_line, offset, _arena, _arenaLength, n);
            _arenaLength += n;
            p.Length[_collecting] += n;
        }

        private int SkipSpace(int at, int end)
        {
            while (at < end && (_arena[at] == (byte)' ' || _arena[at] == (byte)'\t'))
            {
                at++;
            }

            return at;
        }

        // RFC 2045 §5.1 token: CHAR except SPACE, CTLs and tspecials.
        private static bool IsTokenChar(byte c)
        {
            if (c <= 32 || c >= 127)
            {
                return false;
            }

            switch (c)
            {
                case (byte)'(':
                case (byte)')':
                case (byte)'<':
                case (byte)'>':
                case (byte)'@':
                case (byte)',':
                case (byte)';':
                case (byte)':':
                case (byte)'\\':
                case (byte)'"':
                case (byte)'/':
                case (byte)'[':
                case (byte)']':
                case (byte)'?':
                case (byte)'=':
                    return false;
                default:
                    return true;
            }
        }

        private static bool SameBytes(byte[] a, int ao, byte[] b, int bo, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[ao + i] != b[bo + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}

using NanoRelay.Framing;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// Reads the tokens of one command (RFC 9051 §9) from the session's command buffer, which
    /// holds the command exactly as it came: its lines with CRLF between them and every
    /// literal as "{n}" or "{n+}" (RFC 7888), CRLF, and its n octets. Every method returns
    /// false and consumes nothing useful on a syntax error: the caller answers BAD.
    /// </summary>
    public sealed class ImapParser
    {
        private byte[] _b;
        private int _pos;
        private int _end;

        public void Reset(byte[] buffer, int offset, int count)
        {
            _b = buffer;
            _pos = offset;
            _end = offset + count;
        }

        public byte[] Buffer { get { return _b; } }

        public int Position { get { return _pos; } set { _pos = value; } }

        public bool AtEnd { get { return _pos >= _end; } }

        /// <summary>The byte at the position, or -1 at the end.</summary>
        public int Peek()
        {
            return _pos < _end ? _b[_pos] : -1;
        }

        /// <summary>Takes one expected octet.</summary>
        public bool Take(byte c)
        {
            if (_pos < _end && _b[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        /// <summary>Takes one SP (RFC 9051 §9: exactly one between tokens).</summary>
        public bool Space()
        {
            return Take((byte)' ');
        }

        /// <summary>Takes a keyword case-insensitively if it follows, ending at a non-atom octet.</summary>
        public bool Keyword(byte[] upper)
        {
            if (_end - _pos < upper.Length || !Ascii.EqualsIgnoreCase(_b, _pos, upper.Length, upper))
            {
                return false;
            }

            int after = _pos + upper.Length;
            if (after < _end && IsAtomChar(_b[after]) && _b[after] != (byte)']' && _b[after] != (byte)'[' && _b[after] != (byte)'.' && _b[after] != (byte)'<')
            {
                return false;
            }

            _pos = after;
            return true;
        }

        /// <summary>RFC 9051 §9 atom (1*ATOM-CHAR); <paramref name="allowBracket"/> also takes "]" (ASTRING-CHAR).</summary>
        public bool Atom(bool allowBracket, out int offset, out int length)
        {
            offset = _pos;
            while (_pos < _end && (IsAtomChar(_b[_pos]) || (allowBracket && _b[_pos] == (byte)']')))
            {
                _pos++;
            }

            length = _pos - offset;
            return length > 0;
        }

        /// <summary>RFC 9051 §9 tag: 1*(ASTRING-CHAR except "+").</summary>
        public bool Tag(out int offset, out int length)
        {
            offset = _pos;
            while (_pos < _end && (IsAtomChar(_b[_pos]) || _b[_pos] == (byte)']') && _b[_pos] != (byte)'+')
            {
                _pos++;
            }

            length = _pos - offset;
            return length > 0;
        }

        /// <summary>
        /// RFC 9051 §9 astring: atom (with "]"), quoted or literal. A quoted string is unescaped in
        /// place (it only gets shorter); the result is buffer[offset, offset+length).
        /// </summary>
        public bool AString(out int offset, out int length)
        {
            int c = Peek();
            if (c == '"')
            {
                return Quoted(out offset, out length);
            }

            if (c == '{')
            {
                return Literal(out offset, out length);
            }

            return Atom(true, out offset, out length);
        }

        /// <summary>RFC 9051 §9 string: quoted or literal.</summary>
        public bool String(out int offset, out int length)
        {
            int c = Peek();
            if (c == '"')
            {
                return Quoted(out offset, out length);
            }

            if (c == '{')
            {
                return Literal(out offset, out length);
            }

            offset = _pos;
            length = 0;
            return false;
        }

        /// <summary>A quoted string: DQUOTE *(QUOTED-CHAR / "\" quoted-specials) DQUOTE.</summary>
        public bool Quoted(out int offset, out int length)
        {
            offset = _pos + 1;
            length = 0;
            if (!Take((byte)'"'))
            {
                return false;
            }

            int w = _pos;
            while (_pos < _end)
            {
                byte c = _b[_pos++];
                if (c == (byte)'"')
                {
                    length = w - offset;
                    return true;
                }

                if (c == (byte)'\\')
                {
                    if (_pos >= _end || (_b[_pos] != (byte)'"' && _b[_pos] != (byte)'\\'))
                    {
                        return false;
                    }

                    c = _b[_pos++];
                }
                else if (c == 13 || c == 10 || c == 0)
                {
                    return false;
                }

                _b[w++] = c;
            }

            return false;
        }

        /// <summary>"{n}" or "{n+}", CRLF, n octets, as the session put them in the buffer.</summary>
        public bool Literal(out int offset, out int length)
        {
            offset = _pos;
            length = 0;
            long n;
            if (!Take((byte)'{') || !Number(out n))
            {
                return false;
            }

            Take((byte)'+');
            if (!Take((byte)'}') || !Take(13) || !Take(10) || n > _end - _pos)
            {
                return false;
            }

            offset = _pos;
            length = (int)n;
            _pos += length;
            return true;
        }

        /// <summary>RFC 9051 §9 number: 1*DIGIT up to 2^32-1 (no sign).</summary>
        public bool Number(out long value)
        {
            value = 0;
            int start = _pos;
            while (_pos < _end && _b[_pos] >= (byte)'0' && _b[_pos] <= (byte)'9')
            {
                value = (value * 10) + (_b[_pos] - '0');
                if (value > 0xFFFFFFFFL)
                {
                    return false;
                }

                _pos++;
            }

            return _pos > start;
        }

        /// <summary>RFC 9051 §9 nz-number.</summary>
        public bool NzNumber(out long value)
        {
            return Number(out value) && value > 0;
        }

        /// <summary>
        /// RFC 9051 §9 sequence-set. Returns 1 when parsed, 0 on a syntax error, -1 when the set
        /// has more ranges than <see cref="Limits.ImapSequenceRanges"/> (BAD [LIMIT]).
        /// </summary>
        public int SequenceSet(ImapSequenceSet set)
        {
            set.Clear();
            while (true)
            {
                long a;
                long b;
                if (!SeqNumber(out a))
                {
                    return 0;
                }

                b = a;
                if (Take((byte)':') && !SeqNumber(out b))
                {
                    return 0;
                }

                if (!set.Add(a, b))
                {
                    return -1;
                }

                if (!Take((byte)','))
                {
                    return 1;
                }
            }
        }

        private bool SeqNumber(out long value)
        {
            if (Take((byte)'*'))
            {
                value = ImapSequenceSet.Star;
                return true;
            }

            return NzNumber(out value);
        }

        /// <summary>RFC 9051 §9 ATOM-CHAR: any CHAR except atom-specials ( ) { SP CTL % * " \ ].</summary>
        public static bool IsAtomChar(byte c)
        {
            if (c <= 32 || c >= 127)
            {
                return false;
            }

            switch (c)
            {
                case (byte)'(':
                case (byte)')':
                case (byte)'{':
                case (byte)'%':
                case (byte)'*':
                case (byte)'"':
                case (byte)'\\':
                case (byte)']':
                    return false;
                default:
                    return true;
            }
        }
    }
}

using NanoRelay.Framing;

namespace NanoRelay.Mime
{
    /// <summary>
    /// Writes header fields folded at 78 characters (RFC 5322 §2.1.1, §2.2.3): values go out as
    /// tokens, and a token that would pass column 78 starts a continuation line (CRLF SP). Non-ASCII
    /// text becomes RFC 2047 encoded-words of at most 75 characters, parameters RFC 2231
    /// continuations, so no line can reach 998 octets.
    /// </summary>
    public sealed class HeaderWriter
    {
        private const int EncodedWordMax = 75;            // RFC 2047 §2: "may not be more than 75 characters long"
        private const int ParameterChunk = 60;            // RFC 2231 §3: a continuation section, well under 78
        private static readonly byte[] s_colonSpace = Ascii.Bytes(": ");
        private static readonly byte[] s_fold = Ascii.Bytes("\r\n ");
        private static readonly byte[] s_crlf = Ascii.Bytes("\r\n");
        private static readonly byte[] s_qPrefix = Ascii.Bytes("=?utf-8?q?");
        private static readonly byte[] s_bPrefix = Ascii.Bytes("=?utf-8?b?");
        private static readonly byte[] s_bPrefixUpper = Ascii.Bytes("=?utf-8?B?");
        private static readonly byte[] s_ewEnd = Ascii.Bytes("?=");
        private static readonly byte[] s_hex = Ascii.Bytes("0123456789ABCDEF");
        private static readonly byte[] s_utf8Tick = Ascii.Bytes("utf-8''");

        private readonly MimeOutput _out;
        private readonly byte[] _token = new byte[Limits.HeaderTokenBuffer];
        private readonly bool _base64Words;
        private int _column;
        private bool _lineHasEncodedWord;

        public HeaderWriter(MimeOutput output)
        {
            _out = output;
        }

        /// <summary>
        /// With <paramref name="base64Words"/>, encoded-words are always "B" and spelled "=?utf-8?B?" as
        /// RFC 2047 §4.1 names the encoding (the alert digest's form); otherwise Q or B, whichever is shorter.
        /// </summary>
        public HeaderWriter(MimeOutput output, bool base64Words)
        {
            _out = output;
            _base64Words = base64Words;
        }

        /// <summary>Starts a field: "Name: ".</summary>
        public void Begin(string name)
        {
            WriteAscii(name);
            _out.Write(s_colonSpace);
            _column = name.Length + 2;
            _lineHasEncodedWord = false;
        }

        /// <summary>Ends the field with CRLF.</summary>
        public void End()
        {
            _out.Write(s_crlf);
            _column = 0;
        }

        /// <summary>A whole field of ASCII tokens separated by spaces (Message-ID, Date, MIME-Version, content types).</summary>
        public void Field(string name, string value)
        {
            Begin(name);
            Words(value, false);
            End();
        }

        /// <summary>
        /// Unstructured text (Subject, RFC 5322 §3.6.5): plain words when it is short printable ASCII,
        /// otherwise encoded-words (RFC 2047 §5(1)).
        /// </summary>
        public void Text(string value, bool first)
        {
            if (NeedsEncoding(value))
            {
                EncodedWords(value, !first);
            }
            else
            {
                Words(value, !first);
            }
        }

        /// <summary>An address list (RFC 5322 §3.4): "Name &lt;a@b&gt;" or "a@b" items, comma separated, folded between items.</summary>
        public void Addresses(string[] addresses)
        {
            for (int i = 0; i < addresses.Length; i++)
            {
                Address(addresses[i], i > 0, i < addresses.Length - 1);
            }
        }

        /// <summary>A parameter "; name=value" (RFC 2045 §5.1), RFC 2231 §3-4 encoded and continued when needed.</summary>
        public void Parameter(string name, string value)
        {
            if (Utf8.IsAscii(value) && value.Length <= ParameterChunk && IsQuotable(value))
            {
                Separator((byte)';');
                Raw(name + "=\"" + value + "\"", true);
                return;
            }

            // RFC 2231 §4: name*=utf-8''percent-encoded; §3: name*0*=, name*1*=, ... when long.
            byte[] bytes = Utf8.GetBytes(value);
            int i = 0;
            int section = 0;
            while (i < bytes.Length || section == 0)
            {
                int n = 0;
                string head = name + "*" + section.ToString() + "*=";
                n = Put(head, 0);
                if (section == 0)
                {
                    System.Array.Copy(s_utf8Tick, 0, _token, n, s_utf8Tick.Length);
                    n += s_utf8Tick.Length;
                }

                while (i < bytes.Length && n < ParameterChunk)
                {
                    byte b = bytes[i++];
                    if (IsAttributeChar(b))
                    {
                        _token[n++] = b;
                    }
                    else
                    {
                        _token[n++] = (byte)'%';
                        _token[n++] = s_hex[b >> 4];
                        _token[n++] = s_hex[b & 15];
                    }
                }

                Separator((byte)';');   // not through _token: it holds this section
                Token(_token, n, true);
                section++;
            }
        }

        /// <summary>Writes text as it is, as one token (ASCII the caller vouches for).</summary>
        public void Raw(string ascii, bool spaceBefore)
        {
            // A word of any length (a Message-ID may take most of a 998-octet line) goes out through the
            // small token buffer in pieces, after the fold is decided on its whole length.
            int n = Utf8.ByteCount(ascii);
            FoldBefore(n, spaceBefore, false);
            WriteAscii(ascii);
            _column += n;
        }

        private void Address(string address, bool spaceBefore, bool comma)
        {
            int lt = address.IndexOf('<');
            if (lt > 0 && address[address.Length - 1] == '>')
            {
                string name = address.Substring(0, lt).Trim();
                string spec = address.Substring(lt);
                if (name.Length > 0)
                {
                    Phrase(name, spaceBefore);
                    spaceBefore = true;
                }

                Raw(comma ? spec + "," : spec, spaceBefore);
                return;
            }

            Raw(comma ? address + "," : address, spaceBefore);
        }

        // RFC 5322 §3.2.5 phrase: atoms, a quoted-string, or encoded-words (RFC 2047 §5(3)).
        private void Phrase(string name, bool spaceBefore)
        {
            if (!Utf8.IsAscii(name) || name.Length > 70)
            {
                EncodedWords(name, spaceBefore);
                return;
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c < 32 || c == 127 || c == '"' || c == '\\')
                {
                    EncodedWords(name, spaceBefore);
                    return;
                }
            }

            Raw("\"" + name + "\"", spaceBefore);
        }

        private void Words(string value, bool spaceBefore)
        {
            int i = 0;
            while (i < value.Length)
            {
                while (i < value.Length && value[i] == ' ')
                {
                    i++;
                }

                int start = i;
                while (i < value.Length && value[i] != ' ')
                {
                    i++;
                }

                if (i > start)
                {
                    Raw(value.Substring(start, i - start), spaceBefore);
                    spaceBefore = true;
                }
            }
        }

        // RFC 2047 §4-5: UTF-8 in encoded-words of at most 75 characters, never splitting a character;
        // Q when few octets need escaping, B otherwise. Whitespace between adjacent encoded-words is
        // not displayed (§6.2), so spaces inside the text are encoded too.
        private void EncodedWords(string value, bool spaceBefore)
        {
            byte[] bytes = Utf8.GetBytes(value);
            int escapes = 0;
            for (int k = 0; k < bytes.Length; k++)
            {
                if (!IsQSafe(bytes[k]))
                {
                    escapes++;
                }
            }

            bool q = !_base64Words && escapes * 3 <= bytes.Length;
            byte[] bPrefix = _base64Words ? s_bPrefixUpper : s_bPrefix;
            int i = 0;
            while (i < bytes.Length)
            {
                // A word fills the rest of the line when enough room is left, else a fresh folded line.
                int room = Limits.EncodedWordLine - _column - (spaceBefore ? 1 : 0);
                int wordMax = room >= 24 && room < EncodedWordMax ? room : EncodedWordMax;
                int capacity = wordMax - s_qPrefix.Length - s_ewEnd.Length;
                int n = Put(q ? s_qPrefix : bPrefix, 0);
                int payloadStart = n;
                if (q)
                {
                    while (i < bytes.Length)
                    {
                        int len = CharLength(bytes, i);
                        int cost = 0;
                        for (int k = i; k < i + len; k++)
                        {
                            cost += bytes[k] == (byte)' ' || IsQSafe(bytes[k]) ? 1 : 3;
                        }

                        if (n - payloadStart + cost > capacity)
                        {
                            break;
                        }

                        for (int k = i; k < i + len; k++)
                        {
                            byte b = bytes[k];
                            if (b == (byte)' ')
                            {
                                _token[n++] = (byte)'_';
                            }
                            else if (IsQSafe(b))
                            {
                                _token[n++] = b;
                            }
                            else
                            {
                                _token[n++] = (byte)'=';
                                _token[n++] = s_hex[b >> 4];
                                _token[n++] = s_hex[b & 15];
                            }
                        }

                        i += len;
                    }
                }
                else
                {
                    int take = 0;
                    int maxBytes = capacity / 4 * 3;
                    while (i + take < bytes.Length)
                    {
                        int len = CharLength(bytes, i + take);
                        if (take + len > maxBytes)
                        {
                            break;
                        }

                        take += len;
                    }

                    n += Base64.Encode(bytes, i, take, _token, n);
                    i += take;
                }

                System.Array.Copy(s_ewEnd, 0, _token, n, s_ewEnd.Length);
                n += s_ewEnd.Length;
                Token(_token, n, spaceBefore, true);
                spaceBefore = true;
            }
        }

        /// <summary>Writes one separator octet (",", ";") right after the previous token.</summary>
        public void Separator(byte b)
        {
            _out.Write(b);
            _column++;
        }

        private void Token(byte[] token, int count, bool spaceBefore)
        {
            Token(token, count, spaceBefore, false);
        }

        private void Token(byte[] token, int count, bool spaceBefore, bool encodedWord)
        {
            FoldBefore(count, spaceBefore, encodedWord);
            _out.Write(token, 0, count);
            _column += count;
        }

        // RFC 2047 §2: a line that holds an encoded-word is limited to 76 characters; others fold at 78.
        // Writes the fold or the space before a token of count octets.
        private void FoldBefore(int count, bool spaceBefore, bool encodedWord)
        {
            int need = count + (spaceBefore ? 1 : 0);
            int lineMax = encodedWord || _lineHasEncodedWord ? Limits.EncodedWordLine : Limits.HeaderFoldAt;
            if (spaceBefore && _column + need > lineMax)
            {
                _out.Write(s_fold);   // the fold's SP is the token's leading whitespace
                _column = 1;
                _lineHasEncodedWord = false;
            }
            else if (spaceBefore)
            {
                _out.Write((byte)' ');
                _column++;
            }

            _lineHasEncodedWord |= encodedWord;
        }

        private static bool NeedsEncoding(string value)
        {
            if (!Utf8.IsAscii(value))
            {
                return true;
            }

            int word = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < 32 || c == 127)
                {
                    return true;
                }

                if (c == '=' && i + 1 < value.Length && value[i + 1] == '?')
                {
                    return true;   // would read as an encoded-word
                }

                if (c == ' ' && (i == 0 || i == value.Length - 1 || value[i + 1] == ' '))
                {
                    return true;   // leading, trailing or repeated spaces would be lost in folding
                }

                if (c == '\t')
                {
                    return true;
                }

                word = c == ' ' ? 0 : word + 1;
                if (word > EncodedWordMax)
                {
                    return true;   // an unbreakable word: encoded-words can be folded
                }
            }

            return false;
        }

        // RFC 2047 §5(3): the characters allowed unencoded in a 'Q' word inside a phrase.
        private static bool IsQSafe(byte b)
        {
            return (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9') ||
                b == (byte)'!' || b == (byte)'*' || b == (byte)'+' || b == (byte)'-' || b == (byte)'/';
        }

        // RFC 2231 §7: attribute-char, minus the tspecials.
        private static bool IsAttributeChar(byte b)
        {
            return (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9') ||
                b == (byte)'!' || b == (byte)'#' || b == (byte)'$' || b == (byte)'&' || b == (byte)'+' || b == (byte)'-' ||
                b == (byte)'.' || b == (byte)'^' || b == (byte)'_' || b == (byte)'`' || b == (byte)'|' || b == (byte)'~';
        }

        private static bool IsQuotable(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < 32 || c == 127 || c == '"' || c == '\\')
                {
                    return false;
                }
            }

            return true;
        }

        private static int CharLength(byte[] b, int i)
        {
            int lead = b[i];
            int len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return i + len <= b.Length ? len : b.Length - i;
        }

        private int Put(string ascii, int offset)
        {
            int n = Utf8.GetBytes(ascii, _token, offset);
            return offset + n;
        }

        private int Put(byte[] literal, int offset)
        {
            System.Array.Copy(literal, 0, _token, offset, literal.Length);
            return offset + literal.Length;
        }

        // Through the token buffer in pieces of its size (a word may be longer than the buffer); text the caller
        // vouched for as ASCII but is not goes out as its UTF-8 bytes.
        private void WriteAscii(string s)
        {
            if (!Utf8.IsAscii(s))
            {
                byte[] b = Utf8.GetBytes(s);
                _out.Write(b, 0, b.Length);
                return;
            }

            for (int i = 0; i < s.Length; i += _token.Length)
            {
                int n = s.Length - i < _token.Length ? s.Length - i : _token.Length;
                for (int k = 0; k < n; k++)
                {
                    _token[k] = (byte)s[i + k];
                }

                _out.Write(_token, 0, n);
            }
        }
    }
}

namespace NanoRelay.Boards
{
    /// <summary>
    /// Reads the subset of JSON (RFC 8259) that board files use: objects, arrays, strings with the
    /// RFC 8259 §7 escapes, integers, true, false, null. No fractions or exponents (a budget is a
    /// whole number of bytes), no comments. Dependency-free so the core can read boards/*/board.json
    /// on both runtimes with the same numbers. Returns null and a one-line error instead of throwing.
    /// </summary>
    public sealed class JsonSubsetParser
    {
        private readonly string _text;
        private int _pos;
        private string _error;

        private JsonSubsetParser(string text)
        {
            _text = text;
        }

        /// <summary>Parses <paramref name="text"/>; on failure returns null and sets <paramref name="error"/> to "line N: problem".</summary>
        public static JsonNode Parse(string text, out string error)
        {
            error = null;
            if (text == null || text.Length == 0)
            {
                error = "line 1: empty document";
                return null;
            }

            if (text.Length > Limits.BoardFileMaxChars)
            {
                error = "line 1: document longer than " + Limits.BoardFileMaxChars + " characters";
                return null;
            }

            JsonSubsetParser p = new JsonSubsetParser(text);
            JsonNode root = p.ParseValue(0);
            if (root != null)
            {
                p.SkipWhitespace();
                if (p._pos < text.Length)
                {
                    p.Fail("unexpected text after the document");
                    root = null;
                }
            }

            error = root == null ? p._error : null;
            return root;
        }

        private JsonNode ParseValue(int depth)
        {
            if (depth > Limits.BoardJsonMaxDepth)
            {
                return Fail("nested deeper than " + Limits.BoardJsonMaxDepth);
            }

            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return Fail("unexpected end of document");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                    string s = ParseString();
                    return s == null ? null : JsonNode.NewString(s);
                case 't':
                    return Literal("true") ? JsonNode.NewBoolean(true) : null;
                case 'f':
                    return Literal("false") ? JsonNode.NewBoolean(false) : null;
                case 'n':
                    return Literal("null") ? JsonNode.NewNull() : null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseInteger();
                    }

                    return Fail("unexpected character '" + c + "'");
            }
        }

        private JsonNode ParseObject(int depth)
        {
            JsonNode obj = JsonNode.NewObject();
            _pos++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return obj;
            }

            while (true)
            {
                SkipWhitespace();
                if (_pos >= _text.Length)
                {
                    return Fail("unexpected end of document");
                }

                if (Peek() != '"')
                {
                    return Fail("expected a member name in quotes");
                }

                string name = ParseString();
                if (name == null)
                {
                    return null;
                }

                SkipWhitespace();
                if (Peek() != ':')
                {
                    return Fail("expected ':' after \"" + name + "\"");
                }

                _pos++;
                JsonNode value = ParseValue(depth + 1);
                if (value == null)
                {
                    return null;
                }

                if (!obj.Add(name, value))
                {
                    return Fail("duplicate member \"" + name + "\"");
                }

                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == '}')
                {
                    return obj;
                }

                if (c != ',')
                {
                    _pos--;
                    return Fail(c == '\0' ? "unexpected end of document" : "expected ',' or '}'");
                }
            }
        }

        private JsonNode ParseArray(int depth)
        {
            JsonNode array = JsonNode.NewArray();
            _pos++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return array;
            }

            while (true)
            {
                JsonNode value = ParseValue(depth + 1);
                if (value == null)
                {
                    return null;
                }

                array.Add(value);
                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == ']')
                {
                    return array;
                }

                if (c != ',')
                {
                    _pos--;
                    return Fail(c == '\0' ? "unexpected end of document" : "expected ',' or ']'");
                }
            }
        }

        // RFC 8259 §7: quotation mark, reverse solidus and control characters must be escaped.
        private string ParseString()
        {
            _pos++;
            char[] chars = new char[_text.Length - _pos];
            int n = 0;
            while (_pos < _text.Length)
            {
                char c = _text[_pos++];
                if (c == '"')
                {
                    return new string(chars, 0, n);
                }

                if (c < ' ')
                {
                    _pos--;
                    Fail("control character in a string");
                    return null;
                }

                if (c == '\\')
                {
                    if (_pos >= _text.Length)
                    {
                        break;
                    }

                    char e = _text[_pos++];
                    switch (e)
                    {
                        case '"': c = '"'; break;
                        case '\\': c = '\\'; break;
                        case '/': c = '/'; break;
                        case 'b': c = '\b'; break;
                        case 'f': c = '\f'; break;
                        case 'n': c = '\n'; break;
                        case 'r': c = '\r'; break;
                        case 't': c = '\t'; break;
                        case 'u':
                            int code = 0;
                            for (int i = 0; i < 4; i++)
                            {
                                int h = _pos < _text.Length ? HexValue(_text[_pos]) : -1;
                                if (h < 0)
                                {
                                    Fail("bad \\u escape");
                                    return null;
                                }

                                code = (code << 4) | h;
                                _pos++;
                            }

                            c = (char)code;
                            break;
                        default:
                            _pos--;
                            Fail("bad escape '\\" + e + "'");
                            return null;
                    }
                }

                chars[n++] = c;
            }

            Fail("unterminated string");
            return null;
        }

        private JsonNode ParseInteger()
        {
            bool negative = _text[_pos] == '-';
            if (negative)
            {
                _pos++;
            }

            int start = _pos;
            long value = 0;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                // 18 digits always fit in a long; longer numbers are no budget anyone means.
                if (_pos - start >= 18)
                {
                    return Fail("number too long");
                }

                value = (value * 10) + (_text[_pos] - '0');
                _pos++;
            }

            if (_pos == start)
            {
                return Fail("expected a digit");
            }

            // RFC 8259 §6: no leading zeros.
            if (_text[start] == '0' && _pos - start > 1)
            {
                return Fail("leading zero in a number");
            }

            char next = Peek();
            if (next == '.' || next == 'e' || next == 'E')
            {
                return Fail("only whole numbers are allowed here");
            }

            return JsonNode.NewInteger(negative ? -value : value);
        }

        private bool Literal(string word)
        {
            if (_pos + word.Length <= _text.Length && _text.Substring(_pos, word.Length) == word)
            {
                _pos += word.Length;
                return true;
            }

            Fail("unknown word (expected " + word + ")");
            return false;
        }

        private char Peek()
        {
            return _pos < _text.Length ? _text[_pos] : '\0';
        }

        private void SkipWhitespace()
        {
            // RFC 8259 §2: ws = space, horizontal tab, line feed, carriage return.
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private JsonNode Fail(string problem)
        {
            if (_error == null)
            {
                int line = 1;
                for (int i = 0; i < _pos && i < _text.Length; i++)
                {
                    if (_text[i] == '\n')
                    {
                        line++;
                    }
                }

                _error = "line " + line + ": " + problem;
            }

            return null;
        }
    }
}

namespace NanoRelay.Framing
{
    /// <summary>
    /// UTF-8 without System.Text (which nanoFramework ships outside mscorlib): strings to bytes
    /// and back. Invalid input decodes to U+FFFD; lone surrogates encode as U+FFFD. A NUL octet
    /// decodes to U+FFFD too: nanoCLR cuts a string at U+0000, so a decoded NUL would make the
    /// device see less than the host. Protocol code refuses NUL before it decodes; this is the
    /// backstop that keeps host and device alike.
    /// </summary>
    public static class Utf8
    {
        /// <summary>How many bytes <paramref name="s"/> takes in UTF-8.</summary>
        public static int ByteCount(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80)
                {
                    n += 1;
                }
                else if (c < 0x800)
                {
                    n += 2;
                }
                else if (IsHighSurrogate(c) && i + 1 < s.Length && IsLowSurrogate(s[i + 1]))
                {
                    n += 4;
                    i++;
                }
                else
                {
                    n += 3;
                }
            }

            return n;
        }

        /// <summary>A new array with the UTF-8 bytes of <paramref name="s"/>.</summary>
        public static byte[] GetBytes(string s)
        {
            byte[] b = new byte[ByteCount(s)];
            GetBytes(s, b, 0);
            return b;
        }

        /// <summary>Writes the UTF-8 bytes of <paramref name="s"/>; returns how many were written.</summary>
        public static int GetBytes(string s, byte[] destination, int offset)
        {
            int o = offset;
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (IsHighSurrogate((char)c) && i + 1 < s.Length && IsLowSurrogate(s[i + 1]))
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }

                if (c < 0x80)
                {
                    destination[o++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    destination[o++] = (byte)(0xC0 | (c >> 6));
                    destination[o++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c < 0x10000)
                {
                    destination[o++] = (byte)(0xE0 | (c >> 12));
                    destination[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    destination[o++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    destination[o++] = (byte)(0xF0 | (c >> 18));
                    destination[o++] = (byte)(0x80 | ((c >> 12) & 0x3F));
                    destination[o++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    destination[o++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return o - offset;
        }

        /// <summary>Decodes UTF-8 bytes into a string; never yields U+0000 (see the class summary).</summary>
        public static string GetString(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            int n = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b = bytes[i];
                int need;
                int cp;
                if (b < 0x80)
                {
                    chars[n++] = b == 0 ? (char)0xFFFD : (char)b;
                    i++;
                    continue;
                }
                else if ((b & 0xE0) == 0xC0 && b >= 0xC2)
                {
                    need = 1;
                    cp = b & 0x1F;
                }
                else if ((b & 0xF0) == 0xE0)
                {
                    need = 2;
                    cp = b & 0x0F;
                }
                else if ((b & 0xF8) == 0xF0 && b <= 0xF4)
                {
                    need = 3;
                    cp = b & 0x07;
                }
                else
                {
                    chars[n++] = (char)0xFFFD;
                    i++;
                    continue;
                }

                if (i + need >= end)
                {
                    chars[n++] = (char)0xFFFD;
                    i++;
                    continue;
                }

                bool ok = true;
                for (int k = 1; k <= need; k++)
                {
                    int c = bytes[i + k];
                    if ((c & 0xC0) != 0x80)
                    {
                        ok = false;
                        break;
                    }

                    cp = (cp << 6) | (c & 0x3F);
                }

                if (!ok || (need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    chars[n++] = (char)0xFFFD;
                    i++;
                    continue;
                }

                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[n++] = (char)(0xD800 + (cp >> 10));
                    chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)cp;
                }

                i += need + 1;
            }

            return new string(chars, 0, n);
        }

        /// <summary>Whether every byte is 7-bit ASCII.</summary>
        public static bool IsAscii(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] >= 0x80)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }
    }
}

namespace NanoRelay.Testing
{
    /// <summary>
    /// Test text to wire octets and back, one octet per char (Latin-1), with the marker "[NUL]"
    /// standing for 0x00 both ways. nanoCLR cuts a string at U+0000 ("a\0b".Length is 1 on the
    /// device), so a portable test never holds a NUL in a string: it writes "USER tech[NUL]x".
    /// </summary>
    public static class Octets
    {
        /// <summary>How a 0x00 octet is written in test text.</summary>
        public const string Nul = "[NUL]";

        /// <summary>The octets of <paramref name="text"/>: each char as one byte, each "[NUL]" as 0x00.</summary>
        public static byte[] Of(string text)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (IsNulAt(text, i))
                {
                    i += Nul.Length - 1;
                }

                n++;
            }

            byte[] b = new byte[n];
            n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (IsNulAt(text, i))
                {
                    b[n++] = 0;
                    i += Nul.Length - 1;
                }
                else
                {
                    b[n++] = (byte)text[i];
                }
            }

            return b;
        }

        /// <summary>Octets as test text: each byte as one char, 0x00 as "[NUL]".</summary>
        public static string Show(byte[] b, int offset, int count)
        {
            int nuls = 0;
            for (int i = offset; i < offset + count; i++)
            {
                if (b[i] == 0)
                {
                    nuls++;
                }
            }

            char[] c = new char[count + (nuls * (Nul.Length - 1))];
            int n = 0;
            for (int i = offset; i < offset + count; i++)
            {
                if (b[i] != 0)
                {
                    c[n++] = (char)b[i];
                    continue;
                }

                for (int k = 0; k < Nul.Length; k++)
                {
                    c[n++] = Nul[k];
                }
            }

            return new string(c, 0, n);
        }

        /// <summary>The base64 of the octets of <paramref name="text"/> (a SASL response: "[NUL]tech[NUL]secret").</summary>
        public static string Base64(string text)
        {
            byte[] b = Of(text);
            byte[] encoded = new byte[NanoRelay.Mime.Base64.EncodedLength(b.Length)];
            int n = NanoRelay.Mime.Base64.Encode(b, 0, b.Length, encoded, 0);
            return Show(encoded, 0, n);
        }

        /// <summary>Whether <paramref name="text"/> holds the marker "[NUL]".</summary>
        public static bool HasNul(string text)
        {
            return text.IndexOf(Nul) >= 0;
        }

        private static bool IsNulAt(string text, int i)
        {
            if (text[i] != '[' || i + Nul.Length > text.Length)
            {
                return false;
            }

            for (int k = 1; k < Nul.Length; k++)
            {
                if (text[i + k] != Nul[k])
                {
                    return false;
                }
            }

            return true;
        }
    }
}

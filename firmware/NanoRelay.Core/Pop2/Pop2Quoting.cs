namespace NanoRelay.Pop2
{
    /// <summary>
    /// RFC 937 ("Quoting"): "In this protocol the back slash "\" is used as the quote character.
    /// To include a space in an argument the two character sequence "back-slash, space" is
    /// transmitted. To include a back-slash in an argument the two character sequence
    /// "back-slash, back-slash" is transmitted."
    /// </summary>
    public static class Pop2Quoting
    {
        /// <summary>
        /// Copies one argument, unquoted, from buffer[position..end) to destination[destinationOffset..],
        /// stopping before an unquoted space when <paramref name="word"/> (user, password: "&lt;word&gt;")
        /// or at the end (mailbox: "&lt;string&gt;"). Returns the octets written, or -1 for a
        /// back-slash that ends the line (it quotes nothing).
        /// </summary>
        public static int Unquote(byte[] buffer, ref int position, int end, bool word, byte[] destination, int destinationOffset)
        {
            int n = 0;
            while (position < end)
            {
                byte b = buffer[position];
                if (b == (byte)' ' && word)
                {
                    break;
                }

                if (b == (byte)'\\')
                {
                    if (++position == end)
                    {
                        return -1;
                    }

                    b = buffer[position];
                }

                destination[destinationOffset + n++] = b;
                position++;
            }

            return n;
        }
    }
}

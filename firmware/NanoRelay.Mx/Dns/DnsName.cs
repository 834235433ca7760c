namespace NanoRelay.Dns
{
    /// <summary>
    /// Domain names on the wire (RFC 1035 §3.1, §4.1.4): length-prefixed labels ending in the
    /// root, or in a pointer to a prior occurrence. Every walk is bounded: labels of at most 63
    /// octets inside the message, names of at most 255, pointers only backwards and at most
    /// Limits.DnsPointerHops of them, so a compression loop ends as malformed. Nothing allocates
    /// but <see cref="Decode"/>.
    /// </summary>
    public static class DnsName
    {
        /// <summary>
        /// Writes "mx1.example.com" (a trailing dot allowed; "" or "." is the root) as labels.
        /// Returns the octets written, or -1 when a label is empty or over 63 octets, the name over
        /// 255, a character is not printable ASCII, or the buffer is too small.
        /// </summary>
        public static int Encode(string name, byte[] buffer, int offset)
        {
            int n = name.Length;
            if (n > 0 && name[n - 1] == '.')
            {
                n--;
            }

            int at = offset;
            int start = 0;
            while (n > 0 && start <= n)
            {
                int end = start;
                while (end < n && name[end] != '.')
                {
                    end++;
                }

                int label = end - start;
                if (label == 0 || label > Limits.DnsLabel || at + 1 + label >= buffer.Length)
                {
                    return -1;
                }

                buffer[at++] = (byte)label;
                for (int i = start; i < end; i++)
                {
                    char c = name[i];
                    if (c <= ' ' || c > '~')
                    {
                        return -1;
                    }

                    buffer[at++] = (byte)c;
                }

                start = end + 1;
            }

            if (at >= buffer.Length)
            {
                return -1;
            }

            buffer[at++] = 0;
            return at - offset > Limits.DnsName ? -1 : at - offset;
        }

        /// <summary>The offset just after the name at <paramref name="offset"/> as it stands (a pointer ends it), or -1 if it runs past <paramref name="end"/>.</summary>
        public static int Skip(byte[] message, int end, int offset)
        {
            int pos = offset;
            while (pos < end)
            {
                int b = message[pos];
                if ((b & 0xC0) == 0xC0)
                {
                    return pos + 2 <= end ? pos + 2 : -1;
                }

                if ((b & 0xC0) != 0 || pos - offset + 1 + b > Limits.DnsName)
                {
                    return -1;   // RFC 6891 §5: the 01 and 10 label types are not in use
                }

                if (b == 0)
                {
                    return pos + 1;
                }

                pos += 1 + b;
            }

            return -1;
        }

        /// <summary>
        /// Compares two names, each with pointers into its own message, ASCII case-insensitively
        /// (RFC 4343 §3). Returns 1 when equal, 0 when not, -1 when either is malformed.
        /// </summary>
        public static int Compare(byte[] a, int aLength, int aOffset, byte[] b, int bLength, int bOffset)
        {
            int pa = aOffset, pb = bOffset, ha = 0, hb = 0, ta = 0, tb = 0;
            while (true)
            {
                int la = NextLabel(a, aLength, ref pa, ref ha, ref ta);
                int lb = NextLabel(b, bLength, ref pb, ref hb, ref tb);
                if (la < 0 || lb < 0)
                {
                    return -1;
                }

                int n = a[la];
                if (n != b[lb])
                {
                    return 0;
                }

                if (n == 0)
                {
                    return 1;
                }

                for (int i = 1; i <= n; i++)
                {
                    if (Lower(a[la + i]) != Lower(b[lb + i]))
                    {
                        return 0;
                    }
                }
            }
        }

        /// <summary>
        /// The name as dotted text without the final dot ("" for the root), or null when it is
        /// malformed or a label holds a dot or an octet outside printable ASCII (not a host name).
        /// </summary>
        public static string Decode(byte[] message, int length, int offset)
        {
            char[] text = new char[Limits.DnsName];
            int count = 0, pos = offset, hops = 0, total = 0;
            while (true)
            {
                int l = NextLabel(message, length, ref pos, ref hops, ref total);
                if (l < 0)
                {
                    return null;
                }

                int n = message[l];
                if (n == 0)
                {
                    return new string(text, 0, count);
                }

                if (count > 0)
                {
                    text[count++] = '.';
                }

                for (int i = 1; i <= n; i++)
                {
                    byte c = message[l + i];
                    if (c <= 0x20 || c >= 0x7F || c == (byte)'.' || count >= text.Length)
                    {
                        return null;
                    }

                    text[count++] = (char)c;
                }
            }
        }

        // Follows pointers from pos to the next label; returns the offset of its length octet
        // (and moves pos past the label), or -1 when the name is malformed.
        private static int NextLabel(byte[] m, int length, ref int pos, ref int hops, ref int total)
        {
            while (true)
            {
                if (pos < 0 || pos >= length)
                {
                    return -1;
                }

                int b = m[pos];
                if ((b & 0xC0) == 0xC0)
                {
                    if (pos + 1 >= length)
                    {
                        return -1;
                    }

                    // RFC 1035 §4.1.4: a pointer names "a prior occurance"; forward or self
                    // pointers, and more than Limits.DnsPointerHops of them, are refused.
                    int target = ((b & 0x3F) << 8) | m[pos + 1];
                    hops++;
                    if (target >= pos || hops > Limits.DnsPointerHops)
                    {
                        return -1;
                    }

                    pos = target;
                    continue;
                }

                if ((b & 0xC0) != 0 || pos + 1 + b > length)
                {
                    return -1;
                }

                total += 1 + b;
                if (total > Limits.DnsName)
                {
                    return -1;
                }

                int at = pos;
                pos += 1 + b;
                return at;
            }
        }

        private static int Lower(byte c)
        {
            return c >= (byte)'A' && c <= (byte)'Z' ? c + 32 : c;
        }
    }
}

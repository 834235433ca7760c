using System;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// The body of a large test message, never held whole: line n (0-based) is 76 letters, the
    /// alphabet rotated by n mod 26, then CRLF. No line starts with ".", so dot-stuffing leaves it
    /// alone. Any stretch is made with native copies from one 102-byte pattern, so producing and
    /// checking a megabyte costs little IL.
    /// </summary>
    public static class GeneratedBody
    {
        /// <summary>Octets per line, CRLF included.</summary>
        public const int LineBytes = 78;

        /// <summary>The header that marks a message whose body is this generator's (GeneratedFileStore).</summary>
        public const string MarkerHeader = "X-Nanobench-Body: generated";

        private static byte[] s_pattern;

        private static byte[] Pattern
        {
            get
            {
                if (s_pattern == null)
                {
                    byte[] p = new byte[26 + LineBytes];
                    for (int i = 0; i < p.Length; i++)
                    {
                        p[i] = (byte)('A' + (i % 26));
                    }

                    s_pattern = p;
                }

                return s_pattern;
            }
        }

        /// <summary>Writes body octets [position, position + count) into buffer at offset.</summary>
        public static void Fill(long position, byte[] buffer, int offset, int count)
        {
            byte[] p = Pattern;
            long line = position / LineBytes;
            int col = (int)(position - (line * LineBytes));
            while (count > 0)
            {
                int rot = (int)(line % 26);
                int n;
                if (col < LineBytes - 2)
                {
                    n = LineBytes - 2 - col;
                    if (n > count)
                    {
                        n = count;
                    }

                    Array.Copy(p, rot + col, buffer, offset, n);
                }
                else
                {
                    buffer[offset] = col == LineBytes - 2 ? (byte)13 : (byte)10;
                    n = 1;
                }

                offset += n;
                count -= n;
                col += n;
                if (col == LineBytes)
                {
                    col = 0;
                    line++;
                }
            }
        }

        /// <summary>Whether buffer[offset..offset+count) equals the body octets at position (scratch: any buffer of at least 78 bytes).</summary>
        public static bool Matches(long position, byte[] buffer, int offset, int count, byte[] scratch)
        {
            while (count > 0)
            {
                int n = count < scratch.Length ? count : scratch.Length;
                Fill(position, scratch, 0, n);
                for (int i = 0; i < n; i++)
                {
                    if (scratch[i] != buffer[offset + i])
                    {
                        return false;
                    }
                }

                position += n;
                offset += n;
                count -= n;
            }

            return true;
        }
    }
}

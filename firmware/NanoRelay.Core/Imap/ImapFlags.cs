using NanoRelay.Framing;

namespace NanoRelay.Imap
{
    /// <summary>RFC 9051 §2.3.2: the system flags kept per message, as bits (one byte on flash).</summary>
    public static class ImapFlags
    {
        public const int Seen = 1;
        public const int Answered = 2;
        public const int Flagged = 4;
        public const int Deleted = 8;
        public const int Draft = 16;
        public const int All = 31;

        private static readonly byte[][] s_names = new byte[][]
        {
            Ascii.Bytes("\\SEEN"), Ascii.Bytes("\\ANSWERED"), Ascii.Bytes("\\FLAGGED"), Ascii.Bytes("\\DELETED"), Ascii.Bytes("\\DRAFT"),
        };

        private static readonly byte[][] s_display = new byte[][]
        {
            Ascii.Bytes("\\Seen"), Ascii.Bytes("\\Answered"), Ascii.Bytes("\\Flagged"), Ascii.Bytes("\\Deleted"), Ascii.Bytes("\\Draft"),
        };

        /// <summary>"(\Seen \Answered \Flagged \Deleted \Draft)": the FLAGS response (RFC 9051 §7.3.5).</summary>
        public static readonly byte[] FlagList = Ascii.Bytes("(\\Answered \\Flagged \\Deleted \\Seen \\Draft)");

        /// <summary>RFC 9051 §7.1 PERMANENTFLAGS: the same, without \* (no keywords are kept).</summary>
        public static readonly byte[] PermanentFlags = FlagList;

        /// <summary>The bit of a flag name (case-insensitive), 0 for \Recent-like or unknown names, -1 for a keyword.</summary>
        public static int Parse(byte[] b, int offset, int count)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(b, offset, count, s_names[i]))
                {
                    return 1 << i;
                }
            }

            return count > 0 && b[offset] == (byte)'\\' ? 0 : -1;
        }

        /// <summary>Writes "(\Seen \Deleted)" for the bits; returns the octets written.</summary>
        public static int Format(int flags, byte[] destination, int offset)
        {
            int p = offset;
            destination[p++] = (byte)'(';
            for (int i = 0; i < s_display.Length; i++)
            {
                if ((flags & (1 << i)) == 0)
                {
                    continue;
                }

                if (p > offset + 1)
                {
                    destination[p++] = (byte)' ';
                }

                System.Array.Copy(s_display[i], 0, destination, p, s_display[i].Length);
                p += s_display[i].Length;
            }

            destination[p++] = (byte)')';
            return p - offset;
        }
    }
}

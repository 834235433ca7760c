using NanoRelay.Framing;

namespace NanoRelay.Pop3
{
    /// <summary>
    /// A command line split in place into its keyword and up to two arguments (RFC 1939 §3:
    /// "a keyword possibly followed by one or more arguments ... separated by a single SPACE").
    /// A third argument is counted, not kept: every command then refuses it. Reused per session.
    /// </summary>
    public sealed class Pop3Arguments
    {
        private const byte Space = (byte)' ';
        private const int Kept = 2;

        private readonly int[] _offsets = new int[Kept];
        private readonly int[] _lengths = new int[Kept];
        private byte[] _buffer;

        /// <summary>The line's buffer; offsets below point into it.</summary>
        public byte[] Buffer { get { return _buffer; } }

        public int KeywordOffset { get; private set; }

        public int KeywordLength { get; private set; }

        /// <summary>Arguments found: 0, 1, 2, or 3 meaning "more than two".</summary>
        public int Count { get; private set; }

        /// <summary>An empty argument: two spaces in a row, or a trailing space.</summary>
        public bool Malformed { get; private set; }

        /// <summary>The length of the longest argument.</summary>
        public int LongestLength { get; private set; }

        /// <summary>Everything after the keyword and its space (PASS takes this whole).</summary>
        public int RestOffset { get; private set; }

        public int RestLength { get; private set; }

        public int Offset(int index)
        {
            return _offsets[index];
        }

        public int Length(int index)
        {
            return _lengths[index];
        }

        /// <summary>Whether the keyword is <paramref name="upperKeyword"/>, ignoring case.</summary>
        public bool KeywordIs(byte[] upperKeyword)
        {
            return Ascii.EqualsIgnoreCase(_buffer, KeywordOffset, KeywordLength, upperKeyword);
        }

        /// <summary>Whether argument <paramref name="index"/> is <paramref name="upperWord"/>, ignoring case.</summary>
        public bool ArgumentIs(int index, byte[] upperWord)
        {
            return index < Count && index < Kept && Ascii.EqualsIgnoreCase(_buffer, _offsets[index], _lengths[index], upperWord);
        }

        /// <summary>Splits buffer[offset..offset+count).</summary>
        public void Parse(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            Count = 0;
            Malformed = false;
            LongestLength = 0;
            int end = offset + count;
            int space = Ascii.IndexOf(buffer, offset, count, Space);
            KeywordOffset = offset;
            KeywordLength = (space < 0 ? end : space) - offset;
            RestOffset = space < 0 ? end : space + 1;
            RestLength = end - RestOffset;
            if (space < 0)
            {
                return;
            }

            int start = space + 1;
            while (true)
            {
                int next = Ascii.IndexOf(buffer, start, end - start, Space);
                int tokenEnd = next < 0 ? end : next;
                int length = tokenEnd - start;
                if (length == 0)
                {
                    Malformed = true;
                }

                if (Count < Kept)
                {
                    _offsets[Count] = start;
                    _lengths[Count] = length;
                }

                if (length > LongestLength)
                {
                    LongestLength = length;
                }

                Count++;
                if (next < 0 || Count > Kept)
                {
                    if (next >= 0)
                    {
                        Count = Kept + 1;
                    }

                    return;
                }

                start = next + 1;
            }
        }
    }
}

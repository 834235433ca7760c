namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// RFC 9051 §9 sequence-set: ranges of message numbers or UIDs, "*" kept as <see cref="Star"/>
    /// and resolved against the mailbox when a number is tested. At most
    /// <see cref="Limits.ImapSequenceRanges"/> ranges (fixed arrays, no allocation per command).
    /// </summary>
    public sealed class ImapSequenceSet
    {
        /// <summary>"*": the largest number in use (RFC 9051 §9 seq-number).</summary>
        public const long Star = -1;

        private readonly long[] _low = new long[Limits.ImapSequenceRanges];
        private readonly long[] _high = new long[Limits.ImapSequenceRanges];
        private int _count;

        public int Count { get { return _count; } }

        public void Clear()
        {
            _count = 0;
        }

        /// <summary>Adds "a" or "a:b"; false when the set is full.</summary>
        public bool Add(long low, long high)
        {
            if (_count >= _low.Length)
            {
                return false;
            }

            _low[_count] = low;
            _high[_count] = high;
            _count++;
            return true;
        }

        /// <summary>Whether <paramref name="n"/> is in the set when "*" stands for <paramref name="star"/>.</summary>
        public bool Contains(long n, long star)
        {
            for (int i = 0; i < _count; i++)
            {
                long a = _low[i] == Star ? star : _low[i];
                long b = _high[i] == Star ? star : _high[i];
                if (a > b)
                {
                    long t = a;
                    a = b;
                    b = t;
                }

                if (n >= a && n <= b)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The largest number named, "*" as <paramref name="star"/> (RFC 9051 §6.4.5: a message number past the last is an error).</summary>
        public long Largest(long star)
        {
            long max = 0;
            for (int i = 0; i < _count; i++)
            {
                long a = _low[i] == Star ? star : _low[i];
                long b = _high[i] == Star ? star : _high[i];
                if (a > max)
                {
                    max = a;
                }

                if (b > max)
                {
                    max = b;
                }
            }

            return max;
        }
    }
}

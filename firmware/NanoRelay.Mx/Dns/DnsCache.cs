namespace NanoRelay.Dns
{
    /// <summary>
    /// Answers kept for their TTL (RFC 1035 §7.4), at most Limits.DnsCacheMaxTtlSeconds, in a
    /// fixed number of entries; a full cache replaces the entry that expires first. Only answers
    /// with records are kept: a failure is asked again at the next attempt.
    /// </summary>
    public sealed class DnsCache
    {
        private readonly string[] _names = new string[Limits.DnsCacheEntries];
        private readonly int[] _types = new int[Limits.DnsCacheEntries];
        private readonly long[] _expires = new long[Limits.DnsCacheEntries];
        private readonly DnsAnswer[] _answers = new DnsAnswer[Limits.DnsCacheEntries];

        /// <summary>The kept answer for name and type, or null when there is none or it expired.</summary>
        public DnsAnswer Find(string name, int type, long nowMilliseconds)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] != null && _types[i] == type && _expires[i] > nowMilliseconds && Same(_names[i], name))
                {
                    return _answers[i];
                }
            }

            return null;
        }

        /// <summary>Keeps an answer with records; others are not kept.</summary>
        public void Store(string name, int type, DnsAnswer answer, long nowMilliseconds)
        {
            if (answer.Status != DnsStatus.Answer || answer.Ttl <= 0)
            {
                return;
            }

            int ttl = answer.Ttl > Limits.DnsCacheMaxTtlSeconds ? Limits.DnsCacheMaxTtlSeconds : answer.Ttl;
            int slot = 0;
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == null || _expires[i] <= nowMilliseconds || (_types[i] == type && Same(_names[i], name)))
                {
                    slot = i;
                    break;
                }

                if (_expires[i] < _expires[slot])
                {
                    slot = i;
                }
            }

            _names[slot] = name;
            _types[slot] = type;
            _expires[slot] = nowMilliseconds + ttl * 1000L;
            _answers[slot] = answer;
        }

        /// <summary>Entries that hold an answer not yet expired.</summary>
        public int Count(long nowMilliseconds)
        {
            int n = 0;
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] != null && _expires[i] > nowMilliseconds)
                {
                    n++;
                }
            }

            return n;
        }

        // RFC 4343: names compare without regard to ASCII case; a trailing dot is the same name.
        private static bool Same(string a, string b)
        {
            int na = a.Length > 0 && a[a.Length - 1] == '.' ? a.Length - 1 : a.Length;
            int nb = b.Length > 0 && b[b.Length - 1] == '.' ? b.Length - 1 : b.Length;
            if (na != nb)
            {
                return false;
            }

            for (int i = 0; i < na; i++)
            {
                char x = a[i], y = b[i];
                if (Lower(x) != Lower(y))
                {
                    return false;
                }
            }

            return true;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
    }
}

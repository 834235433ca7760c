using System;
using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// RFC 9051 §6.4.4 SEARCH: the keys are checked once for syntax, then evaluated for each
    /// message straight from the command buffer (recursive descent, bounded by
    /// <see cref="Limits.ImapSearchKeys"/> and <see cref="Limits.ImapSearchDepth"/>). Strings match
    /// as ASCII case-insensitive substrings; header keys look at each header line (a match that
    /// spans a folded line is not found). Dates compare the INTERNALDATE (UTC days); the SENT*
    /// keys read the Date: field. Results: "* SEARCH" (IMAP4rev1), or ESEARCH (§7.3.4) after ENABLE
    /// IMAP4rev2 or with RETURN (MIN MAX COUNT ALL).
    /// </summary>
    public sealed partial class ImapServerSession
    {
        private static readonly byte[] s_okSearch = Ascii.Bytes("SEARCH completed");
        private static readonly byte[] s_badSearch = Ascii.Bytes("Unknown or malformed search key.");
        private static readonly byte[] s_dateField = Ascii.Bytes("Date");
        private static readonly byte[] s_badSearchLimit = Ascii.Bytes("[LIMIT] Too many search keys or levels.");
        private static readonly byte[] s_noCharset = Ascii.Bytes("[BADCHARSET (UTF-8 US-ASCII)] Unsupported charset.");
        private static readonly byte[] s_outSearch = Ascii.Bytes("* SEARCH");
        private static readonly byte[] s_outEsearch = Ascii.Bytes("* ESEARCH (TAG \"");
        private static readonly byte[] s_outEsearchUid = Ascii.Bytes(" UID");
        private static readonly byte[] s_outMin = Ascii.Bytes(" MIN ");
        private static readonly byte[] s_outMax = Ascii.Bytes(" MAX ");
        private static readonly byte[] s_outCount = Ascii.Bytes(" COUNT ");
        private static readonly byte[] s_outAll = Ascii.Bytes(" ALL ");
        private static readonly byte[] s_kwReturn = Ascii.Bytes("RETURN");
        private static readonly byte[] s_kwCharset = Ascii.Bytes("CHARSET");
        private static readonly byte[] s_kwMin = Ascii.Bytes("MIN");
        private static readonly byte[] s_kwMax = Ascii.Bytes("MAX");
        private static readonly byte[] s_kwCount = Ascii.Bytes("COUNT");
        private static readonly byte[] s_kwSave = Ascii.Bytes("SAVE");
        private static readonly byte[] s_utf8 = Ascii.Bytes("UTF-8");
        private static readonly byte[] s_usAscii = Ascii.Bytes("US-ASCII");

        private static readonly byte[][] s_searchKeys = new byte[][]
        {
            Ascii.Bytes("ALL"), Ascii.Bytes("ANSWERED"), Ascii.Bytes("DELETED"), Ascii.Bytes("DRAFT"), Ascii.Bytes("FLAGGED"),
            Ascii.Bytes("SEEN"), Ascii.Bytes("UNANSWERED"), Ascii.Bytes("UNDELETED"), Ascii.Bytes("UNDRAFT"), Ascii.Bytes("UNFLAGGED"),
            Ascii.Bytes("UNSEEN"), Ascii.Bytes("NEW"), Ascii.Bytes("OLD"), Ascii.Bytes("RECENT"),
            Ascii.Bytes("BEFORE"), Ascii.Bytes("ON"), Ascii.Bytes("SINCE"), Ascii.Bytes("SENTBEFORE"), Ascii.Bytes("SENTON"), Ascii.Bytes("SENTSINCE"),
            Ascii.Bytes("FROM"), Ascii.Bytes("TO"), Ascii.Bytes("CC"), Ascii.Bytes("BCC"), Ascii.Bytes("SUBJECT"),
            Ascii.Bytes("HEADER"), Ascii.Bytes("BODY"), Ascii.Bytes("TEXT"), Ascii.Bytes("LARGER"), Ascii.Bytes("SMALLER"),
            Ascii.Bytes("UID"), Ascii.Bytes("NOT"), Ascii.Bytes("OR"), Ascii.Bytes("KEYWORD"), Ascii.Bytes("UNKEYWORD"),
        };

        private const int KeyBefore = 14;
        private const int KeyFrom = 20;
        private const int KeyHeader = 25;
        private const int KeyBody = 26;
        private const int KeyText = 27;
        private const int KeyLarger = 28;
        private const int KeyUid = 30;
        private const int KeyNot = 31;
        private const int KeyOr = 32;
        private const int KeyKeyword = 33;

        private readonly ImapSequenceSet _searchSet = new ImapSequenceSet();
        private readonly byte[] _window = new byte[Limits.ImapTransferChunk + Limits.ImapSearchString];
        private bool[] _matches = new bool[0];
        private int _searchStart;     // where the keys begin in the command buffer
        private int _searchKeys;
        private int _searchReturn;    // bits: 1 MIN, 2 MAX, 4 COUNT, 8 ALL; 0 = "* SEARCH"
        private int _searchPhase;     // 0: evaluate, 1: write
        private int _searchOut;
        private bool _searchFailed;

        internal static ImapResult DoSearch(ImapServerSession s, ImapParser p)
        {
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            s._searchReturn = s._rev2 ? 8 : 0;
            if (p.Keyword(s_kwReturn))
            {
                // RFC 9051 §6.4.4: RETURN (options); "()" means ALL.
                if (!p.Space() || !p.Take((byte)'('))
                {
                    return ImapResult.Bad;
                }

                s._searchReturn = 0;
                while (!p.Take((byte)')'))
                {
                    p.Space();
                    if (p.Keyword(s_kwMin))
                    {
                        s._searchReturn |= 1;
                    }
                    else if (p.Keyword(s_kwMax))
                    {
                        s._searchReturn |= 2;
                    }
                    else if (p.Keyword(s_kwCount))
                    {
                        s._searchReturn |= 4;
                    }
                    else if (p.Keyword(s_kwAll))
                    {
                        s._searchReturn |= 8;
                    }
                    else if (!p.Keyword(s_kwSave))
                    {
                        return ImapResult.Bad;
                    }
                }

                s._searchReturn = s._searchReturn == 0 ? 8 : s._searchReturn;
                if (!p.Space())
                {
                    return ImapResult.Bad;
                }
            }

            if (p.Keyword(s_kwCharset))
            {
                int o;
                int l;
                if (!p.Space() || !p.AString(out o, out l) || !p.Space())
                {
                    return ImapResult.Bad;
                }

                if (!Ascii.EqualsIgnoreCase(p.Buffer, o, l, s_utf8) && !Ascii.EqualsIgnoreCase(p.Buffer, o, l, s_usAscii))
                {
                    return s.No(s_noCharset);
                }
            }

            s._searchStart = p.Position;
            s._searchKeys = 0;
            s._searchFailed = false;
            do
            {
                bool unused;
                int r = s.Key(p, null, 0, out unused);
                if (r <= 0)
                {
                    // A limit: the sequence set's ranges (named as in FETCH), or the keys and levels.
                    return s.Bad(r == 0 ? s_badSearch : (s._searchSet.Count >= Limits.ImapSequenceRanges ? s_badLimit : s_badSearchLimit));
                }
            }
            while (p.Space());

            if (!p.AtEnd)
            {
                return s.Bad(s_badSearch);
            }

            if (s._matches.Length < s._viewCount)
            {
                s._matches = new bool[s._viewCount + 16];
            }

            s._noExpunge = !s._uid;
            s._iter = 0;
            s._searchPhase = 0;
            s._searchOut = 0;
            s._work = WorkSearch;
            return ImapResult.Working;
        }

        private bool SearchStep()
        {
            if (_searchPhase == 0)
            {
                for (int i = 0; i < _viewCount; i++)
                {
                    bool all = true;
                    _parser.Reset(_cmd, _searchStart, _cmdLength - _searchStart);
                    do
                    {
                        bool match;
                        Key(_parser, _view[i], i, out match);
                        all &= match;
                    }
                    while (_parser.Space());

                    _matches[i] = all && !_view[i].Expunged;
                }

                _searchPhase = 1;
                if (_searchReturn == 0)
                {
                    Put(s_outSearch);
                }
                else
                {
                    PutEsearchHead();
                }
            }

            if (_searchReturn == 0)
            {
                while (_searchOut < _viewCount)
                {
                    if (OutputFree < LineRoom)
                    {
                        return false;
                    }

                    int i = _searchOut++;
                    if (_matches[i])
                    {
                        Put((byte)' ');
                        PutNumber(_uid ? _view[i].Uid : i + 1);
                    }
                }

                PutCrlf();
            }
            else if ((_searchReturn & 8) != 0)
            {
                // ALL as a sequence set: runs of consecutive numbers become "a:b".
                while (_searchOut < _viewCount)
                {
                    if (OutputFree < LineRoom)
                    {
                        return false;
                    }

                    int i = _searchOut++;
                    if (!_matches[i])
                    {
                        continue;
                    }

                    int j = i;
                    while (j + 1 < _viewCount && _matches[j + 1] && (!_uid || _view[j + 1].Uid == _view[j].Uid + 1))
                    {
                        j++;
                    }

                    if (_searchAllStarted)
                    {
                        Put((byte)',');
                    }
                    else
                    {
                        Put(s_outAll);
                        _searchAllStarted = true;
                    }

                    PutNumber(_uid ? _view[i].Uid : i + 1);
                    if (j > i)
                    {
                        Put((byte)':');
                        PutNumber(_uid ? _view[j].Uid : j + 1);
                    }

                    _searchOut = j + 1;
                }

                PutCrlf();
            }
            else
            {
                PutCrlf();
            }

            if (_searchFailed)
            {
                No(s_noExpungeIssued);
            }
            else
            {
                Ok(s_okSearch);
            }

            return true;
        }

        private bool _searchAllStarted;

        private void PutEsearchHead()
        {
            _searchAllStarted = false;
            Put(s_outEsearch);
            for (int i = 0; i < _tagLength; i++)
            {
                if (_tag[i] == (byte)'"' || _tag[i] == (byte)'\\')
                {
                    Put((byte)'\\');
                }

                Put(_tag[i]);
            }

            Put((byte)'"');
            Put((byte)')');
            if (_uid)
            {
                Put(s_outEsearchUid);
            }

            int count = 0;
            int first = -1;
            int last = -1;
            for (int i = 0; i < _viewCount; i++)
            {
                if (_matches[i])
                {
                    count++;
                    first = first < 0 ? i : first;
                    last = i;
                }
            }

            if ((_searchReturn & 1) != 0 && first >= 0)
            {
                Put(s_outMin);
                PutNumber(_uid ? _view[first].Uid : first + 1);
            }

            if ((_searchReturn & 2) != 0 && last >= 0)
            {
                Put(s_outMax);
                PutNumber(_uid ? _view[last].Uid : last + 1);
            }

            if ((_searchReturn & 4) != 0)
            {
                Put(s_outCount);
                PutNumber(count);
            }
        }

        /// <summary>
        /// Reads one search key at the parser and, when <paramref name="m"/> is not null,
        /// evaluates it. Returns 1, 0 on a syntax error, -1 over a limit.
        /// </summary>
        private int Key(ImapParser p, ImapMessage m, int index, out bool match)
        {
            return KeyAt(p, m, index, 0, out match);
        }

        private int KeyAt(ImapParser p, ImapMessage m, int index, int depth, out bool match)
        {
            match = false;
            if (depth > Limits.ImapSearchDepth)
            {
                return -1;
            }

            if (m == null && ++_searchKeys > Limits.ImapSearchKeys)
            {
                return -1;
            }

            int c = p.Peek();
            if (c == '(')
            {
                p.Take((byte)'(');
                match = true;
                do
                {
                    bool sub;
                    int r = KeyAt(p, m, index, depth + 1, out sub);
                    if (r <= 0)
                    {
                        return r;
                    }

                    match &= sub;
                }
                while (p.Space());

                return p.Take((byte)')') ? 1 : 0;
            }

            if ((c >= '0' && c <= '9') || c == '*')
            {
                if (p.SequenceSet(_searchSet) <= 0)
                {
                    return _searchSet.Count >= Limits.ImapSequenceRanges ? -1 : 0;
                }

                match = m != null && _searchSet.Contains(index + 1, _viewCount);
                return 1;
            }

            int key = -1;
            for (int k = 0; k < s_searchKeys.Length; k++)
            {
                if (p.Keyword(s_searchKeys[k]))
                {
                    key = k;
                    break;
                }
            }

            if (key < 0)
            {
                return 0;
            }

            int flags = m == null ? 0 : m.Flags;
            if (key < KeyBefore)
            {
                switch (key)
                {
                    case 0: match = true; break;
                    case 1: match = (flags & ImapFlags.Answered) != 0; break;
                    case 2: match = (flags & ImapFlags.Deleted) != 0; break;
                    case 3: match = (flags & ImapFlags.Draft) != 0; break;
                    case 4: match = (flags & ImapFlags.Flagged) != 0; break;
                    case 5: match = (flags & ImapFlags.Seen) != 0; break;
                    case 6: match = (flags & ImapFlags.Answered) == 0; break;
                    case 7: match = (flags & ImapFlags.Deleted) == 0; break;
                    case 8: match = (flags & ImapFlags.Draft) == 0; break;
                    case 9: match = (flags & ImapFlags.Flagged) == 0; break;
                    case 10: match = (flags & ImapFlags.Seen) == 0; break;
                    case 11: match = (flags & ImapFlags.Seen) == 0; break;
                    case 12: match = true; break;
                    default: match = false; break;   // RECENT: \Recent is not kept
                }

                return 1;
            }

            if (!p.Space())
            {
                return 0;
            }

            if (key < KeyFrom)
            {
                long day;
                if (!SearchDate(p, out day))
                {
                    return 0;
                }

                // BEFORE/ON/SINCE: the INTERNALDATE; SENT*: the Date: header (no or bad Date: matches none).
                long mine = m == null ? 0 : (key < KeyBefore + 3 ? m.InternalDate / 86400 : SentDay(m));
                int which = (key - KeyBefore) % 3;
                match = mine >= 0 && (which == 0 ? mine < day : (which == 1 ? mine == day : mine >= day));
                return 1;
            }

            int o;
            int l;
            if (key == KeyHeader)
            {
                int fo;
                int fl;
                if (!p.AString(out fo, out fl) || !p.Space() || !p.AString(out o, out l) || l > Limits.ImapSearchString)
                {
                    return 0;
                }

                match = m != null && HeaderContains(m, fo, fl, o, l);
                return 1;
            }

            if (key < KeyLarger || key == KeyKeyword || key == KeyKeyword + 1)
            {
                if (!p.AString(out o, out l) || l > Limits.ImapSearchString)
                {
                    return 0;
                }

                if (key == KeyKeyword || key == KeyKeyword + 1)
                {
                    match = key != KeyKeyword;   // no keywords are kept
                }
                else if (m != null)
                {
                    match = key == KeyBody || key == KeyText ? BodyContains(m, key == KeyText, o, l) : HeaderContains(m, s_searchKeys[key], key, o, l);
                }

                return 1;
            }

            if (key == KeyLarger || key == KeyLarger + 1)
            {
                long n;
                if (!p.Number(out n))
                {
                    return 0;
                }

                match = m != null && (key == KeyLarger ? m.Size > n : m.Size < n);
                return 1;
            }

            if (key == KeyUid)
            {
                int r = p.SequenceSet(_searchSet);
                if (r <= 0)
                {
                    return r;
                }

                long star = _viewCount == 0 ? 0 : _view[_viewCount - 1].Uid;
                match = m != null && _searchSet.Contains(m.Uid, star);
                return 1;
            }

            if (key == KeyNot)
            {
                bool sub;
                int r = KeyAt(p, m, index, depth + 1, out sub);
                match = !sub;
                return r;
            }

            // OR key1 key2
            bool a;
            bool b;
            int r1 = KeyAt(p, m, index, depth + 1, out a);
            if (r1 <= 0)
            {
                return r1;
            }

            if (!p.Space())
            {
                return 0;
            }

            int r2 = KeyAt(p, m, index, depth + 1, out b);
            match = a || b;
            return r2;
        }

        // RFC 9051 §9 date: date-day "-" date-month "-" date-year, maybe quoted; as days since 1970.
        private static bool SearchDate(ImapParser p, out long day)
        {
            day = 0;
            bool quoted = p.Take((byte)'"');
            long d;
            if (!p.Number(out d) || d < 1 || d > 31 || !p.Take((byte)'-'))
            {
                return false;
            }

            byte[] b = p.Buffer;
            int at = p.Position;
            int month = -1;
            for (int i = 0; i < 12 && at + 3 <= b.Length; i++)
            {
                if (Ascii.ToUpper(b[at]) == Ascii.ToUpper(s_months[i * 3]) && Ascii.ToUpper(b[at + 1]) == Ascii.ToUpper(s_months[(i * 3) + 1]) && Ascii.ToUpper(b[at + 2]) == Ascii.ToUpper(s_months[(i * 3) + 2]))
                {
                    month = i + 1;
                }
            }

            p.Position = at + 3;
            long y;
            if (month < 0 || !p.Take((byte)'-') || !p.Number(out y) || y < 1970 || y > 9999 || (quoted && !p.Take((byte)'"')))
            {
                return false;
            }

            // A day the month has ("31-Feb-2026" is no date; DateTime would roll it into March).
            int days = month == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31);
            if (d > days)
            {
                return false;
            }

            DateTime t = new DateTime((int)y, month, 1);
            day = ((t.Ticks - 621355968000000000L) / 864000000000L) + d - 1;
            return true;
        }

        // RFC 9051 §6.4.4 SENT*: the date of the Date: field (RFC 5322 §3.3 "[day-of-week ,] day month
        // year ..."), time and zone disregarded, as days since 1970; -1 when there is none to read.
        private long SentDay(ImapMessage m)
        {
            if (!HeaderSearch(m, s_dateField, 0, s_dateField.Length, 0, 0))
            {
                return -1;
            }

            byte[] b = _fieldLine;
            int i = s_dateField.Length + 1;
            while (i < b.Length && b[i] != 10 && (b[i] < (byte)'0' || b[i] > (byte)'9'))
            {
                i++;
            }

            long d = 0;
            int digits = 0;
            for (; i < b.Length && b[i] >= (byte)'0' && b[i] <= (byte)'9'; i++, digits++)
            {
                d = (d * 10) + (b[i] - '0');
            }

            while (i < b.Length && (b[i] == (byte)' ' || b[i] == (byte)'\t'))
            {
                i++;
            }

            int month = -1;
            for (int k = 0; k < 12 && i + 3 <= b.Length; k++)
            {
                if (Ascii.ToUpper(b[i]) == Ascii.ToUpper(s_months[k * 3]) && Ascii.ToUpper(b[i + 1]) == Ascii.ToUpper(s_months[(k * 3) + 1]) && Ascii.ToUpper(b[i + 2]) == Ascii.ToUpper(s_months[(k * 3) + 2]))
                {
                    month = k + 1;
                }
            }

            for (i += 3; i < b.Length && (b[i] == (byte)' ' || b[i] == (byte)'\t'); i++)
            {
            }

            long y = 0;
            int yearDigits = 0;
            for (; i < b.Length && b[i] >= (byte)'0' && b[i] <= (byte)'9' && yearDigits < 4; i++, yearDigits++)
            {
                y = (y * 10) + (b[i] - '0');
            }

            // RFC 5322 §4.3 obs-year: two digits are 1950-2049, three add 1900.
            y = yearDigits == 2 ? (y < 50 ? y + 2000 : y + 1900) : (yearDigits == 3 ? y + 1900 : y);
            if (digits == 0 || digits > 2 || d < 1 || d > 31 || month < 0 || yearDigits < 2 || y < 1970)
            {
                return -1;
            }

            System.DateTime t = new System.DateTime((int)y, month, 1);
            return ((t.Ticks - 621355968000000000L) / 864000000000L) + d - 1;
        }

        private bool HeaderContains(ImapMessage m, int fieldOffset, int fieldLength, int o, int l)
        {
            return HeaderSearch(m, _cmd, fieldOffset, fieldLength, o, l);
        }

        private bool HeaderContains(ImapMessage m, byte[] field, int key, int o, int l)
        {
            return HeaderSearch(m, field, 0, field.Length, o, l);
        }

        // Header lines of the named field (continuations included) that contain the string.
        private bool HeaderSearch(ImapMessage m, byte[] field, int fieldOffset, int fieldLength, int o, int l)
        {
            IFileReader r = _server.Mailbox.Open(m);
            if (r == null)
            {
                _searchFailed = true;
                return false;
            }

            byte[] line = _fieldLine;
            int lineLength = 0;
            bool inField = false;
            try
            {
                while (true)
                {
                    int got = r.Read(_window, 0, Limits.ImapTransferChunk);
                    if (got <= 0)
                    {
                        return false;
                    }

                    for (int k = 0; k < got; k++)
                    {
                        byte c = _window[k];
                        if (lineLength < line.Length)
                        {
                            line[lineLength++] = c;
                        }

                        if (c != 10)
                        {
                            continue;
                        }

                        if (lineLength <= 2)
                        {
                            return false;   // the end of the header
                        }

                        bool continuation = line[0] == (byte)' ' || line[0] == (byte)'\t';
                        if (!continuation)
                        {
                            int colon = Ascii.IndexOf(line, 0, lineLength, (byte)':');
                            inField = colon == fieldLength && SameIgnoreCase(line, 0, field, fieldOffset, fieldLength);
                        }

                        if (inField)
                        {
                            int from = continuation ? 0 : fieldLength + 1;
                            if (l == 0 || IndexOfIgnoreCase(line, from, lineLength - from, _cmd, o, l) >= 0)
                            {
                                return true;
                            }
                        }

                        lineLength = 0;
                    }
                }
            }
            finally
            {
                r.Close();
            }
        }

        // BODY: the text after the header; TEXT: the whole message. A window keeps the last
        // l - 1 octets of each chunk so a match across two chunks is found.
        private bool BodyContains(ImapMessage m, bool whole, int o, int l)
        {
            IFileReader r = _server.Mailbox.Open(m);
            if (r == null)
            {
                _searchFailed = true;
                return false;
            }

            try
            {
                long bodyStart = 0;
                if (!whole)
                {
                    Scanner.Scan(r, m.Size, true);
                    bodyStart = Scanner.Part(0).BodyStart;
                    r.Close();
                    r = _server.Mailbox.Open(m);
                    if (r == null)
                    {
                        return false;
                    }

                    SkipTo(r, bodyStart);
                }

                if (l == 0)
                {
                    return true;
                }

                int carry = 0;
                while (true)
                {
                    int got = r.Read(_window, carry, Limits.ImapTransferChunk);
                    if (got <= 0)
                    {
                        return false;
                    }

                    int total = carry + got;
                    if (IndexOfIgnoreCase(_window, 0, total, _cmd, o, l) >= 0)
                    {
                        return true;
                    }

                    carry = l - 1 < total ? l - 1 : total;
                    Array.Copy(_window, total - carry, _window, 0, carry);
                }
            }
            finally
            {
                if (r != null)
                {
                    r.Close();
                }
            }
        }

        private static int IndexOfIgnoreCase(byte[] hay, int offset, int count, byte[] needle, int no, int nl)
        {
            for (int i = offset; i + nl <= offset + count; i++)
            {
                if (SameIgnoreCase(hay, i, needle, no, nl))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

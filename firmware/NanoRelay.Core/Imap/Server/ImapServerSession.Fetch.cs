using System;
using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Imap.Server
{
    /// <summary>RFC 9051 §6.4.5 FETCH and §7.5.2 its response: one message per step, bodies streamed by the driver.</summary>
    public sealed partial class ImapServerSession
    {
        private static readonly byte[] s_okFetch = Ascii.Bytes("FETCH completed");
        private static readonly byte[] s_noExpungeIssued = Ascii.Bytes("[EXPUNGEISSUED] Some messages were expunged meanwhile.");
        private static readonly byte[] s_badItems = Ascii.Bytes("Too many or unknown FETCH items.");
        private static readonly byte[] s_kwAll = Ascii.Bytes("ALL");
        private static readonly byte[] s_kwFast = Ascii.Bytes("FAST");
        private static readonly byte[] s_kwFull = Ascii.Bytes("FULL");
        private static readonly byte[] s_kwUid = Ascii.Bytes("UID");
        private static readonly byte[] s_kwInternalDate = Ascii.Bytes("INTERNALDATE");
        private static readonly byte[] s_kwSize = Ascii.Bytes("RFC822.SIZE");
        private static readonly byte[] s_kwRfc822Header = Ascii.Bytes("RFC822.HEADER");
        private static readonly byte[] s_kwRfc822Text = Ascii.Bytes("RFC822.TEXT");
        private static readonly byte[] s_kwRfc822 = Ascii.Bytes("RFC822");
        private static readonly byte[] s_kwEnvelope = Ascii.Bytes("ENVELOPE");
        private static readonly byte[] s_kwBodyStructure = Ascii.Bytes("BODYSTRUCTURE");
        private static readonly byte[] s_kwBodyPeek = Ascii.Bytes("BODY.PEEK");
        private static readonly byte[] s_kwBody = Ascii.Bytes("BODY");
        private static readonly byte[] s_kwHeaderFieldsNot = Ascii.Bytes("HEADER.FIELDS.NOT");
        private static readonly byte[] s_kwHeaderFields = Ascii.Bytes("HEADER.FIELDS");
        private static readonly byte[] s_kwHeader = Ascii.Bytes("HEADER");
        private static readonly byte[] s_kwText = Ascii.Bytes("TEXT");
        private static readonly byte[] s_kwMime = Ascii.Bytes("MIME");
        private static readonly byte[] s_outUid = Ascii.Bytes("UID ");
        private static readonly byte[] s_outInternalDate = Ascii.Bytes("INTERNALDATE \"");
        private static readonly byte[] s_outSize = Ascii.Bytes("RFC822.SIZE ");
        private static readonly byte[] s_outEnvelope = Ascii.Bytes("ENVELOPE ");
        private static readonly byte[] s_outBodyStructure = Ascii.Bytes("BODYSTRUCTURE ");
        private static readonly byte[] s_outBodySp = Ascii.Bytes("BODY ");
        private static readonly byte[] s_outBody = Ascii.Bytes("BODY");
        private static readonly byte[] s_outRfc822 = Ascii.Bytes("RFC822");
        private static readonly byte[] s_outRfc822Header = Ascii.Bytes("RFC822.HEADER");
        private static readonly byte[] s_outRfc822Text = Ascii.Bytes("RFC822.TEXT");
        private static readonly byte[] s_months = Ascii.Bytes("JanFebMarAprMayJunJulAugSepOctNovDec");

        private readonly ImapFetchItems _items = new ImapFetchItems();
        // The MIME scanner (about 10 KB of buffers and part records) exists only while a command
        // that reads structure runs: an IDLE or quiet session does not keep it (bench/nanoclr).
        private ImapBodyScanner _scanner;
        private readonly byte[] _fields = new byte[Limits.ImapHeaderFieldsMax];
        private readonly byte[] _fieldLine = new byte[Limits.ImapScanLine + 256];

        private ImapBodyScanner Scanner
        {
            get
            {
                if (_scanner == null)
                {
                    _scanner = new ImapBodyScanner();
                }

                return _scanner;
            }
        }

        private int _item;            // the next item of the message being answered (0: not started)
        private bool _fetchMissed;
        private bool _scanned;

        // The message body the driver streams now: skip, then copy.
        private IFileReader _body;
        private long _bodySkip;
        private long _bodyLength;

        /// <summary>A message part to stream as the literal just announced: skip <see cref="BodySkip"/> octets, send <see cref="BodyLength"/>, then call <see cref="BodySent"/>.</summary>
        public IFileReader Body { get { return _body; } }

        public long BodySkip { get { return _bodySkip; } }

        public long BodyLength { get { return _bodyLength; } }

        /// <summary>The literal was streamed (or failed): closes its reader.</summary>
        public void BodySent()
        {
            CloseBody();
            _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.IdleTimeoutMilliseconds;
        }

        private void CloseBody()
        {
            if (_body != null)
            {
                _body.Close();
                _body = null;
            }
        }

        internal static ImapResult DoFetch(ImapServerSession s, ImapParser p)
        {
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            ImapResult r = s.ParseSet(p);
            if (r != ImapResult.Done)
            {
                return r;
            }

            ImapFetchItems items = s._items;
            items.Count = 0;
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            bool all = p.Keyword(s_kwAll);
            bool fast = !all && p.Keyword(s_kwFast);
            bool full = !all && !fast && p.Keyword(s_kwFull);
            if (all || fast || full)
            {
                // §6.4.5 macros: ALL = FLAGS INTERNALDATE RFC822.SIZE ENVELOPE; FAST without
                // ENVELOPE; FULL adds BODY.
                items.Add(ImapFetchItems.Flags);
                items.Add(ImapFetchItems.InternalDate);
                items.Add(ImapFetchItems.Size);
                if (!fast)
                {
                    items.Add(ImapFetchItems.Envelope);
                }

                if (full)
                {
                    items.Add(ImapFetchItems.Body);
                }
            }
            else if (p.Take((byte)'('))
            {
                do
                {
                    if (!s.ParseItem(p))
                    {
                        return s.Bad(s_badItems);
                    }
                }
                while (p.Space());

                if (!p.Take((byte)')'))
                {
                    return ImapResult.Bad;
                }
            }
            else if (!s.ParseItem(p))
            {
                return s.Bad(s_badItems);
            }

            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            // §6.4.9: a UID FETCH answers with the UID whether asked or not.
            if (s._uid && !items.Has(ImapFetchItems.Uid))
            {
                items.Add(ImapFetchItems.Uid);
            }

            s._noExpunge = !s._uid;
            s._iter = 0;
            s._item = 0;
            s._fetchMissed = false;
            s._work = WorkFetch;
            return ImapResult.Working;
        }

        private bool ParseItem(ImapParser p)
        {
            ImapFetchItems items = _items;
            if (p.Keyword(s_kwUid))
            {
                return items.Add(ImapFetchItems.Uid) >= 0;
            }

            if (p.Keyword(s_flagsKeyword))
            {
                return items.Add(ImapFetchItems.Flags) >= 0;
            }

            if (p.Keyword(s_kwInternalDate))
            {
                return items.Add(ImapFetchItems.InternalDate) >= 0;
            }

            if (p.Keyword(s_kwSize))
            {
                return items.Add(ImapFetchItems.Size) >= 0;
            }

            if (p.Keyword(s_kwEnvelope))
            {
                return items.Add(ImapFetchItems.Envelope) >= 0;
            }

            if (p.Keyword(s_kwBodyStructure))
            {
                return items.Add(ImapFetchItems.BodyStructure) >= 0;
            }

            int rfc = p.Keyword(s_kwRfc822Header) ? 2 : (p.Keyword(s_kwRfc822Text) ? 3 : (p.Keyword(s_kwRfc822) ? 1 : 0));
            if (rfc > 0)
            {
                int r = items.Add(ImapFetchItems.Section);
                if (r < 0)
                {
                    return false;
                }

                items.Rfc822[r] = rfc;
                items.Peek[r] = rfc == 2;   // RFC 3501 §6.4.5: RFC822.HEADER is BODY.PEEK[HEADER]
                items.Text[r] = rfc == 2 ? ImapFetchItems.TextHeader : (rfc == 3 ? ImapFetchItems.TextText : ImapFetchItems.TextNone);
                return true;
            }

            bool peek = p.Keyword(s_kwBodyPeek);
            if (!peek && !p.Keyword(s_kwBody))
            {
                return false;
            }

            if (p.Peek() != '[')
            {
                return !peek && items.Add(ImapFetchItems.Body) >= 0;
            }

            int i = items.Add(ImapFetchItems.Section);
            if (i < 0)
            {
                return false;
            }

            items.Peek[i] = peek;
            items.EchoOffset[i] = p.Position;
            p.Take((byte)'[');
            long n;
            while (p.Number(out n))
            {
                if (n == 0 || items.PathLength[i] >= ImapFetchItems.MaxPath)
                {
                    return false;
                }

                items.Path[(i * ImapFetchItems.MaxPath) + items.PathLength[i]++] = (int)n;
                if (!p.Take((byte)'.'))
                {
                    break;
                }
            }

            if (p.Keyword(s_kwHeaderFieldsNot) || p.Keyword(s_kwHeaderFields))
            {
                items.Text[i] = p.Buffer[p.Position - 1] == (byte)'T' || p.Buffer[p.Position - 1] == (byte)'t' ? ImapFetchItems.TextFieldsNot : ImapFetchItems.TextFields;
                if (!p.Space() || !p.Take((byte)'('))
                {
                    return false;
                }

                items.FieldsOffset[i] = p.Position;
                do
                {
                    int o;
                    int l;
                    if (!p.AString(out o, out l))
                    {
                        return false;
                    }
                }
                while (p.Space());

                items.FieldsLength[i] = p.Position - items.FieldsOffset[i];
                if (!p.Take((byte)')'))
                {
                    return false;
                }
            }
            else if (p.Keyword(s_kwHeader))
            {
                items.Text[i] = ImapFetchItems.TextHeader;
            }
            else if (p.Keyword(s_kwText))
            {
                items.Text[i] = ImapFetchItems.TextText;
            }
            else if (p.Keyword(s_kwMime))
            {
                if (items.PathLength[i] == 0)
                {
                    return false;
                }

                items.Text[i] = ImapFetchItems.TextMime;
            }

            if (!p.Take((byte)']'))
            {
                return false;
            }

            items.EchoLength[i] = p.Position - items.EchoOffset[i];
            if (p.Take((byte)'<'))
            {
                long start;
                long length;
                if (!p.Number(out start) || !p.Take((byte)'.') || !p.NzNumber(out length) || !p.Take((byte)'>'))
                {
                    return false;
                }

                items.PartialStart[i] = start;
                items.PartialLength[i] = length;
            }

            return true;
        }

        /// <summary>One step of FETCH; false when the output is full or a body is to be streamed.</summary>
        private bool FetchStep()
        {
            ImapFetchItems items = _items;
            while (_iter < _viewCount)
            {
                int index = _iter;
                ImapMessage m = _view[index];
                if (_item == 0)
                {
                    if (!InSet(index))
                    {
                        _iter++;
                        continue;
                    }

                    if (_outLength > 0 && OutputFree < _out.Length * 3 / 4)
                    {
                        return false;
                    }

                    if (!BeginMessage(m))
                    {
                        _fetchMissed = true;
                        _iter++;
                        continue;
                    }

                    PutStar();
                    PutNumber(index + 1);
                    Put(s_fetchOpen);
                }

                while (_item < items.Count)
                {
                    int i = _item++;
                    if (i > 0)
                    {
                        Put((byte)' ');
                    }

                    if (PutItem(m, i))
                    {
                        return false;   // a literal to stream; come back for the next item
                    }
                }

                Put((byte)')');
                PutCrlf();
                _item = 0;
                _iter++;
            }

            if (_fetchMissed)
            {
                No(s_noExpungeIssued);
            }
            else
            {
                Ok(s_okFetch);
            }

            return true;
        }

        // Scans the message if an item needs its structure, sets \Seen for BODY[] (§6.4.5), and
        // adds FLAGS to the answer when that changed them. False when the message is gone.
        private bool BeginMessage(ImapMessage m)
        {
            ImapFetchItems items = _items;
            _scanned = false;
            bool needScan = false;
            bool headerOnly = true;
            bool setSeen = false;
            for (int i = 0; i < items.Count; i++)
            {
                int k = items.Kind[i];
                if (k == ImapFetchItems.Envelope)
                {
                    needScan = true;
                }
                else if (k == ImapFetchItems.BodyStructure || k == ImapFetchItems.Body)
                {
                    needScan = true;
                    headerOnly = false;
                }
                else if (k == ImapFetchItems.Section)
                {
                    needScan |= items.PathLength[i] > 0 || items.Text[i] != ImapFetchItems.TextNone;
                    headerOnly &= items.PathLength[i] == 0 && items.Text[i] != ImapFetchItems.TextText;
                    setSeen |= !items.Peek[i];
                }
            }

            if (needScan)
            {
                IFileReader r = _server.Mailbox.Open(m);
                if (r == null)
                {
                    return false;
                }

                try
                {
                    Scanner.Scan(r, m.Size, headerOnly);
                }
                finally
                {
                    r.Close();
                }

                _scanned = true;
            }
            else if (m.Expunged && items.Has(ImapFetchItems.Section))
            {
                return false;
            }

            if (setSeen && !_readOnly && (m.Flags & ImapFlags.Seen) == 0 && _server.Mailbox.SetFlags(m, m.Flags | ImapFlags.Seen))
            {
                int i = _items.Count;
                if (!items.Has(ImapFetchItems.Flags) && items.Add(ImapFetchItems.Flags) < 0)
                {
                    items.Count = i;
                }
            }

            _known[_iter] = m.Flags;
            return true;
        }

        /// <summary>Writes item <paramref name="i"/>; true when it announced a literal the driver must stream now.</summary>
        private bool PutItem(ImapMessage m, int i)
        {
            ImapFetchItems items = _items;
            switch (items.Kind[i])
            {
                case ImapFetchItems.Flags:
                    Put(s_flagsSpace);
                    _outLength += ImapFlags.Format(m.Flags, _out, _outLength);
                    return false;
                case ImapFetchItems.Uid:
                    Put(s_outUid);
                    PutNumber(m.Uid);
                    return false;
                case ImapFetchItems.InternalDate:
                    Put(s_outInternalDate);
                    PutDate(m.InternalDate);
                    Put((byte)'"');
                    return false;
                case ImapFetchItems.Size:
                    Put(s_outSize);
                    PutNumber(m.Size);
                    return false;
                case ImapFetchItems.Envelope:
                    Put(s_outEnvelope);
                    PutEnvelope(0);
                    return false;
                case ImapFetchItems.BodyStructure:
                    Put(s_outBodyStructure);
                    PutBodyStructure(0, true);
                    return false;
                case ImapFetchItems.Body:
                    Put(s_outBodySp);
                    PutBodyStructure(0, false);
                    return false;
                default:
                    return PutSection(m, i);
            }
        }

        private bool PutSection(ImapMessage m, int i)
        {
            ImapFetchItems items = _items;
            int rfc = items.Rfc822[i];
            Put(rfc == 0 ? s_outBody : (rfc == 1 ? s_outRfc822 : (rfc == 2 ? s_outRfc822Header : s_outRfc822Text)));
            if (rfc == 0)
            {
                // §7.5.2 shows the section in upper case ("BODY[HEADER]" for "body[header]"); the
                // header field names inside "( )" are echoed as the client wrote them.
                int from = _outLength;
                Put(_cmd, items.EchoOffset[i], items.EchoLength[i]);
                bool inList = false;
                for (int k = from; k < _outLength; k++)
                {
                    byte c = _out[k];
                    if (c == (byte)'(' || c == (byte)')')
                    {
                        inList = c == (byte)'(';
                    }
                    else if (!inList && c >= (byte)'a' && c <= (byte)'z')
                    {
                        _out[k] = (byte)(c - 32);
                    }
                }
            }

            long start;
            long end;
            int text = items.Text[i];
            if (!SectionRange(i, out start, out end))
            {
                // §6.4.5: a part that does not exist reads as empty.
                start = 0;
                end = 0;
                text = ImapFetchItems.TextNone;
            }

            if (items.PartialStart[i] >= 0)
            {
                Put((byte)'<');
                PutNumber(items.PartialStart[i]);
                Put((byte)'>');
            }

            Put((byte)' ');
            if (text == ImapFetchItems.TextFields || text == ImapFetchItems.TextFieldsNot)
            {
                int n = FilterFields(m, start, end, i);
                long from = items.PartialStart[i] < 0 ? 0 : (items.PartialStart[i] < n ? items.PartialStart[i] : n);
                long count = items.PartialStart[i] < 0 ? n - from : (items.PartialLength[i] < n - from ? items.PartialLength[i] : n - from);
                Put((byte)'{');
                PutNumber(count);
                Put((byte)'}');
                PutCrlf();
                Put(_fields, (int)from, (int)count);
                return false;
            }

            long length = end - start;
            if (items.PartialStart[i] >= 0)
            {
                long s = items.PartialStart[i] < length ? items.PartialStart[i] : length;
                start += s;
                length -= s;
                if (items.PartialLength[i] < length)
                {
                    length = items.PartialLength[i];
                }
            }

            Put((byte)'{');
            PutNumber(length);
            Put((byte)'}');
            PutCrlf();
            if (length == 0)
            {
                return false;
            }

            IFileReader r = _server.Mailbox.Open(m);
            if (r == null)
            {
                // Gone between the scan and now: the literal promised must still come.
                throw new StoreException("message expunged during FETCH");
            }

            _body = r;
            _bodySkip = start;
            _bodyLength = length;
            return true;
        }

        /// <summary>RFC 9051 §6.4.5 section-spec: the octet range of the section; false when the part does not exist.</summary>
        private bool SectionRange(int i, out long start, out long end)
        {
            ImapFetchItems items = _items;
            ImapMessage m = _view[_iter];
            start = 0;
            end = m.Size;
            int text = items.Text[i];
            int pathLength = items.PathLength[i];
            if (pathLength == 0 && text == ImapFetchItems.TextNone)
            {
                return true;
            }

            if (!_scanned)
            {
                return false;
            }

            ImapBodyPart part = Scanner.Part(0);
            int context = 0;
            int cur = 0;
            for (int k = 0; k < pathLength; k++)
            {
                int n = items.Path[(i * ImapFetchItems.MaxPath) + k];
                ImapBodyPart c = Scanner.Part(context);
                if (c.Multipart)
                {
                    cur = c.FirstChild;
                    for (int j = 1; j < n && cur >= 0; j++)
                    {
                        cur = Scanner.Part(cur).NextSibling;
                    }

                    if (cur < 0)
                    {
                        return false;
                    }
                }
                else if (n == 1)
                {
                    cur = context;
                }
                else
                {
                    return false;
                }

                part = Scanner.Part(cur);
                if (k + 1 < pathLength)
                {
                    if (part.Message && part.FirstChild >= 0)
                    {
                        context = part.FirstChild;
                    }
                    else if (part.Multipart && cur != context)
                    {
                        context = cur;
                    }
                    else
                    {
                        return false;
                    }
                }
            }

            if (text == ImapFetchItems.TextMime)
            {
                start = part.HeaderStart;
                end = part.BodyStart;
                return true;
            }

            if (text == ImapFetchItems.TextNone)
            {
                start = part.BodyStart;
                end = part.End;
                return true;
            }

            // HEADER, HEADER.FIELDS, TEXT: of the message itself, or of a message/rfc822 part.
            if (pathLength > 0)
            {
                if (!part.Message || part.FirstChild < 0)
                {
                    return false;
                }

                part = Scanner.Part(part.FirstChild);
            }

            if (text == ImapFetchItems.TextText)
            {
                start = part.BodyStart;
                end = part.End;
            }
            else
            {
                start = part.HeaderStart;
                end = part.BodyStart;
            }

            return true;
        }

        /// <summary>HEADER.FIELDS [.NOT]: the matching fields (and the blank line) into _fields; returns their length.</summary>
        private int FilterFields(ImapMessage m, long start, long end, int i)
        {
            IFileReader r = _server.Mailbox.Open(m);
            if (r == null)
            {
                return 0;
            }

            int n = 0;
            bool keep = false;
            bool not = _items.Text[i] == ImapFetchItems.TextFieldsNot;
            byte[] line = _fieldLine;
            try
            {
                long pos = 0;
                int lineLength = 0;
                byte[] chunk = _fields;
                SkipTo(r, start);
                pos = start;
                int outLength = 0;
                while (pos < end)
                {
                    int want = (int)(end - pos < 256 ? end - pos : 256);
                    int got = r.Read(line, line.Length - 256, want);
                    if (got <= 0)
                    {
                        break;
                    }

                    for (int k = 0; k < got; k++)
                    {
                        byte c = line[line.Length - 256 + k];
                        if (lineLength < line.Length - 256)
                        {
                            line[lineLength++] = c;
                        }

                        if (c == 10)
                        {
                            bool continuation = lineLength > 0 && (line[0] == (byte)' ' || line[0] == (byte)'\t');
                            bool blank = lineLength <= 2;
                            if (!continuation)
                            {
                                keep = blank || (FieldListed(line, lineLength, i) != not);
                            }

                            if (keep && outLength + lineLength <= chunk.Length)
                            {
                                Array.Copy(line, 0, chunk, outLength, lineLength);
                                outLength += lineLength;
                            }

                            lineLength = 0;
                        }
                    }

                    pos += got;
                }

                n = outLength;
            }
            finally
            {
                r.Close();
            }

            return n;
        }

        private bool FieldListed(byte[] line, int length, int i)
        {
            int colon = Ascii.IndexOf(line, 0, length, (byte)':');
            if (colon <= 0)
            {
                return false;
            }

            ImapParser p = _parser;
            int save = p.Position;
            p.Reset(_cmd, _items.FieldsOffset[i], _items.FieldsLength[i]);
            bool found = false;
            do
            {
                int o;
                int l;
                if (!p.AString(out o, out l))
                {
                    break;
                }

                if (l == colon && SameIgnoreCase(line, 0, _cmd, o, l))
                {
                    found = true;
                }
            }
            while (p.Space());

            p.Position = save;
            return found;
        }

        private static bool SameIgnoreCase(byte[] a, int ao, byte[] b, int bo, int count)
        {
            for (int k = 0; k < count; k++)
            {
                if (Ascii.ToUpper(a[ao + k]) != Ascii.ToUpper(b[bo + k]))
                {
                    return false;
                }
            }

            return true;
        }

        private void SkipTo(IFileReader r, long start)
        {
            byte[] scratch = _fieldLine;
            long left = start;
            while (left > 0)
            {
                int n = r.Read(scratch, 0, left < scratch.Length ? (int)left : scratch.Length);
                if (n <= 0)
                {
                    return;
                }

                left -= n;
            }
        }

        /// <summary>RFC 9051 §9 date-time: "dd-Mon-yyyy hh:mm:ss +0000" from seconds since 1970 (UTC).</summary>
        private void PutDate(long seconds)
        {
            DateTime d = new DateTime(621355968000000000L + (seconds * 10000000L));
            Put2(d.Day);
            Put((byte)'-');
            Put(s_months, (d.Month - 1) * 3, 3);
            Put((byte)'-');
            PutNumber(d.Year);
            Put((byte)' ');
            Put2(d.Hour);
            Put((byte)':');
            Put2(d.Minute);
            Put((byte)':');
            Put2(d.Second);
            Put(s_zone);
        }

        private static readonly byte[] s_zone = Ascii.Bytes(" +0000");

        private void Put2(int n)
        {
            Put((byte)('0' + (n / 10)));
            Put((byte)('0' + (n % 10)));
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// RFC 9051 §6.3, the authenticated state: the device has one mailbox, INBOX. CREATE,
    /// DELETE and RENAME are refused: the store is one flat set of files with one prefix and no
    /// folder index, and a second mailbox would need one (and its own flash budget).
    /// </summary>
    public sealed partial class ImapServerSession
    {
        private static readonly byte[] s_inbox = Ascii.Bytes("INBOX");
        private static readonly byte[] s_okEnable = Ascii.Bytes("ENABLE completed");
        private static readonly byte[] s_enabled = Ascii.Bytes("* ENABLED");
        private static readonly byte[] s_rev2 = Ascii.Bytes("IMAP4REV2");
        private static readonly byte[] s_noMailbox = Ascii.Bytes("[NONEXISTENT] Only INBOX exists on this device.");
        private static readonly byte[] s_noFolders = Ascii.Bytes("[CANNOT] This device has one mailbox (INBOX) and no folders.");
        private static readonly byte[] s_okSubscribe = Ascii.Bytes("SUBSCRIBE completed");
        private static readonly byte[] s_exists = Ascii.Bytes(" EXISTS\r\n");
        private static readonly byte[] s_recent = Ascii.Bytes("* 0 RECENT\r\n");
        private static readonly byte[] s_flags = Ascii.Bytes("* FLAGS ");
        private static readonly byte[] s_permanentFlags = Ascii.Bytes("* OK [PERMANENTFLAGS ");
        private static readonly byte[] s_limited = Ascii.Bytes("] Limited\r\n");
        private static readonly byte[] s_uidValidity = Ascii.Bytes("* OK [UIDVALIDITY ");
        private static readonly byte[] s_uidsValid = Ascii.Bytes("] UIDs valid\r\n");
        private static readonly byte[] s_uidNext = Ascii.Bytes("* OK [UIDNEXT ");
        private static readonly byte[] s_predicted = Ascii.Bytes("] Predicted next UID\r\n");
        private static readonly byte[] s_listInbox = Ascii.Bytes("* LIST (\\HasNoChildren) \"/\" INBOX\r\n");
        private static readonly byte[] s_lsubInbox = Ascii.Bytes("* LSUB () \"/\" INBOX\r\n");
        private static readonly byte[] s_listRoot = Ascii.Bytes("* LIST (\\Noselect) \"/\" \"\"\r\n");
        private static readonly byte[] s_okList = Ascii.Bytes("LIST completed");
        private static readonly byte[] s_namespace = Ascii.Bytes("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n");
        private static readonly byte[] s_okNamespace = Ascii.Bytes("NAMESPACE completed");
        private static readonly byte[] s_readWrite = Ascii.Bytes("[READ-WRITE]");
        private static readonly byte[] s_readOnly = Ascii.Bytes("[READ-ONLY]");
        private static readonly byte[] s_okSelect = Ascii.Bytes("SELECT completed");
        private static readonly byte[] s_okExamine = Ascii.Bytes("EXAMINE completed");
        private static readonly byte[] s_closed = Ascii.Bytes("* OK [CLOSED] Previous mailbox closed.\r\n");
        private static readonly byte[] s_status = Ascii.Bytes("* STATUS INBOX (");
        private static readonly byte[] s_okStatus = Ascii.Bytes("STATUS completed");
        private static readonly byte[] s_idling = Ascii.Bytes("+ idling\r\n");
        private static readonly byte[] s_okIdle = Ascii.Bytes("IDLE terminated");
        private static readonly byte[] s_badDone = Ascii.Bytes("Expected DONE.");
        private static readonly byte[] s_done = Ascii.Bytes("DONE");
        private static readonly byte[] s_expungeLine = Ascii.Bytes(" EXPUNGE\r\n");
        private static readonly byte[] s_fetchOpen = Ascii.Bytes(" FETCH (");
        private static readonly byte[] s_uidSpace = Ascii.Bytes("UID ");
        private static readonly byte[] s_flagsSpace = Ascii.Bytes("FLAGS ");
        private static readonly byte[] s_rev2Enabled = Ascii.Bytes(" IMAP4rev2");

        private static readonly byte[][] s_statusItems = new byte[][]
        {
            Ascii.Bytes("MESSAGES"), Ascii.Bytes("UIDNEXT"), Ascii.Bytes("UIDVALIDITY"), Ascii.Bytes("UNSEEN"),
            Ascii.Bytes("DELETED"), Ascii.Bytes("SIZE"), Ascii.Bytes("RECENT"),
        };

        // The selected mailbox as this session sees it (RFC 9051 §2.3.1.2: its own numbers).
        private ImapMessage[] _view = new ImapMessage[0];
        private int[] _known = new int[0];
        private int _viewCount;
        private long _viewVersion = -1;
        private bool _readOnly;

        // §6.3.1 ENABLE: IMAP4rev2 switches SEARCH to ESEARCH answers (§7.3.4); others are ignored.
        internal static ImapResult DoEnable(ImapServerSession s, ImapParser p)
        {
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            bool rev2 = false;
            do
            {
                int o;
                int l;
                if (!p.Atom(false, out o, out l))
                {
                    return ImapResult.Bad;
                }

                rev2 |= Ascii.EqualsIgnoreCase(p.Buffer, o, l, s_rev2);
            }
            while (p.Space());

            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            s.Put(s_enabled);
            if (rev2 && !s._rev2)
            {
                s.Put(s_rev2Enabled);
            }

            s._rev2 |= rev2;
            s.PutCrlf();
            return s.Ok(s_okEnable);
        }

        internal static ImapResult DoSelect(ImapServerSession s, ImapParser p)
        {
            return s.Select(p, false);
        }

        internal static ImapResult DoExamine(ImapServerSession s, ImapParser p)
        {
            return s.Select(p, true);
        }

        // §6.3.4-6: no folders on the device (see the class summary).
        internal static ImapResult DoCreate(ImapServerSession s, ImapParser p)
        {
            int o;
            int l;
            if (!p.Space() || !p.AString(out o, out l) || !p.AtEnd)
            {
                return ImapResult.Bad;
            }

            return s.No(s_noFolders);
        }

        internal static ImapResult DoDelete(ImapServerSession s, ImapParser p)
        {
            return DoCreate(s, p);
        }

        internal static ImapResult DoRename(ImapServerSession s, ImapParser p)
        {
            int o;
            int l;
            if (!p.Space() || !p.AString(out o, out l) || !p.Space() || !p.AString(out o, out l) || !p.AtEnd)
            {
                return ImapResult.Bad;
            }

            return s.No(s_noFolders);
        }

        // §6.3.7-8: INBOX is always subscribed; the answer is OK for INBOX, NONEXISTENT else.
        internal static ImapResult DoSubscribe(ImapServerSession s, ImapParser p)
        {
            int o;
            int l;
            if (!p.Space() || !p.AString(out o, out l) || !p.AtEnd)
            {
                return ImapResult.Bad;
            }

            return Ascii.EqualsIgnoreCase(p.Buffer, o, l, s_inbox) ? s.Ok(s_okSubscribe) : s.No(s_noMailbox);
        }

        // §6.3.9 LIST [(selection-options)] reference pattern [RETURN (...)]. No special-use
        // attribute fits INBOX (RFC 6154 §2 names \Sent, \Trash, ... but not the inbox).
        internal static ImapResult DoList(ImapServerSession s, ImapParser p)
        {
            return s.List(p, false);
        }

        // RFC 3501 §6.3.9 LSUB (IMAP4rev1 clients).
        internal static ImapResult DoLsub(ImapServerSession s, ImapParser p)
        {
            return s.List(p, true);
        }

        // §6.3.10 NAMESPACE: one personal namespace, "" with "/".
        internal static ImapResult DoNamespace(ImapServerSession s, ImapParser p)
        {
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            s.Put(s_namespace);
            return s.Ok(s_okNamespace);
        }

        // §6.3.11 STATUS mailbox (items).
        internal static ImapResult DoStatus(ImapServerSession s, ImapParser p)
        {
            int o;
            int l;
            if (!p.Space() || !p.AString(out o, out l) || !p.Space() || !p.Take((byte)'('))
            {
                return ImapResult.Bad;
            }

            bool inbox = Ascii.EqualsIgnoreCase(p.Buffer, o, l, s_inbox);
            int wanted = 0;
            do
            {
                int ao;
                int al;
                if (!p.Atom(false, out ao, out al))
                {
                    return ImapResult.Bad;
                }

                int i = 0;
                while (i < s_statusItems.Length && !Ascii.EqualsIgnoreCase(p.Buffer, ao, al, s_statusItems[i]))
                {
                    i++;
                }

                if (i == s_statusItems.Length)
                {
                    return ImapResult.Bad;
                }

                wanted |= 1 << i;
            }
            while (p.Space());

            if (!p.Take((byte)')') || !p.AtEnd)
            {
                return ImapResult.Bad;
            }

            if (!inbox)
            {
                return s.No(s_noMailbox);
            }

            IImapMailbox mailbox = s._server.Mailbox;
            ImapMessage[] all = mailbox.Messages();
            long unseen = 0;
            long deleted = 0;
            long size = 0;
            for (int i = 0; i < all.Length; i++)
            {
                int f = all[i].Flags;
                unseen += (f & ImapFlags.Seen) == 0 ? 1 : 0;
                deleted += (f & ImapFlags.Deleted) != 0 ? 1 : 0;
                size += all[i].Size;
            }

            s.Put(s_status);
            bool first = true;
            for (int i = 0; i < s_statusItems.Length; i++)
            {
                if ((wanted & (1 << i)) == 0)
                {
                    continue;
                }

                if (!first)
                {
                    s.Put((byte)' ');
                }

                first = false;
                s.Put(s_statusItems[i]);
                s.Put((byte)' ');
                switch (i)
                {
                    case 0: s.PutNumber(all.Length); break;
                    case 1: s.PutNumber(mailbox.UidNext); break;
                    case 2: s.PutNumber(mailbox.UidValidity); break;
                    case 3: s.PutNumber(unseen); break;
                    case 4: s.PutNumber(deleted); break;
                    case 5: s.PutNumber(size); break;
                    default: s.PutNumber(0); break;   // \Recent is not kept (RFC 9051 drops it)
                }
            }

            s.Put((byte)')');
            s.PutCrlf();
            return s.Ok(s_okStatus);
        }

        // RFC 2177 §3 / RFC 9051 §6.3.13: "+ idling", then updates as they happen until DONE.
        internal static ImapResult DoIdle(ImapServerSession s, ImapParser p)
        {
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            // As RFC 2177's example shows: what changed before IDLE (EXPUNGE allowed), then "+ idling".
            s._work = WorkIdleStart;
            return ImapResult.Working;
        }

        private void IdleLine(byte[] buffer, int offset, int count)
        {
            _idling = false;
            _codeLength = 0;
            if (!Ascii.EqualsIgnoreCase(buffer, offset, count, s_done))
            {
                Tagged(s_bad, s_badDone);
                CountBad();
                return;
            }

            Ok(s_okIdle);
            _work = WorkReport;
            Continue();
        }

        private ImapResult Select(ImapParser p, bool readOnly)
        {
            int o;
            int l;
            if (!p.Space() || !p.AString(out o, out l))
            {
                return ImapResult.Bad;
            }

            // RFC 7162/RFC 4466 select parameters are not offered; anything after the name is BAD.
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            bool wasSelected = _state == ImapState.Selected;
            if (wasSelected)
            {
                // §6.3.2: a SELECT while selected closes the mailbox first, no expunge.
                _state = ImapState.Authenticated;
                Put(s_closed);
            }

            if (!Ascii.EqualsIgnoreCase(p.Buffer, o, l, s_inbox))
            {
                return No(s_noMailbox);
            }

            IImapMailbox mailbox = _server.Mailbox;
            _viewVersion = mailbox.Version;
            ImapMessage[] all = mailbox.Messages();
            _view = new ImapMessage[all.Length + 8];
            _known = new int[all.Length + 8];
            _viewCount = all.Length;
            for (int i = 0; i < all.Length; i++)
            {
                _view[i] = all[i];
                _known[i] = all[i].Flags;
            }

            _readOnly = readOnly;
            _state = ImapState.Selected;

            // §7.1 / §6.3.2: the required untagged responses.
            PutStar();
            PutNumber(_viewCount);
            Put(s_exists);
            if (!_rev2)
            {
                Put(s_recent);
            }

            Put(s_flags);
            Put(ImapFlags.FlagList);
            PutCrlf();
            Put(s_permanentFlags);
            if (readOnly)
            {
                Put((byte)'(');
                Put((byte)')');
            }
            else
            {
                Put(ImapFlags.PermanentFlags);
            }

            Put(s_limited);
            Put(s_uidValidity);
            PutNumber(mailbox.UidValidity);
            Put(s_uidsValid);
            Put(s_uidNext);
            PutNumber(mailbox.UidNext);
            Put(s_predicted);
            if (_rev2)
            {
                Put(s_listInbox);
            }

            Code(readOnly ? s_readOnly : s_readWrite);
            return Ok(readOnly ? s_okExamine : s_okSelect);
        }

        private ImapResult List(ImapParser p, bool lsub)
        {
            int ro;
            int rl;
            int po;
            int pl;
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            if (!lsub && p.Take((byte)'('))
            {
                // RFC 5258 selection options: read and ignored (SUBSCRIBED matches INBOX too).
                while (!p.Take((byte)')'))
                {
                    int o;
                    int l;
                    p.Space();
                    if (!p.Atom(false, out o, out l))
                    {
                        return ImapResult.Bad;
                    }
                }

                if (!p.Space())
                {
                    return ImapResult.Bad;
                }
            }

            if (!p.AString(out ro, out rl) || !p.Space() || !ListPattern(p, out po, out pl))
            {
                return ImapResult.Bad;
            }

            if (!lsub && p.Space())
            {
                // RFC 5258 §3 RETURN (...): read and ignored.
                int o;
                int l;
                if (!p.Atom(false, out o, out l) || !p.Space() || !p.Take((byte)'('))
                {
                    return ImapResult.Bad;
                }

                while (!p.Take((byte)')'))
                {
                    p.Space();
                    if (!p.Atom(false, out o, out l))
                    {
                        return ImapResult.Bad;
                    }
                }
            }

            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            if (pl == 0 && !lsub)
            {
                // §6.3.9: an empty pattern asks for the hierarchy delimiter.
                Put(s_listRoot);
            }
            else if (rl == 0 && Matches(p.Buffer, po, pl, s_inbox, 0))
            {
                Put(lsub ? s_lsubInbox : s_listInbox);
            }

            return Ok(s_okList);
        }

        // list-mailbox: an astring that may also hold "%" and "*" (RFC 9051 §9).
        private static bool ListPattern(ImapParser p, out int offset, out int length)
        {
            int c = p.Peek();
            if (c == '"' || c == '{')
            {
                return p.AString(out offset, out length);
            }

            offset = p.Position;
            while (!p.AtEnd && (ImapParser.IsAtomChar((byte)p.Peek()) || p.Peek() == '%' || p.Peek() == '*' || p.Peek() == ']'))
            {
                p.Position++;
            }

            length = p.Position - offset;
            return length > 0;
        }

        // "*" matches anything, "%" anything but "/"; INBOX is matched case-insensitively.
        private static bool Matches(byte[] b, int offset, int count, byte[] name, int at)
        {
            if (count == 0)
            {
                return at == name.Length;
            }

            byte c = b[offset];
            if (c == (byte)'*' || c == (byte)'%')
            {
                for (int i = at; i <= name.Length; i++)
                {
                    if (Matches(b, offset + 1, count - 1, name, i))
                    {
                        return true;
                    }
                }

                return false;
            }

            return at < name.Length && Ascii.ToUpper(c) == name[at] && Matches(b, offset + 1, count - 1, name, at + 1);
        }

        /// <summary>
        /// RFC 9051 §7: reports what changed since this session last looked, and takes it into
        /// its view: EXPUNGE (only when allowed, §7.5.1), flag changes as FETCH, new messages as
        /// EXISTS. Returns false when it ran out of room (call again after the output is written).
        /// </summary>
        private bool ReportStep(bool allowExpunge)
        {
            if (_state != ImapState.Selected)
            {
                return true;
            }

            IImapMailbox mailbox = _server.Mailbox;
            long version = mailbox.Version;
            if (version == _viewVersion)
            {
                return true;
            }

            if (allowExpunge)
            {
                for (int i = _viewCount - 1; i >= 0; i--)
                {
                    if (!_view[i].Expunged)
                    {
                        continue;
                    }

                    if (OutputFree < LineRoom)
                    {
                        return false;
                    }

                    PutStar();
                    PutNumber(i + 1);
                    Put(s_expungeLine);
                    System.Array.Copy(_view, i + 1, _view, i, _viewCount - i - 1);
                    System.Array.Copy(_known, i + 1, _known, i, _viewCount - i - 1);
                    _viewCount--;
                    _view[_viewCount] = null;
                }
            }

            for (int i = 0; i < _viewCount; i++)
            {
                ImapMessage m = _view[i];
                if (m.Expunged || m.Flags == _known[i])
                {
                    continue;
                }

                if (OutputFree < LineRoom)
                {
                    return false;
                }

                _known[i] = m.Flags;
                PutFlagsFetch(i, m, false);
            }

            // Room for the EXISTS line first: once new messages are in the view they are not new again.
            if (OutputFree < LineRoom)
            {
                return false;
            }

            ImapMessage[] all = mailbox.Messages();
            long last = _viewCount == 0 ? 0 : _view[_viewCount - 1].Uid;
            int added = 0;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Uid <= last)
                {
                    continue;
                }

                if (_viewCount == _view.Length)
                {
                    ImapMessage[] v = new ImapMessage[_view.Length + (all.Length - i) + 8];
                    int[] k = new int[v.Length];
                    System.Array.Copy(_view, v, _viewCount);
                    System.Array.Copy(_known, k, _viewCount);
                    _view = v;
                    _known = k;
                }

                _view[_viewCount] = all[i];
                _known[_viewCount] = all[i].Flags;
                _viewCount++;
                added++;
            }

            if (added > 0)
            {
                PutStar();
                PutNumber(_viewCount);
                Put(s_exists);
            }

            // Expunges held back (§7.5.1) keep the view behind the mailbox: look again next time.
            bool pending = false;
            for (int i = 0; i < _viewCount && !pending; i++)
            {
                pending = _view[i].Expunged;
            }

            _viewVersion = pending ? -1 : version;
            return true;
        }

        /// <summary>"* n FETCH (FLAGS (...))", with the UID when <paramref name="withUid"/>.</summary>
        private void PutFlagsFetch(int index, ImapMessage m, bool withUid)
        {
            PutStar();
            PutNumber(index + 1);
            Put(s_fetchOpen);
            if (withUid)
            {
                Put(s_uidSpace);
                PutNumber(m.Uid);
                Put((byte)' ');
            }

            Put(s_flagsSpace);
            _outLength += ImapFlags.Format(m.Flags, _out, _outLength);
            Put((byte)')');
            PutCrlf();
        }
    }
}

using NanoRelay.Framing;

namespace NanoRelay.Imap.Server
{
    /// <summary>RFC 9051 §6.4, the selected state: CLOSE, UNSELECT, EXPUNGE, STORE, COPY, MOVE, UID; message sets.</summary>
    public sealed partial class ImapServerSession
    {
        private static readonly byte[] s_okClose = Ascii.Bytes("CLOSE completed");
        private static readonly byte[] s_okUnselect = Ascii.Bytes("UNSELECT completed");
        private static readonly byte[] s_okExpunge = Ascii.Bytes("EXPUNGE completed");
        private static readonly byte[] s_okStore = Ascii.Bytes("STORE completed");
        private static readonly byte[] s_noReadOnly = Ascii.Bytes("[READ-ONLY] The mailbox was opened with EXAMINE.");
        private static readonly byte[] s_noInUse = Ascii.Bytes("[INUSE] A POP3 session holds the mailbox; try EXPUNGE after it ends.");
        private static readonly byte[] s_noExpungeFailed = Ascii.Bytes("[SERVERBUG] Some messages could not be removed.");
        private static readonly byte[] s_noStoreFailed = Ascii.Bytes("[SERVERBUG] Some flags could not be stored.");
        private static readonly byte[] s_noCopySelf = Ascii.Bytes("[CANNOT] This device has one mailbox (INBOX); a copy into it would only duplicate the message.");
        private static readonly byte[] s_noTryCreate = Ascii.Bytes("[TRYCREATE] Only INBOX exists on this device.");
        private static readonly byte[] s_badSequence = Ascii.Bytes("Invalid message sequence number.");
        private static readonly byte[] s_badLimit = Ascii.Bytes("[LIMIT] Too many ranges in the sequence set (at most " + Limits.ImapSequenceRanges + ").");
        private static readonly byte[] s_flagsKeyword = Ascii.Bytes("FLAGS");
        private static readonly byte[] s_silent = Ascii.Bytes(".SILENT");

        private readonly ImapSequenceSet _set = new ImapSequenceSet();
        private bool _uid;            // the command came as "UID ..." (RFC 9051 §6.4.9)
        private int _iter;            // the next view index a working command looks at
        private int _storeMode;       // 0: FLAGS, 1: +FLAGS, 2: -FLAGS
        private int _storeFlags;
        private bool _storeSilent;
        private bool _storeFailed;

        // §6.4.1 CLOSE: removes \Deleted messages silently (not after EXAMINE), back to authenticated.
        internal static ImapResult DoClose(ImapServerSession s, ImapParser p)
        {
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            if (!s._readOnly)
            {
                s.ExpungeDeleted(false);
            }

            s.Deselect();
            return s.Ok(s_okClose);
        }

        // §6.4.2 UNSELECT: back to authenticated, nothing removed.
        internal static ImapResult DoUnselect(ImapServerSession s, ImapParser p)
        {
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            s.Deselect();
            return s.Ok(s_okUnselect);
        }

        // §6.4.3 EXPUNGE (and §6.4.9 UID EXPUNGE set): the "* n EXPUNGE" lines come from the report.
        internal static ImapResult DoExpunge(ImapServerSession s, ImapParser p)
        {
            if (s._uid)
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
            }

            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            if (s._readOnly)
            {
                return s.No(s_noReadOnly);
            }

            if (s._server.Mailbox.IsPop3Locked)
            {
                return s.No(s_noInUse);
            }

            return s.ExpungeDeleted(s._uid) ? s.Ok(s_okExpunge) : s.No(s_noExpungeFailed);
        }

        // §6.4.6 STORE set [+|-]FLAGS[.SILENT] flags
        internal static ImapResult DoStore(ImapServerSession s, ImapParser p)
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

            s._storeMode = 0;
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            if (p.Take((byte)'+'))
            {
                s._storeMode = 1;
            }
            else if (p.Take((byte)'-'))
            {
                s._storeMode = 2;
            }

            if (!p.Keyword(s_flagsKeyword))
            {
                return ImapResult.Bad;
            }

            s._storeSilent = p.Keyword(s_silent);
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            bool list = p.Take((byte)'(');
            s._storeFlags = 0;
            bool first = true;
            while (!(list && p.Take((byte)')')) && !(!list && p.AtEnd))
            {
                if (!first && !p.Space())
                {
                    return ImapResult.Bad;
                }

                first = false;
                int o = p.Position;
                p.Take((byte)'\\');
                int ao;
                int al;
                if (!p.Atom(false, out ao, out al) && p.Position == o)
                {
                    return ImapResult.Bad;
                }

                int bit = ImapFlags.Parse(p.Buffer, o, p.Position - o);
                if (bit > 0)
                {
                    s._storeFlags |= bit;
                }

                // Keywords and \Recent are not kept (PERMANENTFLAGS has no \*): ignored.
            }

            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            if (s._readOnly)
            {
                return s.No(s_noReadOnly);
            }

            s._noExpunge = !s._uid;
            s._storeFailed = false;
            s._iter = 0;
            s._work = WorkStore;
            return ImapResult.Working;
        }

        // §6.4.7 COPY and §6.4.8 MOVE: the only mailbox is the selected one (see s_noCopySelf).
        internal static ImapResult DoCopy(ImapServerSession s, ImapParser p)
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

            int o;
            int l;
            if (!p.Space() || !p.AString(out o, out l) || !p.AtEnd)
            {
                return ImapResult.Bad;
            }

            return Ascii.EqualsIgnoreCase(p.Buffer, o, l, s_inbox) ? s.No(s_noCopySelf) : s.No(s_noTryCreate);
        }

        internal static ImapResult DoMove(ImapServerSession s, ImapParser p)
        {
            return DoCopy(s, p);
        }

        // §6.4.9 UID COPY / MOVE / FETCH / SEARCH / STORE / EXPUNGE.
        internal static ImapResult DoUid(ImapServerSession s, ImapParser p)
        {
            int o;
            int l;
            if (!p.Space() || !p.Atom(false, out o, out l))
            {
                return ImapResult.Bad;
            }

            ImapCommand c = null;
            for (int i = 0; i < ImapCommands.Selected.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(p.Buffer, o, l, ImapCommands.Selected[i].Name))
                {
                    c = ImapCommands.Selected[i];
                }
            }

            if (c == null || c.Handler == DoUid || c.Handler == DoClose || c.Handler == DoUnselect)
            {
                return ImapResult.Bad;
            }

            s._uid = true;
            ImapResult r = c.Handler(s, p);
            if (r != ImapResult.Working)
            {
                s._uid = false;
            }

            return r;
        }

        /// <summary>One step of STORE: as many messages as fit in the output.</summary>
        private bool StoreStep()
        {
            while (_iter < _viewCount)
            {
                if (OutputFree < LineRoom)
                {
                    return false;
                }

                int i = _iter++;
                ImapMessage m = _view[i];
                if (!InSet(i) || m.Expunged)
                {
                    continue;
                }

                int flags = _storeMode == 0 ? _storeFlags : (_storeMode == 1 ? m.Flags | _storeFlags : m.Flags & ~_storeFlags);
                if (!_server.Mailbox.SetFlags(m, flags))
                {
                    _storeFailed = true;
                    continue;
                }

                _known[i] = m.Flags;
                if (!_storeSilent)
                {
                    PutFlagsFetch(i, m, _uid);
                }
            }

            _uid = false;
            if (_storeFailed)
            {
                No(s_noStoreFailed);
            }
            else
            {
                Ok(s_okStore);
            }

            return true;
        }

        /// <summary>Removes the view's \Deleted messages (in the UID set when <paramref name="uidSet"/>); false when one failed.</summary>
        private bool ExpungeDeleted(bool uidSet)
        {
            bool ok = true;
            for (int i = 0; i < _viewCount; i++)
            {
                ImapMessage m = _view[i];
                if (m.Expunged || (m.Flags & ImapFlags.Deleted) == 0 || (uidSet && !InSet(i)))
                {
                    continue;
                }

                ok &= _server.Mailbox.Expunge(m);
            }

            _uid = false;
            return ok;
        }

        private void Deselect()
        {
            _state = ImapState.Authenticated;
            _view = new ImapMessage[0];
            _known = new int[0];
            _viewCount = 0;
        }

        /// <summary>Parses a sequence set into <see cref="_set"/>; Done, or Bad with its text (RFC 9051 §6.4.5 numbers past the last are BAD).</summary>
        private ImapResult ParseSet(ImapParser p)
        {
            int r = p.SequenceSet(_set);
            if (r < 0)
            {
                return Bad(s_badLimit);
            }

            if (r == 0)
            {
                return ImapResult.Bad;
            }

            if (!_uid && (_viewCount == 0 || _set.Largest(_viewCount) > _viewCount))
            {
                return Bad(s_badSequence);
            }

            return ImapResult.Done;
        }

        /// <summary>Whether view index <paramref name="i"/> is in the parsed set (by UID for UID commands).</summary>
        private bool InSet(int i)
        {
            if (_uid)
            {
                long star = _viewCount == 0 ? 0 : _view[_viewCount - 1].Uid;
                return _set.Contains(_view[i].Uid, star);
            }

            return _set.Contains(i + 1, _viewCount);
        }
    }
}

using System.Collections;
using NanoRelay.Imap;
using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// The mailbox as IMAP sessions share it (RFC 9051 §2.3): UIDs are the store's entry ids
    /// (ascending, never reused: MessageStore reserves them on flash), UIDVALIDITY lives in its
    /// own record file, flags in the entry's state record (content first, checksummed record
    /// last, so a power cut leaves the old flags or the new ones, never a mix).
    /// </summary>
    /// <remarks>
    /// Two deliveries may be written at once and commit in either order. RFC 9051 §2.3.1.1:
    /// UIDs are "assigned in a strictly ascending fashion", so a client that has seen UID 6 must
    /// never find UID 5 later. A message therefore becomes visible to IMAP only once no
    /// delivery with a smaller id is still being written, and UIDNEXT is the smallest such id.
    /// POP3 and IMAP: POP3 keeps its exclusive lock among POP3 sessions; IMAP sessions read and
    /// change flags beside it, but EXPUNGE waits ("NO [INUSE]") while POP3 holds the lock, so
    /// the POP3 session's message numbers stay valid. POP3's own deletions at QUIT reach IMAP
    /// sessions as EXPUNGE responses at their next report point.
    /// </remarks>
    public sealed partial class Mailbox : IImapMailbox
    {
        private const string UidValidityFile = Prefix + "_uidv.r";

        private readonly ArrayList _imap = new ArrayList();       // ImapMessage, UID ascending
        private readonly ArrayList _inFlight = new ArrayList();   // long ids being written
        private readonly byte[] _flagByte = new byte[1];
        private ImapMessage[] _visible;
        private long _uidValidity;
        private long _version;

        /// <summary>The clock for INTERNALDATE (RFC 9051 §2.3.3); null or untrusted: 0, shown as 1970.</summary>
        public IClock Clock { get; set; }

        public long UidValidity { get { return _uidValidity; } }

        public long UidNext
        {
            get
            {
                lock (_sync)
                {
                    long next = _store.NextId;
                    for (int i = 0; i < _inFlight.Count; i++)
                    {
                        long id = (long)_inFlight[i];
                        if (id < next)
                        {
                            next = id;
                        }
                    }

                    return next;
                }
            }
        }

        public long Version
        {
            get
            {
                lock (_sync)
                {
                    return _version;
                }
            }
        }

        public bool IsPop3Locked
        {
            get
            {
                lock (_sync)
                {
                    return _locked;
                }
            }
        }

        public ImapMessage[] Messages()
        {
            lock (_sync)
            {
                if (_visible == null)
                {
                    long limit = UidNext;
                    int n = 0;
                    while (n < _imap.Count && ((ImapMessage)_imap[n]).Uid < limit)
                    {
                        n++;
                    }

                    _visible = new ImapMessage[n];
                    for (int i = 0; i < n; i++)
                    {
                        _visible[i] = (ImapMessage)_imap[i];
                    }
                }

                return _visible;
            }
        }

        public IFileReader Open(ImapMessage message)
        {
            lock (_sync)
            {
                return _store.OpenContent((StoreEntry)message.Handle);
            }
        }

        public bool SetFlags(ImapMessage message, int flags)
        {
            lock (_sync)
            {
                StoreEntry e = (StoreEntry)message.Handle;
                flags &= ImapFlags.All;
                if (e.Removed)
                {
                    return false;
                }

                if (message.Flags == flags)
                {
                    return true;
                }

                _flagByte[0] = (byte)flags;
                try
                {
                    _store.WriteState(e, _flagByte, 1);
                }
                catch (StoreException)
                {
                    return false;
                }

                message.Flags = flags;
                _version++;
                return true;
            }
        }

        public bool Expunge(ImapMessage message)
        {
            lock (_sync)
            {
                StoreEntry e = (StoreEntry)message.Handle;
                if (_locked)
                {
                    return false;
                }

                try
                {
                    if (!_store.Remove(e))
                    {
                        return false;
                    }
                }
                catch (StoreException)
                {
                    return false;
                }

                string key = SourceKeyOf(e);
                if (key.Length > 0)
                {
                    _sourceKeys.Remove(key);
                }

                Departed(e);
            }

            // Outside the lock, as POP3's Remove: room again for what waits on a full mailbox.
            System.EventHandler removed = Removed;
            if (removed != null)
            {
                removed(this, System.EventArgs.Empty);
            }

            return true;
        }

        public IImapAppend BeginAppend(long size)
        {
            if (_store.MaxBytes > 0 && size > _store.MaxBytes)
            {
                throw new StoreException("message larger than the mailbox") { IsFull = true };
            }

            return BeginDelivery(null);
        }

        // At Open: the IMAP list from the recovered entries, and UIDVALIDITY from its record
        // (a new one when the record is missing: a new or wiped mailbox, or one from before IMAP).
        private void OpenImap(StoreEntry[] all)
        {
            _imap.Clear();
            _inFlight.Clear();
            for (int i = 0; i < all.Length; i++)
            {
                if (!all[i].Removed)
                {
                    _imap.Add(ToImap(all[i]));
                }
            }

            byte[] payload;
            if (StoreRecord.Read(_store.Files, UidValidityFile, StoreRecord.KindSequence, out payload) == RecordStatus.Ok && payload.Length == 4)
            {
                _uidValidity = ((long)payload[0] << 24) | ((long)payload[1] << 16) | ((long)payload[2] << 8) | payload[3];
            }

            if (_uidValidity == 0)
            {
                // RFC 9051 §2.3.1.1: a new UIDVALIDITY must be greater than any earlier one if
                // UIDs could repeat; the seconds since 1970 when the clock is set, else a random
                // 31-bit value (a client then resynchronises once, which is always safe).
                long v = ArrivalSeconds();
                if (v <= 0)
                {
                    byte[] r = new byte[4];
                    _random.NextBytes(r, 0, 4);
                    v = (((long)r[0] & 0x7F) << 24) | ((long)r[1] << 16) | ((long)r[2] << 8) | r[3];
                }

                _uidValidity = v == 0 ? 1 : (v & 0xFFFFFFFF);
                byte[] b = new byte[] { (byte)(_uidValidity >> 24), (byte)(_uidValidity >> 16), (byte)(_uidValidity >> 8), (byte)_uidValidity };
                if (_store.Files.Exists(UidValidityFile))
                {
                    _store.Files.Delete(UidValidityFile);
                }

                StoreRecord.Write(_store.Files, UidValidityFile, StoreRecord.KindSequence, b, 4);
            }

            _visible = null;
            _version++;
        }

        private static ImapMessage ToImap(StoreEntry e)
        {
            RecordReader r = new RecordReader(e.Meta, 0, e.Meta.Length);
            r.Text(Limits.Pop3UidMax);
            r.Text(SourceKeyMax);
            long date = 0;
            int flags = 0;
            if (!r.AtEnd)
            {
                date = r.Int64();
                flags = r.Byte();
                if (r.Failed)
                {
                    date = 0;
                    flags = 0;
                }
            }

            if (e.State != null && e.State.Length == 1)
            {
                flags = e.State[0];
            }

            return new ImapMessage(e.Id, e.ContentLength, date, flags & ImapFlags.All, e);
        }

        private long ArrivalSeconds()
        {
            IClock clock = Clock;
            if (clock == null || !clock.IsUtcTrusted)
            {
                return 0;
            }

            return (clock.UtcNow.Ticks - 621355968000000000L) / 10000000L;
        }

        // Called under _sync.
        private void BeganDelivery(long id)
        {
            _inFlight.Add(id);
            _visible = null;
        }

        private void EndedDelivery(long id)
        {
            _inFlight.Remove(id);
            _visible = null;
            _version++;
        }

        private void Arrived(StoreEntry entry, long date, int flags)
        {
            ImapMessage m = new ImapMessage(entry.Id, entry.ContentLength, date, flags, entry);
            int i = _imap.Count;
            while (i > 0 && ((ImapMessage)_imap[i - 1]).Uid > entry.Id)
            {
                i--;
            }

            _imap.Insert(i, m);
            _visible = null;
            _version++;
        }

        private void Departed(StoreEntry entry)
        {
            for (int i = 0; i < _imap.Count; i++)
            {
                ImapMessage m = (ImapMessage)_imap[i];
                if (m.Handle == entry)
                {
                    m.Expunged = true;
                    _imap.RemoveAt(i);
                    break;
                }
            }

            _visible = null;
            _version++;
        }
    }
}

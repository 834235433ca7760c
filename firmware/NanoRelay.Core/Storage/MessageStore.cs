using System.Collections;
using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// A crash-safe store of messages on the flat file-store port, shared by the spool (prefix
    /// "q") and the mailbox (prefix "m"). It never renames and never rewrites a file in place.
    /// </summary>
    /// <remarks>
    /// On flash, for an entry with id N (7 lowercase hex digits, P the one-letter prefix):
    ///   PNNNNNNN.msg  the content, raw bytes. Written and flushed first.
    ///   PNNNNNNN.env  the commit record (kind 'C'), written and flushed last: its presence with a
    ///                 valid checksum is the commit point; only then does the caller acknowledge.
    ///                 Payload: u32 id, u64 content length, u32 content CRC-32, owner bytes.
    ///   PNNNNNNN.tGG  a state record (kind 'S'), one per change, GG = generation mod 256 in hex.
    ///                 Payload: u32 id, u32 generation, owner bytes. The new one is flushed before
    ///                 the old one is deleted, so at most two exist and the highest valid wins.
    ///   PNNNNNNN.bad  a quarantine record (kind 'B', payload: the reason as UTF-8). Its presence
    ///                 retires the entry for good; the content is kept for a person to look at.
    ///   P_seq.tGG     the id reservation (kind 'Q'): u32 generation, u32 first id not reserved.
    ///                 Ids are reserved 32 at a time, so ids (and mailbox UIDs) are never reused
    ///                 even after the newest entry is deleted, at one small write per 32 entries.
    /// Every record file is "NR", kind, version 1, u32 payload length, payload, u32 CRC-32 of all
    /// before it (big-endian; see <see cref="StoreRecord"/>), and must be exactly that long.
    ///
    /// Removal deletes .env first (the entry is gone at that instant), then the state files, then
    /// the content. Recovery lists the prefix and treats every file as untrusted input: content
    /// without a commit record is an uncommitted ingest and is deleted; a commit record that is
    /// torn, corrupt, of another id, or whose content is missing or does not match its length and
    /// CRC is quarantined with the reason; invalid or superseded state files are deleted. Files
    /// whose names do not follow the pattern are left alone. Only the newest
    /// <see cref="Limits.StoreQuarantineKept"/> quarantined entries are kept.
    ///
    /// Bounds: at most <c>maxCount</c> entries and <c>maxBytes</c> of files; a new message is
    /// refused (StoreException.IsFull) once fewer than <see cref="Limits.StoreReserveBytes"/>
    /// would remain, and that reserve is what state records and deletions may still use. The
    /// file system's own free space is asked at the start and every 4 KB of content.
    ///
    /// Bytes written per message (10,000-message soak on the memory store, 400-byte messages):
    /// spool about content + 180 (commit record, one in-flight state record, the sequence
    /// record every 32 messages); mailbox about content + 46. No file name is written more than
    /// once per 8,192 messages (the sequence name wraps at 256 generations).
    /// </remarks>
    public sealed class MessageStore
    {
        private const string ContentExt = "msg";
        private const string CommitExt = "env";
        private const string BadExt = "bad";
        private const int CheckEvery = 4096;

        private readonly IFileStore _files;
        private readonly string _prefix;
        private readonly long _maxBytes;
        private readonly int _maxCount;
        private readonly ArrayList _entries = new ArrayList();   // StoreEntry, ascending id
        private readonly RecordWriter _record = new RecordWriter();
        private RecoveryReport _report;
        private long _nextId = 1;
        private long _reservedUpTo = 1;     // first id not covered by the sequence record
        private long _sequenceGeneration;
        private string _sequenceName;
        private long _usedBytes;
        private long _bytesWritten;

        // The one lock of the byte budget: ingress writers (Take, on their sessions' threads) and
        // the owner's records (state, commit, removal, under the owner's lock) all count through
        // Used, so neither loses the other's update.
        private readonly object _sync = new object();

        /// <summary>A store of the files named <paramref name="prefix"/>... (one letter), bounded by bytes and entries.</summary>
        public MessageStore(IFileStore files, string prefix, long maxBytes, int maxCount)
        {
            _files = files;
            _prefix = prefix;
            _maxBytes = maxBytes;
            _maxCount = maxCount;
        }

        public IFileStore Files { get { return _files; } }

        /// <summary>Committed entries now present.</summary>
        public int Count { get { return _entries.Count; } }

        /// <summary>Bytes of all files of this store (entries, quarantine, sequence).</summary>
        public long UsedBytes { get { lock (_sync) { return _usedBytes; } } }

        public long MaxBytes { get { return _maxBytes; } }

        /// <summary>Bytes this store has written since it was opened (flash wear figure).</summary>
        public long BytesWritten { get { lock (_sync) { return _bytesWritten; } } }

        /// <summary>Bytes written by the last commit (content, commit record and any sequence record).</summary>
        public long LastCommitBytes { get; private set; }

        /// <summary>The id the next <see cref="Begin"/> will give (ids only grow, never reused).</summary>
        public long NextId { get { return _nextId; } }

        /// <summary>The last recovery's findings (null before <see cref="Recover"/>).</summary>
        public RecoveryReport LastRecovery { get { return _report; } }

        /// <summary>The committed entries in id order (a copy).</summary>
        public StoreEntry[] Entries()
        {
            return (StoreEntry[])_entries.ToArray(typeof(StoreEntry));
        }

        /// <summary>The entry with that id, or null.</summary>
        public StoreEntry Find(long id)
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                StoreEntry e = (StoreEntry)_entries[i];
                if (e.Id == id)
                {
                    return e;
                }
            }

            return null;
        }

        /// <summary>Starts a new message; throws StoreException (IsFull) when the store has no room for one.</summary>
        public StoreWriter Begin()
        {
            bool room;
            lock (_sync)
            {
                room = BudgetHasRoomFor(0);
            }

            if (_entries.Count >= _maxCount || !room || !DeviceHasRoomFor(0))
            {
                throw new StoreException("store full") { IsFull = true };
            }

            long bytes = 0;
            if (_nextId >= _reservedUpTo)
            {
                bytes = Reserve();
            }

            long id = _nextId++;
            string name = NameOf(id, ContentExt);

            // A leftover of an uncommitted ingest cannot exist past recovery, but never trust that.
            if (_files.Exists(name))
            {
                Used(-Length(name), 0);
                _files.Delete(name);
            }

            IFileWriter w = _files.Create(name);
            return new StoreWriter(this, id, w, bytes);
        }

        /// <summary>Opens an entry's content, or null if it vanished.</summary>
        public IFileReader OpenContent(StoreEntry entry)
        {
            return entry.Removed ? null : _files.OpenRead(NameOf(entry.Id, ContentExt));
        }

        /// <summary>
        /// Records a new state for the entry: a new generation file, flushed, then the old one
        /// deleted. May use the reserve, so a full store can still advance.
        /// </summary>
        public void WriteState(StoreEntry entry, byte[] payload, int count)
        {
            long gen = entry.Generation + 1;
            _record.Clear();
            _record.UInt32(entry.Id);
            _record.UInt32(gen & 0xFFFFFFFF);
            for (int i = 0; i < count; i++)
            {
                _record.Byte(payload[i]);
            }

            string name = NameOf(entry.Id, StateExt(gen));
            if (_files.Exists(name))
            {
                // Generation numbers wrap at 256 in the name; a file left there is stale.
                Used(-Length(name), 0);
                _files.Delete(name);
            }

            int written = StoreRecord.Write(_files, name, StoreRecord.KindState, _record.Buffer, _record.Length);
            _record.Release();
            Used(written, written);
            entry.OnFlashBytes += written;

            string old = entry.StateName;
            entry.StateName = name;
            entry.Generation = gen;
            byte[] copy = new byte[count];
            System.Array.Copy(payload, copy, count);
            entry.State = copy;
            if (old != null)
            {
                long l = Length(old);
                if (_files.Delete(old))
                {
                    Used(-l, 0);
                    entry.OnFlashBytes -= l;
                }
            }
        }

        /// <summary>Removes the entry for good: commit record first (the entry is gone then), then the rest.</summary>
        public bool Remove(StoreEntry entry)
        {
            if (entry.Removed)
            {
                return false;
            }

            string commit = NameOf(entry.Id, CommitExt);
            long l = Length(commit);
            if (!_files.Delete(commit))
            {
                return false;
            }

            Used(-l, 0);
            entry.Removed = true;
            _entries.Remove(entry);

            if (entry.StateName != null)
            {
                DeleteCounted(entry.StateName);
            }

            DeleteCounted(NameOf(entry.Id, ContentExt));
            return true;
        }

        /// <summary>
        /// Retires a committed entry whose owner found its record unusable (an envelope that
        /// does not parse): the reason is recorded, the entry is never sent or served again.
        /// </summary>
        public void Quarantine(StoreEntry entry, string reason)
        {
            byte[] why = NanoRelay.Framing.Utf8.GetBytes(reason);
            int w = StoreRecord.Write(_files, NameOf(entry.Id, BadExt), StoreRecord.KindBad, why, why.Length < Limits.StoreReasonMax ? why.Length : Limits.StoreReasonMax);
            Used(w, w);
            entry.Removed = true;
            _entries.Remove(entry);
            DeleteCounted(NameOf(entry.Id, CommitExt));
            if (entry.StateName != null)
            {
                DeleteCounted(entry.StateName);
            }

            if (_report != null)
            {
                _report.AddQuarantined(new QuarantinedEntry(entry.Id, reason));
                _report.NewlyQuarantined++;
            }
        }

        /// <summary>Deletes every file of a quarantined entry; false when there was none.</summary>
        public bool DropQuarantined(long id)
        {
            if (!_files.Exists(NameOf(id, BadExt)))
            {
                return false;
            }

            DeleteCounted(NameOf(id, ContentExt));
            DeleteCounted(NameOf(id, BadExt));
            return true;
        }

        /// <summary>
        /// Reads the store from flash: keeps what is committed and whole, deletes uncommitted
        /// leftovers, quarantines what is torn or corrupt. Needs no operator; call once at start.
        /// </summary>
        public RecoveryReport Recover()
        {
            RecoveryReport report = new RecoveryReport();
            _entries.Clear();
            lock (_sync)
            {
                _usedBytes = 0;
            }

            string[] names = _files.List(_prefix);
            ArrayList sequences = new ArrayList();
            long[] ids = new long[names.Length];
            string[] exts = new string[names.Length];
            int count = 0;
            long maxId = 0;
            for (int i = 0; i < names.Length; i++)
            {
                string n = names[i];
                if (n.Length == _prefix.Length + 8 && n.Substring(_prefix.Length, 6) == "_seq.t" && IsHex(n, _prefix.Length + 6, 2))
                {
                    sequences.Add(n);
                    Used(Length(n), 0);
                    continue;
                }

                long id;
                string ext;
                if (!TryParseName(n, out id, out ext))
                {
                    continue;
                }

                Used(Length(n), 0);
                ids[count] = id;
                exts[count] = ext;
                count++;
                if (id > maxId)
                {
                    maxId = id;
                }
            }

            RecoverSequence(sequences, report);

            // Ascending id order, so entries (and mailbox message numbers) keep arrival order.
            SortById(ids, exts, count);
            byte[] buffer = new byte[512];
            int start = 0;
            while (start < count)
            {
                int end = start + 1;
                while (end < count && ids[end] == ids[start])
                {
                    end++;
                }

                ArrayList group = new ArrayList();
                for (int i = start; i < end; i++)
                {
                    group.Add(exts[i]);
                }

                RecoverEntry(ids[start], group, report, buffer);
                start = end;
            }

            PruneQuarantine(report);
            _nextId = maxId + 1 > _reservedUpTo ? maxId + 1 : _reservedUpTo;
            if (_nextId < 1)
            {
                _nextId = 1;
            }

            report.Recovered = _entries.Count;
            _report = report;
            return report;
        }

        /// <summary>
        /// Takes <paramref name="count"/> more content octets from the budget for a writer that
        /// has written <paramref name="before"/> so far: the one question a write asks. Throws
        /// StoreException (IsFull) when the store's budget, less the reserve, cannot hold them.
        /// </summary>
        internal void Take(long before, long count)
        {
            // The file system's free space is asked at the first write and each time another
            // CheckEvery octets begin; the reserve, larger than CheckEvery, absorbs what is
            // written in between.
            bool deviceOk = true;
            if (before == 0 || before / CheckEvery != (before + count) / CheckEvery)
            {
                deviceOk = DeviceHasRoomFor(count + CheckEvery);
            }

            lock (_sync)
            {
                if (!deviceOk || !BudgetHasRoomFor(count))
                {
                    throw new StoreException("store full") { IsFull = true };
                }

                _usedBytes += count;
                _bytesWritten += count;
            }
        }

        // Call under _sync.
        private bool BudgetHasRoomFor(long more)
        {
            return _maxBytes <= 0 || _usedBytes + more + Limits.StoreReserveBytes <= _maxBytes;
        }

        private bool DeviceHasRoomFor(long more)
        {
            long free = _files.FreeBytes;
            return free < 0 || free - more >= Limits.StoreReserveBytes;
        }

        internal void AbortCommit(long id, long written)
        {
            Used(-written, 0);

            try
            {
                // The caller was told the commit failed: nothing of it may survive to be sent.
                _files.Delete(NameOf(id, CommitExt));
                _files.Delete(NameOf(id, ContentExt));
            }
            catch (StoreException)
            {
                // A power cut: recovery finds either a whole commit (the acknowledgement was
                // lost, as when a cut falls between fsync and "250") or none.
            }
        }

        internal StoreEntry CommitContent(long id, long length, uint crc, byte[] meta, int offset, int count, long extraBytes)
        {
            _record.Clear();
            _record.UInt32(id);
            _record.Int64(length);
            _record.UInt32(crc);
            for (int i = 0; i < count; i++)
            {
                _record.Byte(meta[offset + i]);
            }

            int written = StoreRecord.Write(_files, NameOf(id, CommitExt), StoreRecord.KindCommit, _record.Buffer, _record.Length);
            _record.Release();
            Used(written, written);
            byte[] m = new byte[count];
            System.Array.Copy(meta, offset, m, 0, count);
            StoreEntry e = new StoreEntry(id, length, crc, m);
            e.OnFlashBytes = length + written;
            _entries.Add(e);
            LastCommitBytes = length + written + extraBytes;
            return e;
        }

        internal void AbortContent(long id, long written)
        {
            Used(-written, 0);

            try
            {
                _files.Delete(NameOf(id, ContentExt));
            }
            catch (StoreException)
            {
                // Recovery deletes content without a commit record.
            }
        }

        private long Reserve()
        {
            long gen = _sequenceGeneration + 1;
            long upTo = _nextId + Limits.StoreSequenceBlock;
            _record.Clear();
            _record.UInt32(gen & 0xFFFFFFFF);
            _record.UInt32(upTo & 0xFFFFFFFF);
            string name = _prefix + "_seq.t" + Hex2(gen);
            if (_files.Exists(name))
            {
                DeleteCounted(name);
            }

            int written = StoreRecord.Write(_files, name, StoreRecord.KindSequence, _record.Buffer, _record.Length);
            _record.Release();
            Used(written, written);
            string old = _sequenceName;
            _sequenceName = name;
            _sequenceGeneration = gen;
            _reservedUpTo = upTo;
            if (old != null)
            {
                DeleteCounted(old);
            }

            return written;
        }

        // Keeps the newest Limits.StoreQuarantineKept quarantined entries; no operator is needed
        // for the store to stay usable.
        private void PruneQuarantine(RecoveryReport report)
        {
            QuarantinedEntry[] q = report.Quarantined;
            int excess = q.Length - Limits.StoreQuarantineKept;
            if (excess <= 0)
            {
                return;
            }

            // Recovery lists them in ascending id order: the first ones are the oldest.
            for (int i = 0; i < excess; i++)
            {
                DropQuarantined(q[i].Id);
            }

            report.RemoveOldestQuarantined(excess);
        }

        private void RecoverSequence(ArrayList names, RecoveryReport report)
        {
            long bestGen = -1;
            string best = null;
            for (int i = 0; i < names.Count; i++)
            {
                byte[] p;
                string n = (string)names[i];
                if (StoreRecord.Read(_files, n, StoreRecord.KindSequence, out p) != RecordStatus.Ok)
                {
                    continue;
                }

                RecordReader r = new RecordReader(p, 0, p.Length);
                long gen = r.UInt32();
                long upTo = r.UInt32();
                if (r.AtEnd && gen > bestGen && n == _prefix + "_seq.t" + Hex2(gen))
                {
                    bestGen = gen;
                    best = n;
                    _reservedUpTo = upTo;
                }
            }

            for (int i = 0; i < names.Count; i++)
            {
                string n = (string)names[i];
                if (n != best)
                {
                    DeleteCounted(n);
                    report.OrphansRemoved++;
                }
            }

            _sequenceName = best;
            _sequenceGeneration = bestGen < 0 ? 0 : bestGen;
        }

        private void RecoverEntry(long id, ArrayList exts, RecoveryReport report, byte[] buffer)
        {
            string reason = null;
            if (exts.Contains(BadExt))
            {
                byte[] p;
                bool readable = StoreRecord.Read(_files, NameOf(id, BadExt), StoreRecord.KindBad, out p) == RecordStatus.Ok;
                if (!readable && exts.Contains(CommitExt))
                {
                    // The quarantine record itself was cut short, before the commit record was
                    // retired: judge the entry again from scratch (it ends quarantined again).
                    DeleteCounted(NameOf(id, BadExt));
                    exts.Remove(BadExt);
                }
                else
                {
                    // A quarantine begun before a power cut: finish it.
                    RetireLeftovers(id, exts, report);
                    report.AddQuarantined(new QuarantinedEntry(id, readable ? NanoRelay.Framing.Utf8.GetString(p, 0, p.Length) : "reason unreadable"));
                    return;
                }
            }

            if (!exts.Contains(CommitExt))
            {
                // Never committed, never acknowledged: an ingest or a removal cut short.
                for (int i = 0; i < exts.Count; i++)
                {
                    DeleteCounted(NameOf(id, (string)exts[i]));
                }

                report.OrphansRemoved++;
                return;
            }

            byte[] payload;
            RecordStatus s = StoreRecord.Read(_files, NameOf(id, CommitExt), StoreRecord.KindCommit, out payload);
            StoreEntry entry = null;
            if (s != RecordStatus.Ok)
            {
                reason = "commit record " + StoreRecord.Describe(s);
            }
            else
            {
                RecordReader r = new RecordReader(payload, 0, payload.Length);
                long recordId = r.UInt32();
                long length = r.Int64();
                uint crc = (uint)r.UInt32();
                if (r.Failed || recordId != id || length < 0)
                {
                    reason = "commit record malformed";
                }
                else if (!exts.Contains(ContentExt))
                {
                    reason = "commit record without content";
                }
                else
                {
                    reason = CheckContent(id, length, crc, buffer);
                    if (reason == null)
                    {
                        int metaStart = 16;
                        byte[] meta = new byte[payload.Length - metaStart];
                        System.Array.Copy(payload, metaStart, meta, 0, meta.Length);
                        entry = new StoreEntry(id, length, crc, meta);
                        entry.OnFlashBytes = length + payload.Length + StoreRecord.Overhead;
                    }
                }
            }

            if (entry == null)
            {
                Quarantine(id, exts, reason, report);
                return;
            }

            RecoverState(entry, exts, report);
            _entries.Add(entry);
        }

        private void RecoverState(StoreEntry entry, ArrayList exts, RecoveryReport report)
        {
            long bestGen = 0;
            string best = null;
            byte[] bestPayload = null;
            for (int i = 0; i < exts.Count; i++)
            {
                string ext = (string)exts[i];
                if (ext[0] != 't')
                {
                    continue;
                }

                string n = NameOf(entry.Id, ext);
                byte[] p;
                if (StoreRecord.Read(_files, n, StoreRecord.KindState, out p) != RecordStatus.Ok)
                {
                    continue;
                }

                RecordReader r = new RecordReader(p, 0, p.Length);
                long recordId = r.UInt32();
                long gen = r.UInt32();
                if (!r.Failed && recordId == entry.Id && gen > bestGen && ext == StateExt(gen))
                {
                    bestGen = gen;
                    best = n;
                    bestPayload = p;
                }
            }

            for (int i = 0; i < exts.Count; i++)
            {
                string ext = (string)exts[i];
                string n = NameOf(entry.Id, ext);
                if (ext[0] == 't' && n != best)
                {
                    DeleteCounted(n);
                    report.OrphansRemoved++;
                }
            }

            if (best != null)
            {
                byte[] state = new byte[bestPayload.Length - 8];
                System.Array.Copy(bestPayload, 8, state, 0, state.Length);
                entry.State = state;
                entry.Generation = bestGen;
                entry.StateName = best;
                entry.OnFlashBytes += bestPayload.Length + StoreRecord.Overhead;
            }
        }

        // Null when the content is whole, else the reason.
        private string CheckContent(long id, long length, uint crc, byte[] buffer)
        {
            IFileReader r = _files.OpenRead(NameOf(id, ContentExt));
            if (r == null)
            {
                return "commit record without content";
            }

            try
            {
                if (r.Length != length)
                {
                    return "content is " + r.Length.ToString() + " bytes, commit record says " + length.ToString();
                }

                Crc32 c = new Crc32();
                long left = length;
                while (left > 0)
                {
                    int n = r.Read(buffer, 0, left < buffer.Length ? (int)left : buffer.Length);
                    if (n <= 0)
                    {
                        return "content unreadable";
                    }

                    c.Update(buffer, 0, n);
                    left -= n;
                }

                return c.Value == crc ? null : "content checksum mismatch";
            }
            finally
            {
                r.Close();
            }
        }

        private void Quarantine(long id, ArrayList exts, string reason, RecoveryReport report)
        {
            byte[] why = NanoRelay.Framing.Utf8.GetBytes(reason);
            try
            {
                int w = StoreRecord.Write(_files, NameOf(id, BadExt), StoreRecord.KindBad, why, why.Length < Limits.StoreReasonMax ? why.Length : Limits.StoreReasonMax);
                Used(w, w);
                RetireLeftovers(id, exts, report);
                report.AddQuarantined(new QuarantinedEntry(id, reason));
                report.NewlyQuarantined++;
            }
            catch (StoreException e)
            {
                if (!e.IsFull)
                {
                    throw;
                }

                // No room even for the reason: the entry cannot be kept for a person, but it must
                // never be served; delete it (commit record first).
                DeleteCounted(NameOf(id, CommitExt));
                for (int i = 0; i < exts.Count; i++)
                {
                    DeleteCounted(NameOf(id, (string)exts[i]));
                }

                report.OrphansRemoved++;
            }
        }

        // A quarantined entry keeps its content and .bad; its commit and state records go.
        private void RetireLeftovers(long id, ArrayList exts, RecoveryReport report)
        {
            for (int i = 0; i < exts.Count; i++)
            {
                string ext = (string)exts[i];
                if (ext != BadExt && ext != ContentExt)
                {
                    DeleteCounted(NameOf(id, ext));
                }
            }
        }

        private void Used(long delta, long written)
        {
            lock (_sync)
            {
                _usedBytes += delta;
                _bytesWritten += written;
            }
        }

        private void DeleteCounted(string name)
        {
            long l = Length(name);
            if (_files.Delete(name))
            {
                Used(-l, 0);
            }
        }

        private long Length(string name)
        {
            long l = _files.Length(name);
            return l < 0 ? 0 : l;
        }

        private bool TryParseName(string n, out long id, out string ext)
        {
            id = 0;
            ext = null;
            int p = _prefix.Length;
            if (n.Length != p + 11 || n[p + 7] != '.' || !IsHex(n, p, 7))
            {
                return false;
            }

            for (int i = p; i < p + 7; i++)
            {
                id = (id << 4) | (long)HexValue(n[i]);
            }

            ext = n.Substring(p + 8);
            if (ext == ContentExt || ext == CommitExt || ext == BadExt)
            {
                return id > 0;
            }

            return id > 0 && ext[0] == 't' && IsHex(n, p + 9, 2);
        }

        private string NameOf(long id, string ext)
        {
            char[] c = new char[7];
            for (int i = 6; i >= 0; i--)
            {
                c[i] = HexDigit((int)(id & 0xF));
                id >>= 4;
            }

            return _prefix + new string(c) + "." + ext;
        }

        private static string StateExt(long gen)
        {
            return "t" + Hex2(gen);
        }

        private static string Hex2(long v)
        {
            char[] c = new char[2];
            c[0] = HexDigit((int)((v >> 4) & 0xF));
            c[1] = HexDigit((int)(v & 0xF));
            return new string(c);
        }

        private static char HexDigit(int v)
        {
            return (char)(v < 10 ? '0' + v : 'a' + v - 10);
        }

        private static int HexValue(char c)
        {
            return c <= '9' ? c - '0' : c - 'a' + 10;
        }

        private static bool IsHex(string s, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                char c = s[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        private static void SortById(long[] ids, string[] exts, int count)
        {
            // Shell sort (no generics on the device); recovery runs once, on a listing that is
            // often nearly in order already.
            for (int gap = count / 2; gap > 0; gap /= 2)
            {
                for (int i = gap; i < count; i++)
                {
                    long id = ids[i];
                    string ext = exts[i];
                    int j = i;
                    while (j >= gap && ids[j - gap] > id)
                    {
                        ids[j] = ids[j - gap];
                        exts[j] = exts[j - gap];
                        j -= gap;
                    }

                    ids[j] = id;
                    exts[j] = ext;
                }
            }
        }
    }
}

using System;
using System.Collections;
using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// The outgoing queue on a <see cref="MessageStore"/> with prefix "q": messages with their
    /// envelope and per-recipient state, ordered by due time on the monotonic clock.
    /// </summary>
    /// <remarks>
    /// Commit record owner bytes (the envelope, fixed): version 2; key, sender, recipient count
    /// (u32, 1..100) and each recipient, Message-ID, each length-prefixed; creation time (u64
    /// ticks, 0 when the wall clock was untrusted); flags (bit 0: the content has 8-bit octets,
    /// RFC 6152, decided by the writer as the content was stored). A version 1 envelope (written
    /// before the flag) has no flags byte: its flag is unknown, and the content is scanned once
    /// per start, at its first attempt (<see cref="SpoolEntry.EightBitKnown"/>).
    /// State record owner bytes (rewritten after each change): flags (bit 0: attempt in flight),
    /// u32 attempts, u64 age in ms, u64 remaining wait in ms, u32 ambiguous outcomes, last error,
    /// u32 recipient count, then per recipient a state byte and the last reply.
    /// Ages and waits are monotonic durations, not dates: a wall-clock jump changes neither, and
    /// time spent powered off does not count against the lifetime.
    /// </remarks>
    public sealed class Spool
    {
        /// <summary>The file-name prefix of the spool's files.</summary>
        public const string Prefix = "q";

        private const int Version = 2;
        private const int VersionWithoutFlags = 1;
        private const int FlagEightBit = 1;
        private const int KeyMax = 64;
        private const int FlagInFlight = 1;

        private readonly MessageStore _store;
        private readonly IClock _clock;
        private readonly IRandom _random;
        private readonly ArrayList _entries = new ArrayList();   // SpoolEntry
        private readonly RecordWriter _record = new RecordWriter();
        private readonly object _sync = new object();
        private string _bootNonce;

        /// <summary>A spool on <paramref name="files"/> bounded by bytes (spool.maxBytes) and entries.</summary>
        public Spool(IFileStore files, IClock clock, IRandom random, long maxBytes, int maxCount)
        {
            _store = new MessageStore(files, Prefix, maxBytes, maxCount);
            _clock = clock;
            _random = random;
        }

        public MessageStore Store { get { return _store; } }

        /// <summary>Raised after each durable commit, outside the spool's lock (the relay wakes); may be null.</summary>
        public event EventHandler Committed;

        public int Count { get { return _entries.Count; } }

        /// <summary>Entries a reboot found in flight: each may have reached the upstream already (counted, RFC 1047).</summary>
        public int FoundInFlight { get; private set; }

        /// <summary>Recovers the spool (call once at start). Envelopes are checked like network input.</summary>
        public RecoveryReport Open()
        {
            lock (_sync)
            {
                RecoveryReport report = _store.Recover();
                _entries.Clear();
                FoundInFlight = 0;
                byte[] n = new byte[4];
                _random.NextBytes(n, 0, 4);
                byte[] hex = new byte[8];
                NanoRelay.Crypto.Hex.Encode(n, 0, 4, hex, 0);
                _bootNonce = NanoRelay.Framing.Utf8.GetString(hex, 0, 8);

                long now = _clock.MonotonicMilliseconds;
                StoreEntry[] all = _store.Entries();
                for (int i = 0; i < all.Length; i++)
                {
                    SpoolEntry e = new SpoolEntry(all[i]);
                    string reason = ParseEnvelope(e);
                    if (reason == null)
                    {
                        reason = ParseState(e, now);
                    }

                    if (reason != null)
                    {
                        _store.Quarantine(all[i], reason);
                        continue;
                    }

                    _entries.Add(e);
                    if (e.InFlight)
                    {
                        // Counted once: the flag is cleared on flash, so another reboot before
                        // the retry does not count the same event again.
                        FoundInFlight++;
                        e.InFlight = false;
                        Save(e);
                    }

                    all[i].ReleaseRecords();   // parsed: the RAM index keeps the fields, not the raw records
                }

                return report;
            }
        }

        /// <summary>
        /// Starts queueing a message: content goes into the returned writer, then its Commit.
        /// Throws StoreException (IsFull: SMTP 452, RFC 5321 §4.5.3.1.10) when the spool has no
        /// room, ArgumentException when the envelope is out of bounds.
        /// </summary>
        public StoreWriter Begin(string sender, string[] recipients, string messageId)
        {
            if (sender == null || sender.Length > Limits.SmtpPathOctets || recipients == null || recipients.Length == 0 || recipients.Length > Limits.SmtpRecipients)
            {
                throw new ArgumentException("envelope out of bounds");
            }

            for (int i = 0; i < recipients.Length; i++)
            {
                if (recipients[i] == null || recipients[i].Length == 0 || recipients[i].Length > Limits.SmtpPathOctets)
                {
                    throw new ArgumentException("recipient out of bounds");
                }
            }

            lock (_sync)
            {
                StoreWriter w = _store.Begin();
                w.Spool = this;
                w.Sender = sender;
                w.Recipients = recipients;
                w.MessageId = messageId == null ? string.Empty : messageId;
                return w;
            }
        }

        /// <summary>The entries ordered by due time (then id): what `hostsim queue` lists.</summary>
        public SpoolEntry[] List()
        {
            lock (_sync)
            {
                SpoolEntry[] a = (SpoolEntry[])_entries.ToArray(typeof(SpoolEntry));
                for (int i = 1; i < a.Length; i++)
                {
                    SpoolEntry v = a[i];
                    int j = i - 1;
                    while (j >= 0 && Before(v, a[j]))
                    {
                        a[j + 1] = a[j];
                        j--;
                    }

                    a[j + 1] = v;
                }

                return a;
            }
        }

        /// <summary>The earliest entry due at or before now, or null.</summary>
        public SpoolEntry NextDue()
        {
            lock (_sync)
            {
                long now = _clock.MonotonicMilliseconds;
                SpoolEntry best = null;
                for (int i = 0; i < _entries.Count; i++)
                {
                    SpoolEntry e = (SpoolEntry)_entries[i];
                    if (e.DueMonotonic <= now && (best == null || Before(e, best)))
                    {
                        best = e;
                    }
                }

                return best;
            }
        }

        /// <summary>Milliseconds until the next entry is due (0 if one is due now), or -1 when the spool is empty.</summary>
        public long NextDueIn()
        {
            lock (_sync)
            {
                long now = _clock.MonotonicMilliseconds;
                long best = -1;
                for (int i = 0; i < _entries.Count; i++)
                {
                    long d = ((SpoolEntry)_entries[i]).DueMonotonic - now;
                    d = d < 0 ? 0 : d;
                    if (best < 0 || d < best)
                    {
                        best = d;
                    }
                }

                return best;
            }
        }

        public SpoolEntry Find(long id)
        {
            lock (_sync)
            {
                for (int i = 0; i < _entries.Count; i++)
                {
                    SpoolEntry e = (SpoolEntry)_entries[i];
                    if (e.Id == id)
                    {
                        return e;
                    }
                }

                return null;
            }
        }

        /// <summary>Opens the entry's content for sending, or null if it vanished.</summary>
        public IFileReader OpenContent(SpoolEntry e)
        {
            return _store.OpenContent(e.Entry);
        }

        /// <summary>Records, before anything is sent, that an attempt starts (so a reboot knows it may have been sent).</summary>
        public void BeginAttempt(SpoolEntry e)
        {
            lock (_sync)
            {
                e.Attempts++;
                e.InFlight = true;
                Save(e);
            }
        }

        /// <summary>Records the attempt's end without delivering everything: due again after <paramref name="waitMs"/>.</summary>
        public void Defer(SpoolEntry e, string error, long waitMs)
        {
            lock (_sync)
            {
                e.InFlight = false;
                e.LastError = error;
                e.DueMonotonic = _clock.MonotonicMilliseconds + waitMs;
                Save(e);
            }
        }

        /// <summary>Persists the entry's current state (after per-recipient changes).</summary>
        public void Save(SpoolEntry e)
        {
            lock (_sync)
            {
                long now = _clock.MonotonicMilliseconds;
                long wait = e.DueMonotonic - now;
                _record.Clear();
                _record.Byte(e.InFlight ? FlagInFlight : 0);
                _record.UInt32(e.Attempts);
                _record.Int64(e.AgeMs(now));
                _record.Int64(wait < 0 ? 0 : wait);
                _record.UInt32(e.Ambiguous);
                _record.Text(e.LastError, Limits.StoreReasonMax);
                _record.UInt32(e.Recipients.Length);
                for (int i = 0; i < e.Recipients.Length; i++)
                {
                    _record.Byte((int)e.RecipientStates[i]);
                    _record.Text(e.RecipientReplies[i], Limits.StoreReplyMax);
                }

                _store.WriteState(e.Entry, _record.Buffer, _record.Length);
                _record.Release();
                e.Entry.ReleaseRecords();
            }
        }

        /// <summary>Removes a finished entry (every recipient delivered or bounced). The commit record goes first.</summary>
        public bool Complete(SpoolEntry e)
        {
            lock (_sync)
            {
                _entries.Remove(e);
                return _store.Remove(e.Entry);
            }
        }

        /// <summary>Makes every entry due now and persists that (`hostsim queue --retry-now`).</summary>
        public void RetryNow()
        {
            MakeDue(true);
        }

        /// <summary>
        /// Makes every entry due now; with <paramref name="persist"/> false only in RAM (a network
        /// flush: no flash write for each time the link comes back).
        /// </summary>
        public void MakeDue(bool persist)
        {
            lock (_sync)
            {
                long now = _clock.MonotonicMilliseconds;
                for (int i = 0; i < _entries.Count; i++)
                {
                    SpoolEntry e = (SpoolEntry)_entries[i];
                    if (e.DueMonotonic > now)
                    {
                        e.DueMonotonic = now;
                        if (persist)
                        {
                            Save(e);
                        }
                    }
                }
            }
        }

        /// <summary>Drops an entry (or a quarantined one) by id, without a bounce (`hostsim queue --drop`).</summary>
        public bool Drop(long id)
        {
            lock (_sync)
            {
                SpoolEntry e = Find(id);
                if (e != null)
                {
                    return Complete(e);
                }

                return _store.DropQuarantined(id);
            }
        }

        internal SpoolEntry CommitEntry(StoreWriter writer)
        {
            SpoolEntry e;
            writer.WriteBuffered();   // the last octets decide the 8-bit flag too
            lock (_sync)
            {
                string key = _bootNonce + ":" + writer.Id.ToString();
                string[] recipients = writer.Recipients;
                DateTime utc = _clock.UtcNow;
                _record.Clear();
                _record.Byte(Version);
                _record.Text(key, KeyMax);
                _record.Text(writer.Sender, Limits.SmtpPathOctets);
                _record.UInt32(recipients.Length);
                for (int i = 0; i < recipients.Length; i++)
                {
                    _record.Text(recipients[i], Limits.SmtpPathOctets);
                }

                _record.Text(writer.MessageId, Limits.HeaderLineMax);
                _record.Int64(_clock.IsUtcTrusted ? utc.Ticks : 0);
                _record.Byte(writer.EightBit ? FlagEightBit : 0);
                StoreEntry stored = writer.Commit(_record.Buffer, 0, _record.Length);
                _record.Release();

                stored.ReleaseRecords();
                e = new SpoolEntry(stored);
                e.Key = key;
                e.Sender = writer.Sender;
                e.Recipients = recipients;
                e.MessageId = writer.MessageId;
                e.EightBit = writer.EightBit;
                e.EightBitKnown = true;
                e.RecipientStates = new RecipientState[recipients.Length];
                e.RecipientReplies = NoReplies(recipients.Length);
                e.LastError = string.Empty;
                long now = _clock.MonotonicMilliseconds;
                e.AgeBaseMonotonic = now;
                e.DueMonotonic = now;
                _entries.Add(e);
            }

            EventHandler h = Committed;
            if (h != null)
            {
                h(this, EventArgs.Empty);
            }

            return e;
        }

        // Null when the envelope is sound, else the quarantine reason.
        private static string ParseEnvelope(SpoolEntry e)
        {
            byte[] m = e.Entry.Meta;
            RecordReader r = new RecordReader(m, 0, m.Length);
            int version = r.Byte();
            if (version != Version && version != VersionWithoutFlags)
            {
                return "envelope version unknown";
            }

            e.Key = r.Text(KeyMax);
            e.Sender = r.Text(Limits.SmtpPathOctets);
            long n = r.UInt32();
            if (r.Failed || n < 1 || n > Limits.SmtpRecipients)
            {
                return "envelope recipient count out of bounds";
            }

            e.Recipients = new string[(int)n];
            for (int i = 0; i < n; i++)
            {
                e.Recipients[i] = r.Text(Limits.SmtpPathOctets);
                if (e.Recipients[i].Length == 0)
                {
                    return "envelope recipient empty";
                }
            }

            e.MessageId = r.Text(Limits.HeaderLineMax);
            r.Int64();
            e.EightBitKnown = version == Version;
            if (e.EightBitKnown)
            {
                int flags = r.Byte();
                e.EightBit = (flags & FlagEightBit) != 0;
                if ((flags & ~FlagEightBit) != 0)
                {
                    return "envelope flags unknown";
                }
            }

            if (!r.AtEnd || e.Key.Length == 0)
            {
                return "envelope malformed";
            }

            e.RecipientStates = new RecipientState[(int)n];
            e.RecipientReplies = new string[(int)n];
            for (int i = 0; i < n; i++)
            {
                e.RecipientReplies[i] = string.Empty;
            }

            e.LastError = string.Empty;
            return null;
        }

        private static string ParseState(SpoolEntry e, long now)
        {
            e.AgeBaseMonotonic = now;
            e.DueMonotonic = now;
            byte[] s = e.Entry.State;
            if (s == null)
            {
                return null;
            }

            RecordReader r = new RecordReader(s, 0, s.Length);
            int flags = r.Byte();
            long attempts = r.UInt32();
            long age = r.Int64();
            long wait = r.Int64();
            long ambiguous = r.UInt32();
            string error = r.Text(Limits.StoreReasonMax);
            long n = r.UInt32();
            if (r.Failed || n != e.Recipients.Length || age < 0 || wait < 0 || attempts > int.MaxValue || ambiguous > int.MaxValue)
            {
                return "state record malformed";
            }

            for (int i = 0; i < n; i++)
            {
                int st = r.Byte();
                e.RecipientReplies[i] = r.Text(Limits.StoreReplyMax);
                if (st > (int)RecipientState.Failed)
                {
                    return "state record malformed";
                }

                e.RecipientStates[i] = (RecipientState)st;
            }

            if (!r.AtEnd)
            {
                return "state record malformed";
            }

            e.InFlight = (flags & FlagInFlight) != 0;
            e.Attempts = (int)attempts;
            e.AgeBaseMs = age;
            e.DueMonotonic = now + wait;
            e.Ambiguous = (int)ambiguous;
            e.LastError = error;
            return null;
        }

        private static bool Before(SpoolEntry a, SpoolEntry b)
        {
            return a.DueMonotonic < b.DueMonotonic || (a.DueMonotonic == b.DueMonotonic && a.Id < b.Id);
        }

        // Every slot filled: on nanoFramework an unset slot of a new string[] is not null (it compares as a
        // string and crashes the interpreter when compared or measured), so no string[] is left with holes.
        private static string[] NoReplies(int count)
        {
            string[] replies = new string[count];
            for (int i = 0; i < count; i++)
            {
                replies[i] = string.Empty;
            }

            return replies;
        }
    }
}

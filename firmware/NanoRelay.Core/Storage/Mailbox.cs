using System;
using System.Collections;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// The device mailbox (RFC 1939 §8's maildrop) on a <see cref="MessageStore"/> with prefix
    /// "m": local deliveries, bounces and, with no upstream, everything the relay takes in.
    /// </summary>
    /// <remarks>
    /// The commit record's owner bytes are: the UID (length-prefixed, at most 70 octets) and the
    /// source key (length-prefixed, may be empty) that lets the relay deliver the same spool
    /// entry twice after a power cut without a second copy appearing. A UID is a nonce drawn at
    /// boot (8 hex digits) and the store's id ("3fa9c2d1-42"), both written into the commit
    /// record: stable across sessions and reboots, and never reused because ids are reserved on
    /// flash before use (RFC 1939 §7). The lock lives in RAM only, so it never survives a reboot.
    /// </remarks>
    public sealed partial class Mailbox : IMaildrop
    {
        /// <summary>The file-name prefix of the mailbox's files.</summary>
        public const string Prefix = "m";

        private const int SourceKeyMax = 128;

        private readonly MessageStore _store;
        private readonly IRandom _random;
        private readonly ArrayList _sourceKeys = new ArrayList();   // string, one per entry with a key
        private readonly RecordWriter _meta = new RecordWriter();
        private readonly object _sync = new object();
        private StoreEntry[] _snapshot = new StoreEntry[0];
        private string _bootNonce;
        private bool _locked;

        /// <summary>A mailbox on <paramref name="files"/>, bounded by bytes and messages.</summary>
        public Mailbox(IFileStore files, IRandom random, long maxBytes, int maxCount)
        {
            _store = new MessageStore(files, Prefix, maxBytes, maxCount);
            _random = random;
        }

        public MessageStore Store { get { return _store; } }

        /// <summary>Recovers the store (call once at start) and draws this boot's UID nonce.</summary>
        public RecoveryReport Open()
        {
            lock (_sync)
            {
                RecoveryReport report = _store.Recover();
                _sourceKeys.Clear();
                StoreEntry[] all = _store.Entries();
                for (int i = 0; i < all.Length; i++)
                {
                    // A checksum-valid record can still carry a UID POP3 may not send (RFC 1939 §7).
                    if (!IsValidUid(UidOfEntry(all[i])))
                    {
                        _store.Quarantine(all[i], "unique-id invalid");
                        continue;
                    }

                    string key = SourceKeyOf(all[i]);
                    if (key.Length > 0)
                    {
                        _sourceKeys.Add(key);
                    }
                }

                OpenImap(all);
                byte[] n = new byte[4];
                _random.NextBytes(n, 0, 4);
                byte[] hex = new byte[8];
                NanoRelay.Crypto.Hex.Encode(n, 0, 4, hex, 0);
                _bootNonce = NanoRelay.Framing.Utf8.GetString(hex, 0, 8);
                return report;
            }
        }

        /// <summary>Whether a message delivered under <paramref name="sourceKey"/> is present.</summary>
        public bool Contains(string sourceKey)
        {
            lock (_sync)
            {
                return sourceKey != null && _sourceKeys.Contains(sourceKey);
            }
        }

        /// <summary>Starts a delivery; <paramref name="sourceKey"/> (or null) names its origin for de-duplication.</summary>
        public MailboxDelivery BeginDelivery(string sourceKey)
        {
            lock (_sync)
            {
                StoreWriter writer = _store.Begin();
                BeganDelivery(writer.Id);
                return new MailboxDelivery(this, writer, sourceKey == null ? string.Empty : sourceKey);
            }
        }

        /// <summary>Delivers one whole message; returns its UID once durable. Throws StoreException (IsFull) when there is no room.</summary>
        public string Deliver(byte[] content, int offset, int count, string sourceKey)
        {
            MailboxDelivery d = BeginDelivery(sourceKey);
            try
            {
                d.Write(content, offset, count);
                return d.Commit();
            }
            catch (StoreException)
            {
                d.Abort();
                throw;
            }
        }

        internal string CommitDelivery(StoreWriter writer, string sourceKey)
        {
            return CommitDelivery(writer, sourceKey, 0);
        }

        // The commit record's owner bytes: the POP3 UID, the source key, then (IMAP) the arrival
        // time in seconds (0: the clock was not set) and the flags APPEND asked for. Records
        // written before IMAP end after the source key; they read as time 0, no flags.
        internal string CommitDelivery(StoreWriter writer, string sourceKey, int flags)
        {
            lock (_sync)
            {
                string uid = _bootNonce + "-" + writer.Id.ToString();
                long now = ArrivalSeconds();
                _meta.Clear();
                _meta.Text(uid, Limits.Pop3UidMax);
                _meta.Text(sourceKey, SourceKeyMax);
                _meta.Int64(now);
                _meta.Byte(flags & NanoRelay.Imap.ImapFlags.All);
                StoreEntry entry;
                try
                {
                    entry = writer.Commit(_meta.Buffer, 0, _meta.Length);
                }
                finally
                {
                    _meta.Release();
                    EndedDelivery(writer.Id);
                }

                if (sourceKey.Length > 0)
                {
                    _sourceKeys.Add(sourceKey);
                }

                Arrived(entry, now, flags & NanoRelay.Imap.ImapFlags.All);
                return uid;
            }
        }

        internal void AbortDelivery(StoreWriter writer)
        {
            writer.Abort();
            lock (_sync)
            {
                EndedDelivery(writer.Id);
            }
        }

        // RFC 1939 §8: the maildrop lock; a second session gets -ERR [IN-USE] (RFC 2449 §8.1.2).
        public bool TryLock()
        {
            lock (_sync)
            {
                if (_locked)
                {
                    return false;
                }

                _locked = true;
                return true;
            }
        }

        public void Unlock()
        {
            lock (_sync)
            {
                _locked = false;
            }
        }

        public int Refresh()
        {
            lock (_sync)
            {
                _snapshot = _store.Entries();
                return _snapshot.Length;
            }
        }

        public int Count { get { return _snapshot.Length; } }

        public long SizeOf(int index)
        {
            return _snapshot[index].ContentLength;
        }

        public string UidOf(int index)
        {
            return UidOfEntry(_snapshot[index]);
        }

        public IFileReader OpenMessage(int index)
        {
            lock (_sync)
            {
                return _store.OpenContent(_snapshot[index]);
            }
        }

        // RFC 1939 §6: called in the UPDATE state only. The commit record goes first, so a power
        // cut leaves the message whole or gone, never torn.
        public bool Remove(int index)
        {
            lock (_sync)
            {
                StoreEntry e = _snapshot[index];
                string key = SourceKeyOf(e);
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

                if (key.Length > 0)
                {
                    _sourceKeys.Remove(key);
                }

                Departed(e);
            }

            // Outside the lock: a listener (the relay worker's wake) may call back into the mailbox.
            EventHandler removed = Removed;
            if (removed != null)
            {
                removed(this, EventArgs.Empty);
            }

            return true;
        }

        /// <summary>A message was removed (RFC 1939 UPDATE state): there is room again for what waits on a full mailbox.</summary>
        public event EventHandler Removed;

        private static string UidOfEntry(StoreEntry e)
        {
            RecordReader r = new RecordReader(e.Meta, 0, e.Meta.Length);
            return r.Text(Limits.Pop3UidMax);
        }

        // RFC 1939 §7: "one to 70 characters in the range 0x21 to 0x7E".
        private static bool IsValidUid(string uid)
        {
            if (uid.Length < 1 || uid.Length > Limits.Pop3UidMax)
            {
                return false;
            }

            for (int i = 0; i < uid.Length; i++)
            {
                if (uid[i] < 0x21 || uid[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        private static string SourceKeyOf(StoreEntry e)
        {
            RecordReader r = new RecordReader(e.Meta, 0, e.Meta.Length);
            r.Text(Limits.Pop3UidMax);
            return r.Text(SourceKeyMax);
        }
    }
}

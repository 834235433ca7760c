namespace NanoRelay.Storage
{
    /// <summary>
    /// A queued message as the relay sees it: the envelope (fixed at commit) and its delivery
    /// state (rewritten as a new state record after each change). Times are on the monotonic
    /// clock; the age that counts against the lifetime is persisted, so neither a wall-clock
    /// jump nor a reboot expires or stalls the entry.
    /// </summary>
    public sealed class SpoolEntry
    {
        internal SpoolEntry(StoreEntry entry)
        {
            Entry = entry;
        }

        internal StoreEntry Entry { get; private set; }

        /// <summary>The store's id: what `hostsim queue` shows and `--drop` takes.</summary>
        public long Id { get { return Entry.Id; } }

        /// <summary>A key unique to this entry across reboots (boot nonce and id), for de-duplicating local deliveries.</summary>
        public string Key { get; internal set; }

        /// <summary>The reverse-path; empty for the null sender "&lt;&gt;" (never bounced: RFC 5321 §4.5.5).</summary>
        public string Sender { get; internal set; }

        public string[] Recipients { get; internal set; }

        public RecipientState[] RecipientStates { get; internal set; }

        /// <summary>The last reply the upstream gave for each recipient (the bounce's Diagnostic-Code).</summary>
        public string[] RecipientReplies { get; internal set; }

        /// <summary>The message's Message-ID (it is in the content, so it is the same on every retry).</summary>
        public string MessageId { get; internal set; }

        /// <summary>Whether the content has 8-bit octets (RFC 6152), as stored in the envelope when <see cref="EightBitKnown"/>.</summary>
        public bool EightBit { get; internal set; }

        /// <summary>False for an entry spooled before the envelope carried the flag (envelope version 1): scan its content once.</summary>
        public bool EightBitKnown { get; internal set; }

        /// <summary>Octets of content.</summary>
        public long Size { get { return Entry.ContentLength; } }

        public int Attempts { get; internal set; }

        /// <summary>Outcomes that left it unknown whether the upstream took the message (RFC 1047).</summary>
        public int Ambiguous { get; internal set; }

        /// <summary>An attempt was under way when the state was last written (a reboot found it so: possibly sent).</summary>
        public bool InFlight { get; internal set; }

        public string LastError { get; internal set; }

        /// <summary>Monotonic milliseconds at which the entry is due.</summary>
        public long DueMonotonic { get; internal set; }

        internal long AgeBaseMs { get; set; }

        internal long AgeBaseMonotonic { get; set; }

        /// <summary>Milliseconds this entry has spent queued while the relay ran, at monotonic time <paramref name="now"/>.</summary>
        public long AgeMs(long now)
        {
            return AgeBaseMs + (now - AgeBaseMonotonic);
        }

        /// <summary>Recipients still pending.</summary>
        public int PendingCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < RecipientStates.Length; i++)
                {
                    if (RecipientStates[i] == RecipientState.Pending)
                    {
                        n++;
                    }
                }

                return n;
            }
        }
    }
}

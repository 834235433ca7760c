namespace NanoRelay.Storage
{
    /// <summary>One committed message of a <see cref="MessageStore"/> as recovery or a commit left it.</summary>
    public sealed class StoreEntry
    {
        internal StoreEntry(long id, long contentLength, uint contentCrc, byte[] meta)
        {
            Id = id;
            ContentLength = contentLength;
            ContentCrc = contentCrc;
            Meta = meta;
        }

        /// <summary>The entry's number: never reused by its store.</summary>
        public long Id { get; private set; }

        /// <summary>Octets of content exactly as stored.</summary>
        public long ContentLength { get; private set; }

        public uint ContentCrc { get; private set; }

        /// <summary>The owner's immutable part of the commit record (envelope, UID).</summary>
        public byte[] Meta { get; private set; }

        /// <summary>The owner's latest state record payload, or null when none was written.</summary>
        public byte[] State { get; internal set; }

        /// <summary>Generation of <see cref="State"/> (0: none).</summary>
        public long Generation { get; internal set; }

        /// <summary>Bytes this entry holds on flash (content, commit and state records).</summary>
        public long OnFlashBytes { get; internal set; }

        internal string StateName { get; set; }

        internal bool Removed { get; set; }

        /// <summary>
        /// Lets go of the raw commit and state payloads once their owner has parsed them (the spool
        /// keeps the parsed envelope and state; the records stay on flash): about 0.2 KB per queued message.
        /// </summary>
        internal void ReleaseRecords()
        {
            Meta = null;
            State = null;
        }
    }
}

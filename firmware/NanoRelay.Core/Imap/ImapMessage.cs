namespace NanoRelay.Imap
{
    /// <summary>One message as the mailbox shows it to IMAP: UID, size, arrival time and stored flags.</summary>
    public sealed class ImapMessage
    {
        public ImapMessage(long uid, long size, long internalDate, int flags, object handle)
        {
            Uid = uid;
            Size = size;
            InternalDate = internalDate;
            Flags = flags;
            Handle = handle;
        }

        /// <summary>RFC 9051 §2.3.1.1: the unique identifier, never reused in this UIDVALIDITY.</summary>
        public long Uid { get; private set; }

        /// <summary>RFC 9051 §2.3.4 RFC822.SIZE: octets as stored, CRLF line ends.</summary>
        public long Size { get; private set; }

        /// <summary>RFC 9051 §2.3.3: seconds since 1970-01-01 UTC when the message arrived (0: unknown).</summary>
        public long InternalDate { get; private set; }

        /// <summary>The stored flags (ImapFlags bits); the mailbox changes them under its lock.</summary>
        public int Flags { get; set; }

        /// <summary>The store's entry (opaque to the IMAP code).</summary>
        public object Handle { get; private set; }

        /// <summary>Set once the message has been expunged by any session or by POP3.</summary>
        public bool Expunged { get; set; }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.Imap
{
    /// <summary>
    /// The one mailbox (INBOX) as IMAP sessions share it (RFC 9051 §2.3). Every session keeps its
    /// own view (sequence numbers) and compares it with <see cref="Messages"/> at the points where
    /// RFC 9051 §7 lets it report changes. Implemented on the file store by NanoRelay.Storage.
    /// </summary>
    public interface IImapMailbox
    {
        /// <summary>RFC 9051 §2.3.1.1: the UIDVALIDITY value, stable across reboots.</summary>
        long UidValidity { get; }

        /// <summary>RFC 9051 §2.3.1.1: the UID the next message will get at least (UIDNEXT).</summary>
        long UidNext { get; }

        /// <summary>A number that changes whenever a message arrives, goes, or changes flags.</summary>
        long Version { get; }

        /// <summary>The messages now visible, UIDs ascending; the array is never changed after it is returned.</summary>
        ImapMessage[] Messages();

        /// <summary>Opens a message's content (CRLF line ends); null when it was expunged meanwhile.</summary>
        IFileReader Open(ImapMessage message);

        /// <summary>Sets the stored flags (ImapFlags bits) crash-safe; false when the message is gone or the store failed.</summary>
        bool SetFlags(ImapMessage message, int flags);

        /// <summary>Removes a message for good (EXPUNGE); false when it was gone already or the store failed.</summary>
        bool Expunge(ImapMessage message);

        /// <summary>
        /// Whether an exclusive POP3 session holds the mailbox (RFC 1939 §8): then EXPUNGE waits,
        /// because the POP3 session's message numbers must stay valid until its QUIT.
        /// </summary>
        bool IsPop3Locked { get; }

        /// <summary>Starts an APPEND of <paramref name="size"/> octets; throws StoreException (IsFull) when there is no room.</summary>
        IImapAppend BeginAppend(long size);
    }
}

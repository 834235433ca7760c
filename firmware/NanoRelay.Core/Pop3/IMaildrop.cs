using NanoRelay.Ports;

namespace NanoRelay.Pop3
{
    /// <summary>
    /// The mailbox as a POP3 session sees it (RFC 1939 §8: the maildrop). Message numbers are
    /// fixed for the session by <see cref="Refresh"/>; removal happens only in the UPDATE state.
    /// Implemented on the file store by NanoRelay.Storage; in memory in tests.
    /// </summary>
    public interface IMaildrop
    {
        /// <summary>Takes the exclusive lock for one TRANSACTION session; false when another holds it.</summary>
        bool TryLock();

        /// <summary>Releases the lock (at QUIT, and when the session dies).</summary>
        void Unlock();

        /// <summary>Takes a snapshot of the messages now present; returns their count.</summary>
        int Refresh();

        /// <summary>Messages in the snapshot.</summary>
        int Count { get; }

        /// <summary>The exact octets of message <paramref name="index"/> (0-based) as stored, CRLF line ends, before dot-stuffing.</summary>
        long SizeOf(int index);

        /// <summary>The message's unique-id (RFC 1939 §7: 1-70 characters 0x21-0x7E), stable across sessions and restarts.</summary>
        string UidOf(int index);

        /// <summary>Opens the message's content for reading; null if it vanished.</summary>
        IFileReader OpenMessage(int index);

        /// <summary>Removes the message for good (UPDATE state); false when the store failed.</summary>
        bool Remove(int index);
    }
}

using NanoRelay.Framing;

namespace NanoRelay.Storage
{
    /// <summary>
    /// What a mailbox protocol's session (POP3, POP2, IMAP) offers its driver: command lines in,
    /// replies gathered in an output buffer, one deadline, and an end that frees the mailbox.
    /// </summary>
    public interface IMailboxSession
    {
        /// <summary>Replies not yet written: Output[0..OutputLength).</summary>
        byte[] Output { get; }

        int OutputLength { get; }

        int OutputFree { get; }

        /// <summary>The monotonic time (ms) by which the client must have sent more.</summary>
        long Deadline { get; }

        void ClearOutput();

        /// <summary>Queues the greeting.</summary>
        void Start();

        /// <summary>One command line (its line end removed) and the framer's flags for it.</summary>
        void Feed(byte[] buffer, int offset, int count, LineFlags flags);

        /// <summary>A line over the protocol's limit was dropped.</summary>
        void FeedTooLong();

        /// <summary>The deadline passed: queues the protocol's goodbye.</summary>
        void TimedOut();

        /// <summary>Ends the session (lock and mailbox released); safe to call more than once.</summary>
        void End();
    }
}

using System;

namespace NanoRelay.Relay
{
    /// <summary>Why the relay scheduler is woken before its wait is over (<see cref="RelayScheduler.Wake"/>).</summary>
    [Flags]
    public enum RelayWake
    {
        /// <summary>Only to end a wait (shutting down).</summary>
        None = 0,

        /// <summary>A message was committed to the spool (SpoolIngressSink.Committed, an alert queued).</summary>
        Committed = 1,

        /// <summary>A POP3 or IMAP deletion made room in the mailbox: what waits on a full mailbox goes now.</summary>
        MailboxDeletion = 2,

        /// <summary>The network came back: every entry is due now (in RAM) and the upstream is tried again.</summary>
        NetworkUp = 4,

        /// <summary>A person asked for the queue now (`queue --retry-now`): every entry is due, on flash too.</summary>
        RetryNow = 8,

        /// <summary>The wall clock was set (SNTP): held alerts are spooled and a held queue runs.</summary>
        ClockSet = 16,
    }
}

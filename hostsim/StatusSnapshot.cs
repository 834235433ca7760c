using System;

namespace NanoRelay.HostSim
{
    /// <summary>What the status line shows, gathered by `run` each refresh. Nullable members mean "not known / none yet".</summary>
    public sealed record StatusSnapshot
    {
        public TimeSpan Uptime { get; init; }
        public int QueueDepth { get; init; }
        public int Pop3Sessions { get; init; }
        public int ImapSessions { get; init; }
        public int SmtpSessions { get; init; }
        public long AlertsRaised { get; init; }
        public DateTime? LastDeliveryUtc { get; init; }
        public string LastError { get; init; }
        public long ManagedBytes { get; init; }
        public long PeakManagedBytes { get; init; }

        /// <summary>The board's heap, with --board; null without one.</summary>
        public long? HeapBudgetBytes { get; init; }
        public string BoardName { get; init; }

        /// <summary>The heap gate's account with --board (Supervision/HeapGate), e.g. "peak 15.3 KB of 15.9 KB, ..."; null without one.</summary>
        public string HeapGate { get; init; }
    }
}

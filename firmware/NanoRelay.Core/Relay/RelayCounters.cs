namespace NanoRelay.Relay
{
    /// <summary>What the relay worker did since start (for logs, `hostsim`, and tests).</summary>
    public sealed class RelayCounters
    {
        /// <summary>Entries finished with every recipient accepted upstream.</summary>
        public int Sent { get; internal set; }

        /// <summary>Entries delivered into the mailbox because no upstream is configured.</summary>
        public int DeliveredLocally { get; internal set; }

        /// <summary>Attempts that ended in a retry.</summary>
        public int Deferred { get; internal set; }

        /// <summary>Bounces delivered into the mailbox.</summary>
        public int Bounces { get; internal set; }

        /// <summary>Failures not bounced because the sender was the null path (no bounce of a bounce).</summary>
        public int DroppedWithoutBounce { get; internal set; }

        /// <summary>Ambiguous outcomes (lost after the final dot) plus attempts a reboot found in flight: each may be one duplicate.</summary>
        public int Ambiguous { get; internal set; }

        /// <summary>Times the worker held the queue because the wall clock was untrusted.</summary>
        public int Held { get; internal set; }
    }
}

namespace NanoRelay.Storage
{
    /// <summary>
    /// Where one recipient of a queued message stands (RFC 5321 §3.3: each RCPT succeeds or fails on
    /// its own), and the upstream's verdict on it (UpstreamResult.Outcomes): one type for one fact.
    /// </summary>
    public enum RecipientState
    {
        /// <summary>Not yet accepted by the upstream: tried again when the entry is due.</summary>
        Pending = 0,

        /// <summary>Accepted by the upstream (or delivered into the mailbox).</summary>
        Delivered = 1,

        /// <summary>Refused for good or out of time; the sender was told by a bounce.</summary>
        Failed = 2,
    }
}

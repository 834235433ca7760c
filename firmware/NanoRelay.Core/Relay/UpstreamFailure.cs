namespace NanoRelay.Relay
{
    /// <summary>Why a transaction with the upstream did not complete; the class drives the retry policy.</summary>
    public enum UpstreamFailure
    {
        /// <summary>The transaction completed (recipients may still have been refused one by one).</summary>
        None = 0,

        /// <summary>No connection, a reset, or a timeout (RFC 5321 §4.5.3.2): retried.</summary>
        Connection,

        /// <summary>The server broke the protocol (a malformed or unexpected reply): retried.</summary>
        Protocol,

        /// <summary>A 4yz reply at MAIL, DATA or after the final dot (RFC 5321 §4.2.1): retried.</summary>
        Transient,

        /// <summary>A 5yz reply at MAIL, DATA or after the final dot, or every RCPT refused: bounced.</summary>
        Permanent,

        /// <summary>AUTH refused: retried (a configuration problem, reported; never sent without AUTH).</summary>
        Authentication,

        /// <summary>TLS was required and not obtained (STARTTLS missing or failed): retried, never downgraded.</summary>
        TlsRequired,

        /// <summary>The wall clock is not trusted (no SNTP yet): certificates cannot be checked; held, not counted.</summary>
        ClockUntrusted,
    }
}

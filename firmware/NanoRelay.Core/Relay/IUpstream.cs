namespace NanoRelay.Relay
{
    /// <summary>
    /// The upstream submission server as the relay worker sees it (the SMTP client implements
    /// it). One call is one transaction: connect (or reuse), MAIL, RCPT for each recipient,
    /// DATA, the content, the final dot. It does not throw for network or protocol failures:
    /// it classifies them in the result.
    /// </summary>
    public interface IUpstream
    {
        UpstreamResult Send(OutboundMessage message);

        /// <summary>
        /// Ends the session the last <see cref="Send"/> left open (QUIT, close); the next Send may
        /// reuse that session until then. The worker calls it once it has recorded the outcomes of
        /// a round, so that the window in which a crash repeats an accepted message (RFC 1047)
        /// holds no network round trip.
        /// </summary>
        void EndSession();
    }
}

namespace NanoRelay.Storage
{
    /// <summary>
    /// One message being received by the SMTP ingress (Smtp/Server): content as it will be relayed
    /// (CRLF lines, no dot-stuffing). The spool's <see cref="StoreWriter"/> is one, so the ingress
    /// writes into the spool with nothing between.
    /// </summary>
    public interface IIngressMessage
    {
        /// <summary>Appends content bytes. Throws <see cref="NanoRelay.Ports.StoreException"/> when full or failing.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>
        /// Makes the message durable and visible to the relay; returns only then, with the queue id
        /// (ASCII, for "250 2.0.0 Ok: queued as ID"). Throws StoreException, leaving nothing behind.
        /// </summary>
        string Commit();

        /// <summary>Drops the message and everything written for it; safe to call twice and after a failed Commit.</summary>
        void Abort();
    }
}

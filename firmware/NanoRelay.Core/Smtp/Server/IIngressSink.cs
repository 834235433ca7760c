using NanoRelay.Storage;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// Where accepted ingress mail goes (the spool on the device). A message is opened once the
    /// envelope is complete (at DATA), streamed line by line, and committed; the session answers
    /// 250 only after <see cref="IIngressMessage.Commit"/> returned.
    /// Failures are <see cref="NanoRelay.Ports.StoreException"/>: IsFull gives 452 4.3.1, any other 451 4.3.0.
    /// </summary>
    public interface IIngressSink
    {
        /// <summary>Bytes that can still be accepted, or -1 when unknown (SIZE= is checked against it: RFC 1870 452).</summary>
        long FreeBytes { get; }

        /// <summary>
        /// Opens a message for <paramref name="reversePath"/> (empty for the null path "&lt;&gt;") and the first
        /// <paramref name="recipientCount"/> entries of <paramref name="recipients"/>. Throws StoreException.
        /// </summary>
        IIngressMessage Begin(string reversePath, string[] recipients, int recipientCount);
    }
}

namespace NanoRelay.Storage
{
    /// <summary>An entry recovery refused to send or serve, with the reason it recorded.</summary>
    public sealed class QuarantinedEntry
    {
        public QuarantinedEntry(long id, string reason)
        {
            Id = id;
            Reason = reason;
        }

        public long Id { get; private set; }

        public string Reason { get; private set; }
    }
}

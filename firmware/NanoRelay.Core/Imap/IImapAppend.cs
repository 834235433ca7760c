namespace NanoRelay.Imap
{
    /// <summary>One message being appended (RFC 9051 §6.3.12): its octets in chunks, then Commit or Abort.</summary>
    public interface IImapAppend
    {
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Makes the message durable with <paramref name="flags"/>; returns its UID (for APPENDUID, RFC 4315 §3).</summary>
        long Commit(int flags);

        void Abort();
    }
}

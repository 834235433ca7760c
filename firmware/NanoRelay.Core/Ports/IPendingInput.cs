namespace NanoRelay.Ports
{
    /// <summary>
    /// What a connection has received but nobody has read yet, seen without consuming it: lets the
    /// device decide that a step which blocks every thread (a native TLS handshake) may start.
    /// </summary>
    public interface IPendingInput
    {
        /// <summary>Bytes that can be read now without blocking.</summary>
        int Available { get; }

        /// <summary>Copies up to <paramref name="count"/> of those bytes into <paramref name="buffer"/> without consuming them.</summary>
        int Peek(byte[] buffer, int count);

        /// <summary>Waits at most <paramref name="milliseconds"/>, letting other threads run; true when readable (bytes, or the peer's end).</summary>
        bool WaitReadable(int milliseconds);
    }
}

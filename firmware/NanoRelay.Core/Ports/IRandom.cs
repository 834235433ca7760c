namespace NanoRelay.Ports
{
    /// <summary>Unpredictable bytes for nonces (APOP timestamps, Message-IDs, MIME boundaries).</summary>
    public interface IRandom
    {
        void NextBytes(byte[] buffer, int offset, int count);
    }
}

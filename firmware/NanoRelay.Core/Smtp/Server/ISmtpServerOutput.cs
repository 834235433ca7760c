namespace NanoRelay.Smtp.Server
{
    /// <summary>Where a session's replies go: the connection in the driver, memory in tests.</summary>
    public interface ISmtpServerOutput
    {
        /// <summary>Sends all the bytes (one or more complete reply lines).</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}

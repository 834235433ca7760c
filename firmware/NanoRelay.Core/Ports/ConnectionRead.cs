namespace NanoRelay.Ports
{
    /// <summary>Special results of <see cref="IConnection.Read"/>.</summary>
    public static class ConnectionRead
    {
        /// <summary>The peer closed the connection.</summary>
        public const int Closed = 0;

        /// <summary>No byte arrived within the timeout; the connection is still open.</summary>
        public const int TimedOut = -1;
    }
}

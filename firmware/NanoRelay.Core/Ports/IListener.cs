namespace NanoRelay.Ports
{
    /// <summary>Accepts incoming connections on one address and port.</summary>
    public interface IListener
    {
        /// <summary>Blocks until a peer connects; returns null once the listener is closed.</summary>
        IConnection Accept();

        /// <summary>The port really bound (useful when 0 was asked for).</summary>
        int Port { get; }

        void Close();
    }
}

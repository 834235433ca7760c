using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>Runs one accepted connection to its end (a core session driven by the core's pump).</summary>
    public delegate void ConnectionHandler(IConnection connection);
}

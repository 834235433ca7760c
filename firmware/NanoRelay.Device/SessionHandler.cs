namespace NanoRelay.Device
{
    /// <summary>Runs the core's driver on a connection that holds a place under the cap (already in TLS on an implicit-TLS port).</summary>
    public delegate void SessionHandler(NanoRelay.Ports.IConnection connection, NanoRelay.Ports.ISessionSlot slot);
}

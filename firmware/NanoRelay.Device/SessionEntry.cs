namespace NanoRelay.Device
{
    /// <summary>A server's place under its session cap (Pop3Server.EnterSession, ImapServer.EnterSession), or null at the cap.</summary>
    public delegate NanoRelay.Ports.ISessionSlot SessionEntry();
}

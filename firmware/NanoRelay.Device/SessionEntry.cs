namespace NanoRelay.Device
{
    /// <summary>A server's place under its session cap (SmtpServer.EnterSession, Pop3Server.EnterSession, ImapServer.EnterSession), or null at the cap.</summary>
    public delegate NanoRelay.Ports.ISessionSlot SessionEntry();
}

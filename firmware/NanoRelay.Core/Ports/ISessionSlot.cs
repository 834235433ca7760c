namespace NanoRelay.Ports
{
    /// <summary>
    /// One place under a server's session cap, held by one connection. The server's pump releases
    /// it just before it writes the session's last reply (221, +OK to QUIT, 421), so a client that
    /// has read that reply and reconnects at once finds the place free; releasing twice is harmless.
    /// </summary>
    public interface ISessionSlot
    {
        void Release();
    }
}

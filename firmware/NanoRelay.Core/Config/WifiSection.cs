namespace NanoRelay.Config
{
    /// <summary>"wifi" (device only; the host accepts and ignores it so one file serves both).</summary>
    public sealed class WifiSection
    {
        public string Ssid { get; set; }

        public string Password { get; set; }
    }
}

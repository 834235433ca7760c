namespace NanoRelay.Config
{
    /// <summary>"alerts": who the sensor and health alerts come from and go to.</summary>
    public sealed class AlertsSection
    {
        public string From { get; set; } = "nanorelay@localhost";

        public string[] To { get; set; } = new string[] { "tech@localhost" };
    }
}

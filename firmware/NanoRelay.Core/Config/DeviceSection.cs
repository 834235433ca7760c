namespace NanoRelay.Config
{
    /// <summary>"device": the name in greetings, alerts and HELO (null until <see cref="ConfigDefaults.Apply"/>).</summary>
    public sealed class DeviceSection
    {
        public string Name { get; set; }
    }
}

namespace NanoRelay.Alerts
{
    /// <summary>What a sensor measures; it decides units and wording in alert text.</summary>
    public enum SensorKind
    {
        /// <summary>Degrees Celsius.</summary>
        Temperature = 0,

        /// <summary>Relative humidity in percent.</summary>
        Humidity = 1,

        /// <summary>A contact: 1 is open, 0 is closed.</summary>
        Door = 2,

        /// <summary>Charge in percent.</summary>
        Battery = 3,
    }
}

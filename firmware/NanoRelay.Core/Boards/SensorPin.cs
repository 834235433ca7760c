namespace NanoRelay.Boards
{
    /// <summary>A sensor input the board offers: a GPIO pin (door contact) or an ADC channel (analog probe).</summary>
    public sealed class SensorPin
    {
        /// <summary>The name a sensor's "source" in nanorelay.json refers to.</summary>
        public string Name { get; set; }

        /// <summary>"gpio" or "adc".</summary>
        public string Input { get; set; }

        /// <summary>The GPIO number for gpio, the ADC channel number for adc.</summary>
        public int Number { get; set; }
    }
}

namespace NanoRelay.Device
{
    /// <summary>Receives one raw reading of a board input (GPIO 0/1, ADC counts) for the core's alert rules.</summary>
    public delegate void SampleHandler(string sensor, double value);
}

namespace NanoRelay.Alerts
{
    /// <summary>The config names of <see cref="SensorKind"/> ("temperature", "humidity", "door", "battery").</summary>
    public static class SensorKinds
    {
        /// <summary>Parses a config name; false for anything else.</summary>
        public static bool TryParse(string name, out SensorKind kind)
        {
            kind = SensorKind.Temperature;
            if (name == "temperature")
            {
                return true;
            }

            if (name == "humidity")
            {
                kind = SensorKind.Humidity;
                return true;
            }

            if (name == "door")
            {
                kind = SensorKind.Door;
                return true;
            }

            if (name == "battery")
            {
                kind = SensorKind.Battery;
                return true;
            }

            return false;
        }

        /// <summary>The config name of a kind.</summary>
        public static string NameOf(SensorKind kind)
        {
            switch (kind)
            {
                case SensorKind.Humidity:
                    return "humidity";
                case SensorKind.Door:
                    return "door";
                case SensorKind.Battery:
                    return "battery";
                default:
                    return "temperature";
            }
        }
    }
}

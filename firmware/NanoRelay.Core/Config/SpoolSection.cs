namespace NanoRelay.Config
{
    /// <summary>"spool": where queued mail lives and how many bytes it may take.</summary>
    public sealed class SpoolSection
    {
        /// <summary>Null until <see cref="ConfigDefaults.Apply"/> (a per-platform default).</summary>
        public string Path { get; set; }

        /// <summary><see cref="ConfigDefaults.NotGiven"/> until <see cref="ConfigDefaults.Apply"/> (a per-platform default).</summary>
        public long MaxBytes { get; set; } = ConfigDefaults.NotGiven;
    }
}

namespace NanoRelay.HostSim
{
    /// <summary>What `run` was asked for; null means "from the config, else the embedded default".</summary>
    public sealed class RunOptions
    {
        public string ConfigFile { get; set; }
        public string DataDirectory { get; set; }
        public string Pop3Listen { get; set; }
        public string SmtpListen { get; set; }
        public string Board { get; set; }
        public bool Trace { get; set; }

        /// <summary>--status-file: write the status snapshot as JSON there every second.</summary>
        public string StatusFile { get; set; }
    }
}

namespace NanoRelay.HostSim
{
    /// <summary>What `run` was asked for; null means "from the config, else the embedded default".</summary>
    public sealed class RunOptions
    {
        public string ConfigFile { get; set; }
        public string DataDirectory { get; set; }
        public string Pop3Listen { get; set; }
        public string ImapListen { get; set; }
        public string SmtpListen { get; set; }
        public string Board { get; set; }
        public bool Trace { get; set; }

        /// <summary>The live status line on the console (off for the demo and with --trace).</summary>
        public bool StatusLine { get; set; } = true;

        /// <summary>--status-file: write the status snapshot as JSON there every second.</summary>
        public string StatusFile { get; set; }
    }
}

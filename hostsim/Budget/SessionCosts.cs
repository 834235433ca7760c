namespace NanoRelay.HostSim.Budget
{
    /// <summary>
    /// What one session and one spool index entry cost in managed bytes. <see cref="Measured"/>
    /// says whether the figures were measured on the nanoCLR (board.json "memory", written by
    /// bench/nanoclr/memory/run.sh) or are the stand-in below (buffers from Limits plus object
    /// overhead), used for a board file without them.
    /// </summary>
    public sealed record SessionCosts(long Pop3SessionBytes, long SmtpSessionBytes, long SpoolIndexEntryBytes, long BaseBytes, bool Measured)
    {
        /// <summary>The stand-in: line buffers from Limits, a 1 KB I/O buffer and about 1 KB of objects per session; 64 B per spool entry; 16 KB for the engine, config and listeners.</summary>
        public static SessionCosts Estimated { get; } = new SessionCosts(
            Pop3SessionBytes: NanoRelay.Limits.Pop3CommandLine + NanoRelay.Limits.Pop3ResponseLine + 1024 + 1024,
            SmtpSessionBytes: NanoRelay.Limits.SmtpCommandLine + NanoRelay.Limits.SmtpTextLine + 1024 + 1024,
            SpoolIndexEntryBytes: 64,
            BaseBytes: 16 * 1024,
            Measured: false);
    }
}

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
        /// <summary>
        /// One IMAP session when board.json has no memory.imapSessionBytes: its fixed buffers from Limits
        /// (line framer, command, response, the BODYSTRUCTURE scanner's arena, line and chunk, HEADER.FIELDS and
        /// its line, the search window, the driver's chunk) and about 2 KB of objects. boards/README.md explains it.
        /// </summary>
        public const long ImapEstimate = NanoRelay.Limits.ImapLineMax + NanoRelay.Limits.ImapCommandLine + NanoRelay.Limits.ImapResponseBuffer
            + NanoRelay.Limits.ImapScanArena + NanoRelay.Limits.ImapScanLine + NanoRelay.Limits.ImapTransferChunk
            + NanoRelay.Limits.ImapHeaderFieldsMax + NanoRelay.Limits.ImapScanLine + 256
            + NanoRelay.Limits.ImapTransferChunk + NanoRelay.Limits.ImapSearchString + NanoRelay.Limits.ImapTransferChunk + 2048;

        /// <summary>One IMAP session's managed bytes (<see cref="ImapEstimate"/> unless set).</summary>
        public long ImapSessionBytes { get; init; } = ImapEstimate;

        /// <summary>True when <see cref="ImapSessionBytes"/> was measured on the nanoCLR (board.json memory.imapSessionBytes).</summary>
        public bool ImapMeasured { get; init; }

        /// <summary>The stand-in: line buffers from Limits, a 1 KB I/O buffer and about 1 KB of objects per session; 64 B per spool entry; 16 KB for the engine, config and listeners.</summary>
        public static SessionCosts Estimated { get; } = new SessionCosts(
            Pop3SessionBytes: NanoRelay.Limits.Pop3CommandLine + NanoRelay.Limits.Pop3ResponseLine + 1024 + 1024,
            SmtpSessionBytes: NanoRelay.Limits.SmtpCommandLine + NanoRelay.Limits.SmtpTextLine + 1024 + 1024,
            SpoolIndexEntryBytes: 64,
            BaseBytes: 16 * 1024,
            Measured: false);
    }
}

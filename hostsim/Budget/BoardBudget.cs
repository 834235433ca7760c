using System;
using System.IO;

namespace NanoRelay.HostSim.Budget
{
    /// <summary>
    /// The figures of one board the host's budget needs (managed heap, session caps, TLS
    /// concurrency, spool bytes), taken from boards/NAME/board.json through the core's reader.
    /// </summary>
    public sealed record BoardBudget(string Name, long HeapBytes, int MaxPop3Sessions, int MaxSmtpSessions, int TlsConcurrency, long SpoolBytes)
    {
        /// <summary>IMAP sessions (board.json sessions.imap); 0: IMAP stays off on this board.</summary>
        public int MaxImapSessions { get; init; }

        /// <summary>The costs measured on the nanoCLR (board.json "memory"), or null when the file has none.</summary>
        public SessionCosts MeasuredCosts { get; init; }

        /// <summary>What the budget sums: the measured costs, else the host-side stand-in.</summary>
        public SessionCosts Costs { get { return MeasuredCosts ?? SessionCosts.Estimated; } }

        /// <summary>
        /// Finds boards/NAME/board.json and loads it: first beside the program (the build and
        /// publish output carry every board file), then in a boards/ folder above the working
        /// directory or above the program (a checkout). Throws <see cref="ConfigException"/>.
        /// </summary>
        /// <summary>The heap gate's capacity (BoardProfile.TransferHeapBytes): 0, no limit, without measured figures.</summary>
        public long TransferHeapBytes { get; init; }

        public static BoardBudget Find(string name)
        {
            return Load(Locate(name, AppContext.BaseDirectory, Directory.GetCurrentDirectory()));
        }

        /// <summary>The path of boards/NAME/board.json for <see cref="Find"/>, given the program's and the working directory.</summary>
        internal static string Locate(string name, string programDirectory, string workingDirectory)
        {
            if (string.IsNullOrEmpty(name) || name.Length > 64 || name.IndexOfAny(new[] { '/', '\\', '.', ':' }) >= 0)
            {
                throw new ConfigException("--board: '" + name + "' is not a board name (a folder under boards/)");
            }

            string beside = Path.Combine(programDirectory, "boards", name, "board.json");
            if (File.Exists(beside))
            {
                return beside;
            }

            foreach (string start in new[] { workingDirectory, programDirectory })
            {
                for (DirectoryInfo d = new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    string path = Path.Combine(d.FullName, "boards", name, "board.json");
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }

            throw new ConfigException("--board: no boards/" + name + "/board.json beside the program (" + programDirectory + ") or above " + workingDirectory);
        }

        /// <summary>
        /// Reads one board.json with the core's reader (the same parser and checks the device
        /// uses, NanoRelay.Boards.BoardProfile) and keeps the figures the budget needs;
        /// throws <see cref="ConfigException"/> with the core's one-line "field: problem".
        /// </summary>
        public static BoardBudget Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                throw new ConfigException(path + ": cannot read: " + e.Message);
            }

            string at = "board " + Path.GetFileName(Path.GetDirectoryName(path)) + ": ";
            NanoRelay.Boards.BoardProfile board = NanoRelay.Boards.BoardProfile.Parse(text, out string error);
            if (board == null)
            {
                throw new ConfigException(at + error);
            }

            string invalid = board.Validate();
            if (invalid != null)
            {
                throw new ConfigException(at + invalid);
            }

            SessionCosts measured = board.HasMeasuredMemory
                ? new SessionCosts(board.MemoryPop3SessionBytes, board.MemorySmtpSessionBytes, board.MemorySpoolEntryBytes, board.MemoryBaseBytes, Measured: true)
                {
                    ImapSessionBytes = board.MemoryImapSessionBytes > 0 ? board.MemoryImapSessionBytes : SessionCosts.ImapEstimate,
                    ImapMeasured = board.MemoryImapSessionBytes > 0,
                }
                : null;
            return new BoardBudget(board.Name ?? Path.GetFileName(Path.GetDirectoryName(path)), board.ManagedHeapBudgetBytes, board.Pop3Sessions, board.SmtpIngressSessions, board.TlsSessions, board.SpoolMaxBytes)
            {
                MeasuredCosts = measured,
                MaxImapSessions = board.ImapSessions,
                TransferHeapBytes = board.TransferHeapBytes,
            };
        }
    }
}

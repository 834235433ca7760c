namespace NanoRelay.Imap.Server
{
    /// <summary>What a command handler did; the dispatcher writes the tagged completion (popa3d's pattern).</summary>
    public enum ImapResult
    {
        /// <summary>The completion is set (OK or NO with its text); report changes, then write it.</summary>
        Done = 0,

        /// <summary>A syntax error or a command not allowed here: "tag BAD", counted.</summary>
        Bad = 1,

        /// <summary>Work continues (FETCH, SEARCH, a literal, IDLE); the completion comes later.</summary>
        Working = 2,

        /// <summary>The handler wrote everything itself (LOGOUT, a BYE).</summary>
        Replied = 3,
    }
}

namespace NanoRelay.Pop3
{
    /// <summary>What a command handler did; the dispatcher writes the reply for Ok and Err (popa3d's POP_OK/POP_ERROR/POP_QUIET).</summary>
    public enum Pop3Result
    {
        /// <summary>Success: the dispatcher writes "+OK".</summary>
        Ok = 0,

        /// <summary>A bad command: the dispatcher writes "-ERR invalid arguments" and counts it.</summary>
        Err = 1,

        /// <summary>The handler wrote its own reply.</summary>
        Replied = 2,

        /// <summary>The handler wrote its own "-ERR" reply; it counts as a bad command.</summary>
        Failed = 3,
    }
}

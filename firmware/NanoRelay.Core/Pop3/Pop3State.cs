namespace NanoRelay.Pop3
{
    /// <summary>The states of a POP3 session (RFC 1939 §3).</summary>
    public enum Pop3State
    {
        /// <summary>§4: the client identifies itself; the greeting has been sent.</summary>
        Authorization = 0,

        /// <summary>§5: the maildrop is locked and the client works on it.</summary>
        Transaction = 1,

        /// <summary>§6: after QUIT in TRANSACTION, the marked messages are removed.</summary>
        Update = 2,

        /// <summary>The session is over: QUIT answered, or the connection is gone.</summary>
        Closed = 3,
    }
}

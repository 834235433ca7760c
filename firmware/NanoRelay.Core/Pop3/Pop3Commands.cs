namespace NanoRelay.Pop3
{
    /// <summary>
    /// One command table per RFC 1939 state (popa3d pop_auth.c / pop_trans.c). A command not in
    /// the current state's table is unknown there: "-ERR" and no state change.
    /// Columns: keyword, fewest and most arguments, handler.
    /// </summary>
    public static class Pop3Commands
    {
        /// <summary>RFC 1939 §4: the AUTHORIZATION state, with RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH.</summary>
        public static readonly Pop3Command[] Authorization = new Pop3Command[]
        {
            new Pop3Command("USER", 1, 1, Pop3ServerSession.DoUser),                        // §7
            new Pop3Command("PASS", 1, 1, Pop3ServerSession.DoPass) { TakesRest = true },   // §7
            new Pop3Command("APOP", 2, 2, Pop3ServerSession.DoApop),                        // §7
            new Pop3Command("AUTH", 1, 2, Pop3ServerSession.DoAuth) { LongArguments = true }, // RFC 5034 §4
            new Pop3Command("STLS", 0, 0, Pop3ServerSession.DoStls),                        // RFC 2595 §4
            new Pop3Command("CAPA", 0, 0, Pop3ServerSession.DoCapa),                        // RFC 2449 §5
            new Pop3Command("QUIT", 0, 0, Pop3ServerSession.DoQuitAuthorization),           // §6: no UPDATE
        };

        /// <summary>RFC 1939 §5: the TRANSACTION state; QUIT leads to UPDATE (§6).</summary>
        public static readonly Pop3Command[] Transaction = new Pop3Command[]
        {
            new Pop3Command("STAT", 0, 0, Pop3ServerSession.DoStat),
            new Pop3Command("LIST", 0, 1, Pop3ServerSession.DoList),
            new Pop3Command("RETR", 1, 1, Pop3ServerSession.DoRetr),     // multi-line, dot-stuffed (§3)
            new Pop3Command("DELE", 1, 1, Pop3ServerSession.DoDele),
            new Pop3Command("NOOP", 0, 0, Pop3ServerSession.DoNoop),
            new Pop3Command("RSET", 0, 0, Pop3ServerSession.DoRset),
            new Pop3Command("TOP", 2, 2, Pop3ServerSession.DoTop),       // §7
            new Pop3Command("UIDL", 0, 1, Pop3ServerSession.DoUidl),     // §7
            new Pop3Command("CAPA", 0, 0, Pop3ServerSession.DoCapa),     // RFC 2449 §5
            new Pop3Command("QUIT", 0, 0, Pop3ServerSession.DoQuitTransaction),   // §6: UPDATE
        };
    }
}

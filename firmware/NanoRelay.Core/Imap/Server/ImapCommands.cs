namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// One command table per RFC 9051 §6 state group. A command not in the tables of the
    /// current state is "BAD" there, and nothing changes.
    /// </summary>
    public static class ImapCommands
    {
        /// <summary>§6.1: valid in any state.</summary>
        public static readonly ImapCommand[] AnyState = new ImapCommand[]
        {
            new ImapCommand("CAPABILITY", ImapServerSession.DoCapability),   // §6.1.1
            new ImapCommand("NOOP", ImapServerSession.DoNoop),               // §6.1.2
            new ImapCommand("LOGOUT", ImapServerSession.DoLogout),           // §6.1.3
            new ImapCommand("ID", ImapServerSession.DoId),                   // RFC 2971 §3.1
        };

        /// <summary>§6.2: the not authenticated state.</summary>
        public static readonly ImapCommand[] NotAuthenticated = new ImapCommand[]
        {
            new ImapCommand("STARTTLS", ImapServerSession.DoStartTls),         // §6.2.1
            new ImapCommand("AUTHENTICATE", ImapServerSession.DoAuthenticate), // §6.2.2
            new ImapCommand("LOGIN", ImapServerSession.DoLogin),               // §6.2.3
        };

        /// <summary>§6.3: the authenticated state (and, §6.4, also the selected state).</summary>
        public static readonly ImapCommand[] Authenticated = new ImapCommand[]
        {
            new ImapCommand("ENABLE", ImapServerSession.DoEnable),           // §6.3.1
            new ImapCommand("SELECT", ImapServerSession.DoSelect),           // §6.3.2
            new ImapCommand("EXAMINE", ImapServerSession.DoExamine),         // §6.3.3
            new ImapCommand("CREATE", ImapServerSession.DoCreate),           // §6.3.4
            new ImapCommand("DELETE", ImapServerSession.DoDelete),           // §6.3.5
            new ImapCommand("RENAME", ImapServerSession.DoRename),           // §6.3.6
            new ImapCommand("SUBSCRIBE", ImapServerSession.DoSubscribe),     // §6.3.7
            new ImapCommand("UNSUBSCRIBE", ImapServerSession.DoSubscribe),   // §6.3.8
            new ImapCommand("LIST", ImapServerSession.DoList),               // §6.3.9
            new ImapCommand("LSUB", ImapServerSession.DoLsub),               // RFC 3501 §6.3.9
            new ImapCommand("NAMESPACE", ImapServerSession.DoNamespace),     // §6.3.10
            new ImapCommand("STATUS", ImapServerSession.DoStatus),           // §6.3.11
            new ImapCommand("APPEND", ImapServerSession.DoAppend),           // §6.3.12
            new ImapCommand("IDLE", ImapServerSession.DoIdle),               // §6.3.13, RFC 2177
        };

        /// <summary>§6.4: the selected state only.</summary>
        public static readonly ImapCommand[] Selected = new ImapCommand[]
        {
            new ImapCommand("CHECK", ImapServerSession.DoNoop),              // RFC 3501 §6.4.1: IMAP4rev1 clients (mbsync) send it; RFC 9051 App. E: "use NOOP instead"
            new ImapCommand("CLOSE", ImapServerSession.DoClose),             // §6.4.1
            new ImapCommand("UNSELECT", ImapServerSession.DoUnselect),       // §6.4.2
            new ImapCommand("EXPUNGE", ImapServerSession.DoExpunge),         // §6.4.3
            new ImapCommand("SEARCH", ImapServerSession.DoSearch),           // §6.4.4
            new ImapCommand("FETCH", ImapServerSession.DoFetch),             // §6.4.5
            new ImapCommand("STORE", ImapServerSession.DoStore),             // §6.4.6
            new ImapCommand("COPY", ImapServerSession.DoCopy),               // §6.4.7
            new ImapCommand("MOVE", ImapServerSession.DoMove),               // §6.4.8
            new ImapCommand("UID", ImapServerSession.DoUid),                 // §6.4.9
        };
    }
}

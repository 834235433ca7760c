namespace NanoRelay.Imap.Server
{
    /// <summary>RFC 9051 §3: the states of a connection.</summary>
    public enum ImapState
    {
        /// <summary>§3.1: before LOGIN/AUTHENTICATE.</summary>
        NotAuthenticated = 0,

        /// <summary>§3.2: logged in, no mailbox selected.</summary>
        Authenticated = 1,

        /// <summary>§3.3: INBOX selected (SELECT or EXAMINE).</summary>
        Selected = 2,

        /// <summary>§3.4: LOGOUT answered, or the connection is ending.</summary>
        Logout = 3,
    }
}

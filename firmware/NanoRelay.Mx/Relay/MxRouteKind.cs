namespace NanoRelay.Relay
{
    /// <summary>What the DNS says about delivering to a domain (RFC 5321 §5.1, RFC 7505).</summary>
    public enum MxRouteKind
    {
        /// <summary>Hosts to try, best first (MX records, or the domain itself as the implicit MX).</summary>
        Hosts = 0,

        /// <summary>RFC 7505 §3: a single MX with the root as exchange: the domain accepts no mail. Bounce at once.</summary>
        NullMx = 1,

        /// <summary>NXDOMAIN: the domain does not exist. Bounce.</summary>
        NoSuchDomain = 2,

        /// <summary>No answer (timeout, SERVFAIL, malformed): ask again at the next attempt.</summary>
        TryLater = 3,
    }
}

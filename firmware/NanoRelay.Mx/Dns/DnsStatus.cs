namespace NanoRelay.Dns
{
    /// <summary>How a lookup ended; the first three are answers, the rest say "ask again later".</summary>
    public enum DnsStatus
    {
        /// <summary>Records of the asked type were found (after any CNAME chain).</summary>
        Answer = 0,

        /// <summary>RCODE 0 and no record of the type: the name exists (RFC 2308 §2.2 "NODATA").</summary>
        NoData = 1,

        /// <summary>RCODE 3, NXDOMAIN (RFC 1035 §4.1.1): the name does not exist. Final.</summary>
        NameError = 2,

        /// <summary>SERVFAIL, REFUSED, NOTIMP or FORMERR from every server that answered: temporary.</summary>
        ServerFailure = 3,

        /// <summary>No server answered within the timeouts: temporary.</summary>
        Timeout = 4,

        /// <summary>The answer was malformed (bad length, pointer loop, CNAME chain too long) or the name is not a domain name.</summary>
        Invalid = 5,

        /// <summary>TC=1: the answer did not fit the datagram; asked again over TCP (RFC 7766 §5). Internal.</summary>
        Truncated = 6,

        /// <summary>Not an answer to our query (another ID, question, or a query): ignored (RFC 5452 §9.1). Internal.</summary>
        Mismatch = 7,
    }
}

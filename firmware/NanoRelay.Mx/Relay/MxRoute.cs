namespace NanoRelay.Relay
{
    /// <summary>The hosts to try for one domain, in the order RFC 5321 §5.1 asks, or why there are none.</summary>
    public sealed class MxRoute
    {
        public MxRoute(MxRouteKind kind, string[] hosts, int[] preferences, string detail)
        {
            Kind = kind;
            Hosts = hosts == null ? new string[0] : hosts;
            Preferences = preferences == null ? new int[0] : preferences;
            Detail = detail;
        }

        public MxRouteKind Kind { get; private set; }

        /// <summary>MX host names, lowest preference first, equal preferences shuffled.</summary>
        public string[] Hosts { get; private set; }

        public int[] Preferences { get; private set; }

        /// <summary>One line for the queue and the bounce: what the DNS said.</summary>
        public string Detail { get; private set; }
    }
}

namespace NanoRelay.Dns
{
    /// <summary>A configured resolver: "192.168.1.1", "127.0.0.1:5353", "::1" or "[::1]:5353" (port 53 by default, RFC 1035 §4.2).</summary>
    public sealed class DnsServer
    {
        public DnsServer(string address, int port)
        {
            Address = address;
            Port = port;
        }

        /// <summary>A literal address, as the datagram port reports senders.</summary>
        public string Address { get; private set; }

        public int Port { get; private set; }

        /// <summary>The config's text as a server, or null when it is not an address with an optional port.</summary>
        public static DnsServer Parse(string text)
        {
            if (text == null || text.Length == 0)
            {
                return null;
            }

            string address = text;
            int port = 53;
            int colon = text.LastIndexOf(':');
            if (text[0] == '[')
            {
                int close = text.IndexOf(']');
                if (close < 2)
                {
                    return null;
                }

                address = text.Substring(1, close - 1);
                if (close + 1 < text.Length)
                {
                    if (text[close + 1] != ':' || (port = PortOf(text, close + 2)) < 0)
                    {
                        return null;
                    }
                }
            }
            else if (colon > 0 && text.IndexOf(':') == colon)
            {
                address = text.Substring(0, colon);     // IPv4 with a port; IPv6 has several colons
                if ((port = PortOf(text, colon + 1)) < 0)
                {
                    return null;
                }
            }

            for (int i = 0; i < address.Length; i++)
            {
                char c = address[i];
                bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
                if (!ok)
                {
                    return null;    // a literal address only: a resolver named by a name needs a resolver
                }
            }

            return new DnsServer(address, port);
        }

        public override string ToString()
        {
            return (Address.IndexOf(':') >= 0 ? "[" + Address + "]" : Address) + ":" + Port.ToString();
        }

        private static int PortOf(string text, int start)
        {
            if (start >= text.Length || text.Length - start > 5)
            {
                return -1;
            }

            int port = 0;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                port = port * 10 + (c - '0');
            }

            return port > 0 && port <= 65535 ? port : -1;
        }
    }
}

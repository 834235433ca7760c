using NanoRelay.Crypto;
using NanoRelay.Ports;

namespace NanoRelay.Mime
{
    /// <summary>
    /// RFC 5322 §3.6.4 Message-IDs: "&lt;" time "." 96 random bits "." device "@" domain "&gt;". Made once when
    /// an alert is created and written into the spooled message, so every retry sends the same one
    /// (docs/catalogue.md #34: a duplicate after an ambiguous failure is recognisable).
    /// </summary>
    public static class MessageId
    {
        /// <summary>A new unique id; <paramref name="domain"/> is usually the From address's domain.</summary>
        public static string Create(IRandom random, IClock clock, string deviceName, string domain)
        {
            byte[] nonce = new byte[12];
            random.NextBytes(nonce, 0, nonce.Length);
            byte[] hex = new byte[24];
            Hex.Encode(nonce, 0, nonce.Length, hex, 0);
            long stamp = clock.IsUtcTrusted ? clock.UtcNow.Ticks / 10000000 : clock.MonotonicMilliseconds;
            string left = stamp.ToString() + "." + NanoRelay.Framing.Utf8.GetString(hex, 0, hex.Length) + "." + Atom(deviceName);
            return "<" + left + "@" + (domain == null || domain.Length == 0 ? "nanorelay.invalid" : Atom(domain)) + ">";
        }

        /// <summary>The domain part of an address ("a@b.c" gives "b.c"), or null.</summary>
        public static string DomainOf(string address)
        {
            int at = address == null ? -1 : address.LastIndexOf('@');
            if (at < 0)
            {
                return null;
            }

            string d = address.Substring(at + 1);
            int gt = d.IndexOf('>');
            return gt >= 0 ? d.Substring(0, gt) : d;
        }

        // RFC 5322 §3.2.3 dot-atom-text: keep letters, digits, '-' and '.', replace the rest.
        private static string Atom(string s)
        {
            if (s == null || s.Length == 0)
            {
                return "nanorelay";
            }

            char[] c = new char[s.Length > 64 ? 64 : s.Length];
            for (int i = 0; i < c.Length; i++)
            {
                char x = s[i];
                bool ok = (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9') || x == '-' || (x == '.' && i > 0 && i < c.Length - 1);
                c[i] = ok ? x : '-';
            }

            return new string(c);
        }
    }
}

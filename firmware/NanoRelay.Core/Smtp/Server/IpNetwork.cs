namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// An IPv4 or IPv6 network in CIDR notation ("192.168.1.0/24", "fd00::/8", a bare address is
    /// /32 or /128), parsed from text and matched against a peer's address text. IPv4 addresses
    /// are held as IPv4-mapped IPv6 (::ffff:a.b.c.d), so "::ffff:10.0.0.1" matches "10.0.0.0/8".
    /// </summary>
    public sealed class IpNetwork
    {
        private readonly byte[] _address;
        private readonly int _prefix;

        private IpNetwork(byte[] address, int prefix)
        {
            _address = address;
            _prefix = prefix;
        }

        /// <summary>Parses "ADDRESS[/PREFIX]"; returns null when the text is not a network.</summary>
        public static IpNetwork Parse(string text)
        {
            if (text == null)
            {
                return null;
            }

            int slash = text.IndexOf('/');
            string addressText = slash < 0 ? text : text.Substring(0, slash);
            byte[] address = new byte[16];
            bool isV4;
            if (!TryParseAddress(addressText, address, out isV4))
            {
                return null;
            }

            // "::ffff:192.168.0.0/120" is written in IPv6 terms: its prefix counts all 128 bits.
            isV4 = addressText.IndexOf(':') < 0;
            int prefix = isV4 ? 32 : 128;
            if (slash >= 0)
            {
                byte[] digits = NanoRelay.Framing.Ascii.Bytes(text.Substring(slash + 1));
                int p;
                if (!NanoRelay.Framing.Ascii.TryParseInt(digits, 0, digits.Length, out p) || digits.Length > 3 || p > prefix)
                {
                    return null;
                }

                prefix = p;
            }

            // Held as IPv6: an IPv4 prefix counts from bit 96.
            return new IpNetwork(address, isV4 ? prefix + 96 : prefix);
        }

        /// <summary>Whether the address (text as the connection reports it) lies in this network; false for unparsable text.</summary>
        public bool Contains(string addressText)
        {
            byte[] address = new byte[16];
            bool isV4;
            if (!TryParseAddress(addressText, address, out isV4))
            {
                return false;
            }

            int full = _prefix / 8;
            for (int i = 0; i < full; i++)
            {
                if (address[i] != _address[i])
                {
                    return false;
                }
            }

            int bits = _prefix % 8;
            if (bits == 0)
            {
                return true;
            }

            int mask = (0xFF << (8 - bits)) & 0xFF;
            return (address[full] & mask) == (_address[full] & mask);
        }

        /// <summary>Parses a dotted IPv4 or an RFC 4291 §2.2 IPv6 address (with "::" and a trailing IPv4) into 16 bytes.</summary>
        public static bool TryParseAddress(string text, byte[] address, out bool isV4)
        {
            isV4 = false;
            if (text == null || text.Length == 0 || text.Length > 45)
            {
                return false;
            }

            // A zone ("fe80::1%eth0") does not change the address.
            int zone = text.IndexOf('%');
            if (zone >= 0)
            {
                text = text.Substring(0, zone);
            }

            if (text.IndexOf(':') < 0)
            {
                isV4 = true;
                address[10] = 0xFF;
                address[11] = 0xFF;
                return TryParseV4(text, 0, text.Length, address, 12);
            }

            if (!TryParseV6(text, address))
            {
                return false;
            }

            // An IPv4-mapped peer (::ffff:a.b.c.d, as dual-stack sockets report it) is an IPv4 peer.
            isV4 = true;
            for (int i = 0; i < 10; i++)
            {
                isV4 &= address[i] == 0;
            }

            isV4 &= address[10] == 0xFF && address[11] == 0xFF;
            return true;
        }

        private static bool TryParseV4(string text, int start, int end, byte[] address, int at)
        {
            int part = 0;
            int value = -1;
            int digits = 0;
            for (int i = start; i <= end; i++)
            {
                char c = i < end ? text[i] : '.';
                if (c >= '0' && c <= '9')
                {
                    // No leading zeros (some parsers read them as octal) and at most 3 digits.
                    if (digits > 0 && value == 0)
                    {
                        return false;
                    }

                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                    digits++;
                    if (value > 255 || digits > 3)
                    {
                        return false;
                    }
                }
                else if (c == '.')
                {
                    if (value < 0 || part > 3)
                    {
                        return false;
                    }

                    address[at + part] = (byte)value;
                    part++;
                    value = -1;
                    digits = 0;
                }
                else
                {
                    return false;
                }
            }

            return part == 4;
        }

        private static bool TryParseV6(string text, byte[] address)
        {
            int[] groups = new int[8];
            int count = 0;
            int gap = -1;   // group index where "::" stands
            int i = 0;
            int n = text.Length;
            if (n >= 2 && text[0] == ':' && text[1] == ':')
            {
                gap = 0;
                i = 2;
            }
            else if (n >= 1 && text[0] == ':')
            {
                return false;
            }

            while (i < n)
            {
                if (count >= 8)
                {
                    return false;
                }

                int groupStart = i;
                int value = 0;
                int digits = 0;
                while (i < n && text[i] != ':')
                {
                    int h = HexValue(text[i]);
                    if (h < 0)
                    {
                        break;
                    }

                    value = (value << 4) | h;
                    digits++;
                    i++;
                }

                if (i < n && text[i] == '.')
                {
                    // A trailing dotted IPv4 fills the last two groups.
                    if (count > 6)
                    {
                        return false;
                    }

                    byte[] v4 = new byte[4];
                    if (!TryParseV4(text, groupStart, n, v4, 0))
                    {
                        return false;
                    }

                    groups[count++] = (v4[0] << 8) | v4[1];
                    groups[count++] = (v4[2] << 8) | v4[3];
                    i = n;
                    break;
                }

                if (digits == 0 || digits > 4 || (i < n && text[i] != ':'))
                {
                    return false;
                }

                groups[count++] = value;
                if (i < n)
                {
                    i++;   // the ':'
                    if (i < n && text[i] == ':')
                    {
                        if (gap >= 0)
                        {
                            return false;
                        }

                        gap = count;
                        i++;
                    }
                    else if (i == n)
                    {
                        return false;   // a trailing single ':'
                    }
                }
            }

            if (gap < 0 ? count != 8 : count > 7)
            {
                return false;
            }

            int zeros = 8 - count;
            int g = 0;
            for (int k = 0; k < count; k++)
            {
                if (k == gap)
                {
                    g += zeros;
                }

                address[2 * g] = (byte)(groups[k] >> 8);
                address[(2 * g) + 1] = (byte)groups[k];
                g++;
            }

            return true;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}

using System;
using NanoRelay.Smtp.Server;

namespace NanoRelay.Config
{
    /// <summary>
    /// The one validation of <see cref="RelayConfig"/>, on the host and the device: the first bad
    /// field as one line "field: problem", or null. Run after <see cref="ConfigDefaults.Apply"/>.
    /// Files (certificates, CA, replay CSVs) are the platform's to find.
    /// </summary>
    public static class ConfigCheck
    {
        /// <summary>Null when the config is usable, else one line naming the first bad field.</summary>
        public static string First(RelayConfig c)
        {
            string problem = c.Upstream == null ? null : c.Upstream.Mode == "mx" ? Mx(c.Upstream) : Submission(c.Upstream);
            if (problem != null)
            {
                return problem;
            }

            AlertsSection a = c.Alerts;
            if (a == null || !IsAddress(a.From))
            {
                return "alerts.from: must be an address like name@example.com";
            }

            if (a.To == null || a.To.Length == 0)
            {
                return "alerts.to: needs at least one address";
            }

            for (int i = 0; i < a.To.Length; i++)
            {
                if (!IsAddress(a.To[i]))
                {
                    return "alerts.to[" + i.ToString() + "]: '" + a.To[i] + "' is not an address";
                }
            }

            problem = Mailbox(c);
            if (problem != null)
            {
                return problem;
            }

            problem = Ingress(c.SmtpIngress, false);
            if (problem != null)
            {
                return problem;
            }

            if (c.Spool == null || c.Spool.MaxBytes < 65536)
            {
                return "spool.maxBytes: must be at least 65536";
            }

            RetrySection r = c.Retry;
            if (r == null || r.FirstDelaySeconds <= 0)
            {
                return "retry.firstDelaySeconds: must be positive";
            }

            if (r.MaxDelaySeconds < r.FirstDelaySeconds)
            {
                return "retry.maxDelaySeconds: must be at least retry.firstDelaySeconds";
            }

            if (r.LifetimeHours <= 0)
            {
                return "retry.lifetimeHours: must be positive";
            }

            return SensorConfigCheck.First(c.Sensors);
        }

        /// <summary>"ADDRESS:PORT" with a literal IPv4 or bracketed IPv6 address and a port 1-65535 (0 when <paramref name="anyPort"/>).</summary>
        public static bool IsEndPoint(string text, bool anyPort)
        {
            int colon = text == null ? -1 : text.LastIndexOf(':');
            if (colon <= 0)
            {
                return false;
            }

            string address = text.Substring(0, colon);
            if (address.Length > 2 && address[0] == '[' && address[address.Length - 1] == ']')
            {
                address = address.Substring(1, address.Length - 2);
            }
            else if (address.IndexOf(':') >= 0)
            {
                return false;   // an IPv6 address with a port is written [ADDRESS]:PORT
            }

            int port = PortOf(text, colon + 1);
            bool isV4;
            return (port > 0 || (anyPort && port == 0)) && IpNetwork.TryParseAddress(address, new byte[16], out isV4);
        }

        /// <summary>"localhost" and the literal loopback addresses: a password toward them never leaves the machine.</summary>
        public static bool IsLoopback(string host)
        {
            if (host == null)
            {
                return false;
            }

            string h = host.Length > 2 && host[0] == '[' ? host.Substring(1, host.Length - 2) : host;
            byte[] address = new byte[16];
            bool isV4;
            if (h.ToLower() == "localhost")
            {
                return true;
            }

            if (!IpNetwork.TryParseAddress(h, address, out isV4))
            {
                return false;
            }

            if (isV4)
            {
                return address[12] == 127;   // RFC 1122 §3.2.1.3: 127.0.0.0/8 is the host itself
            }

            for (int i = 0; i < 15; i++)
            {
                if (address[i] != 0)
                {
                    return false;
                }
            }

            return address[15] == 1;         // RFC 4291 §2.5.3: ::1
        }

        // mode "submission": one server that takes the mail with AUTH.
        private static string Submission(UpstreamSection u)
        {
            if (u.Mode != "submission")
            {
                return "upstream.mode: must be submission or mx, not '" + u.Mode + "'";
            }

            if (u.Resolvers != null)
            {
                return "upstream.resolvers: is for mode mx only";
            }

            if (u.Host == null || u.Host.Trim().Length == 0)
            {
                return "upstream.host: is required when upstream is given";
            }

            if (u.Port <= 0 || u.Port > 65535)
            {
                return "upstream.port: must be 1-65535, not " + u.Port.ToString();
            }

            if (u.Tls != "starttls" && u.Tls != "implicit" && u.Tls != "none")
            {
                return "upstream.tls: must be starttls, implicit or none, not '" + u.Tls + "'";
            }

            if (u.Auth != "auto" && u.Auth != "plain" && u.Auth != "login" && u.Auth != "cram-md5" && u.Auth != "xoauth2")
            {
                return "upstream.auth: must be auto, plain, login, cram-md5 or xoauth2, not '" + u.Auth + "'";
            }

            if (u.Auth == "xoauth2" && Empty(u.Token))
            {
                return "upstream.token: is required with auth xoauth2";
            }

            if (!Empty(u.Password) && Empty(u.User))
            {
                return "upstream.user: is required when a password is given";
            }

            if (u.Tls == "none" && !Empty(u.Password) && !u.AllowPlaintextAuth && !IsLoopback(u.Host))
            {
                return "upstream.tls: is none, so the password would cross the network to " + u.Host + " in clear; use starttls or implicit, or set \"allowPlaintextAuth\": true";
            }

            return null;
        }

        // mode "mx": each domain's MX hosts on port 25, never AUTH.
        private static string Mx(UpstreamSection u)
        {
            if (u.Tls != "opportunistic" && u.Tls != "required")
            {
                return "upstream.tls: must be opportunistic or required with mode mx, not '" + u.Tls + "'";
            }

            if (u.Resolvers == null || u.Resolvers.Length == 0 || u.Resolvers.Length > Limits.DnsResolvers)
            {
                return "upstream.resolvers: needs 1 to " + Limits.DnsResolvers.ToString() + " DNS server addresses with mode mx";
            }

            for (int i = 0; i < u.Resolvers.Length; i++)
            {
                string r = u.Resolvers[i];
                if (r == null || !(IsEndPoint(r, false) || IsEndPoint(r.IndexOf(':') >= 0 ? "[" + r + "]:53" : r + ":53", false)))
                {
                    return "upstream.resolvers[" + i.ToString() + "]: '" + r + "' is not an address (with an optional :port)";
                }
            }

            if (u.MxPort <= 0 || u.MxPort > 65535)
            {
                return "upstream.mxPort: must be 1-65535, not " + u.MxPort.ToString();
            }

            if (!Empty(u.Host))
            {
                return "upstream.host: is for mode submission; mode mx finds each domain's hosts in the DNS";
            }

            if (!Empty(u.User) || !Empty(u.Password) || !Empty(u.Token))
            {
                return "upstream.user: mode mx never authenticates (port 25 takes mail for its own domains without AUTH); remove user, password and token";
            }

            return null;
        }

        // pop3, pop2 and imap: one mailbox, one account.
        private static string Mailbox(RelayConfig c)
        {
            Pop3Section p = c.Pop3;
            if (p == null || !IsEndPoint(p.Listen, false))
            {
                return "pop3.listen: must be ADDRESS:PORT, not '" + (p == null ? null : p.Listen) + "'";
            }

            if (p.TlsListen != null && !IsEndPoint(p.TlsListen, false))
            {
                return "pop3.tlsListen: must be ADDRESS:PORT, or left out";
            }

            if (Empty(p.User))
            {
                return "pop3.user: is required";
            }

            if (Empty(p.Password))
            {
                return "pop3.password: is required";
            }

            if (c.Pop2 != null && c.Pop2.Listen != null && !IsEndPoint(c.Pop2.Listen, false))
            {
                return "pop2.listen: must be ADDRESS:PORT, or left out (POP2 off), not '" + c.Pop2.Listen + "'";
            }

            ImapSection m = c.Imap;
            if (m == null)
            {
                return null;
            }

            if (!IsEndPoint(m.Listen, false))
            {
                return "imap.listen: must be ADDRESS:PORT, not '" + m.Listen + "'";
            }

            if (m.TlsListen != null && !IsEndPoint(m.TlsListen, false))
            {
                return "imap.tlsListen: must be ADDRESS:PORT, or left out";
            }

            if (m.User != null && m.User.Length == 0)
            {
                return "imap.user: must not be empty; leave it out for pop3.user";
            }

            if (m.Password != null && m.Password.Length == 0)
            {
                return "imap.password: must not be empty; leave it out for pop3.password";
            }

            return null;
        }

        /// <summary>The "smtpIngress" section alone; <paramref name="anyPort"/>: listen may be port 0 (the host's --smtp flag in tests).</summary>
        public static string Ingress(SmtpIngressSection s, bool anyPort)
        {
            if (s == null || !IsEndPoint(s.Listen, anyPort))
            {
                return "smtpIngress.listen: must be ADDRESS:PORT, not '" + (s == null ? null : s.Listen) + "'";
            }

            if (s.MaxMessageBytes < 1024)
            {
                return "smtpIngress.maxMessageBytes: must be at least 1024";
            }

            if (s.BareLineEnds != "reject" && s.BareLineEnds != "normalize")
            {
                return "smtpIngress.bareLineEnds: must be reject or normalize, not '" + s.BareLineEnds + "'";
            }

            if (s.MaxSessions != ConfigDefaults.NotGiven && s.MaxSessions < 1)
            {
                return "smtpIngress.maxSessions: must be at least 1";
            }

            for (int i = 0; s.Users != null && i < s.Users.Length; i++)
            {
                UserSection u = s.Users[i];
                if (u == null || Empty(u.User) || Empty(u.Password))
                {
                    return "smtpIngress.users[" + i.ToString() + "]: needs \"user\" and \"password\"";
                }
            }

            try
            {
                RelayPolicy.Create(s.AllowFrom);
            }
            catch (ArgumentException e)
            {
                return "smtpIngress." + e.Message;
            }

            return null;
        }

        private static bool IsAddress(string a)
        {
            int at = a == null ? -1 : a.LastIndexOf('@');
            return at > 0 && at < a.Length - 1 && a.IndexOf(' ') < 0 && a.IndexOf('<') < 0 && a.IndexOf('>') < 0 && a.IndexOf('\r') < 0 && a.IndexOf('\n') < 0;
        }

        private static bool Empty(string s)
        {
            return s == null || s.Length == 0;
        }

        // The decimal port from `start` to the end of `text`, or -1.
        private static int PortOf(string text, int start)
        {
            int port = 0;
            if (start >= text.Length || text.Length - start > 5)
            {
                return -1;
            }

            for (int i = start; i < text.Length; i++)
            {
                char d = text[i];
                if (d < '0' || d > '9')
                {
                    return -1;
                }

                port = (port * 10) + (d - '0');
            }

            return port <= 65535 ? port : -1;
        }
    }
}

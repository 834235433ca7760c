using System;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// Who may relay through the ingress: clients in the `smtpIngress.allowFrom` networks, or
    /// clients that authenticated. Never an open relay: a recipient whose form could route the
    /// mail somewhere other than its plain domain (source routes, "%" and "!" hacks, a quoted
    /// local part holding "@", no domain at all) is refused for everyone (DSBL relaytest forms).
    /// </summary>
    public sealed class RelayPolicy
    {
        private readonly IpNetwork[] _allowFrom;

        private RelayPolicy(IpNetwork[] allowFrom)
        {
            _allowFrom = allowFrom;
        }

        /// <summary>
        /// Parses the allowFrom list. Throws ArgumentException naming the first entry that is not
        /// ADDRESS[/PREFIX] (the host turns it into a one-line config error).
        /// </summary>
        public static RelayPolicy Create(string[] allowFrom)
        {
            int n = allowFrom == null ? 0 : allowFrom.Length;
            IpNetwork[] networks = new IpNetwork[n];
            for (int i = 0; i < n; i++)
            {
                networks[i] = IpNetwork.Parse(allowFrom[i]);
                if (networks[i] == null)
                {
                    throw new ArgumentException("allowFrom[" + i + "]: '" + allowFrom[i] + "' is not an IPv4 or IPv6 network like 192.168.1.0/24");
                }
            }

            return new RelayPolicy(networks);
        }

        /// <summary>Whether the peer's address lies in one of the allowFrom networks.</summary>
        public bool IsAllowedClient(string remoteAddress)
        {
            for (int i = 0; i < _allowFrom.Length; i++)
            {
                if (_allowFrom[i].Contains(remoteAddress))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a recipient may be relayed for a client that is allowed or authenticated.</summary>
        public bool IsRelayableRecipient(SmtpPath recipient)
        {
            return (recipient.Flags & SmtpPathFlags.Ambiguous) == 0;
        }
    }
}

using System;
using System.Net;
using System.Net.Sockets;
using NanoRelay.HostSim.Adapters;

namespace NanoRelay.HostSim
{
    /// <summary>The listen addresses of `run`'s mailbox services: parsed with the field named, printed for people and for curl.</summary>
    public static class ListenAddress
    {
        /// <summary>Parses ADDRESS:PORT; throws <see cref="ConfigException"/> naming <paramref name="field"/> (a key or a flag).</summary>
        public static IPEndPoint Parse(string text, string field)
        {
            try
            {
                return TcpListenerAdapter.ParseEndPoint(text);
            }
            catch (FormatException e)
            {
                throw new ConfigException(field + ": " + e.Message);
            }
        }

        /// <summary>"127.0.0.1" or "[::1]": an address as it stands before ":port".</summary>
        public static string Host(IPAddress address)
        {
            return address.AddressFamily == AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
        }

        /// <summary>Where a local client connects: the wildcard addresses become loopback.</summary>
        public static string ClientHost(IPAddress address)
        {
            return address.Equals(IPAddress.Any) ? "127.0.0.1" : address.Equals(IPAddress.IPv6Any) ? "[::1]" : Host(address);
        }
    }
}

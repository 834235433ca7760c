using System.Collections.Generic;
using System.Text;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Mx
{
    /// <summary>MX hosts in-process: each address answers with its own server script, or refuses the connection.</summary>
    public sealed class SmtpHosts : IConnector
    {
        private readonly Dictionary<string, string> _scripts = new();

        public List<string> Connects { get; } = new();

        public Dictionary<string, ScriptedConnection> Sessions { get; } = new();

        public const string Accepts2 = "220 mx ESMTP\r\n250 mx\r\n250 ok\r\n250 ok\r\n250 ok\r\n354 go\r\n250 2.0.0 queued as X\r\n221 bye\r\n";
        public const string Accepts1 = "220 mx ESMTP\r\n250 mx\r\n250 ok\r\n250 ok\r\n354 go\r\n250 2.0.0 queued as X\r\n221 bye\r\n";

        /// <summary>An address whose server says <paramref name="script"/>; null: nothing listens (connection refused).</summary>
        public SmtpHosts At(string address, string script)
        {
            _scripts[address] = script;
            return this;
        }

        public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
        {
            Connects.Add(host + ":" + port);
            if (!_scripts.TryGetValue(host, out string script) || script == null)
            {
                throw new ConnectionException("connect to " + host + ":" + port + " failed: connection refused");
            }

            ScriptedConnection c = new ScriptedConnection(Encoding.ASCII.GetBytes(script), 1) { PeerIsServer = true, RemoteAddress = host };
            Sessions[host] = c;
            return c;
        }
    }
}

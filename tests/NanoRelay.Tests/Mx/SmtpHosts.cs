using System.Collections.Generic;
using System.Text;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Tests.Mx
{
    /// <summary>MX hosts in-process: each address answers with its own server script, or refuses the connection.</summary>
    public sealed class SmtpHosts : IConnector
    {
        private readonly Dictionary<string, Queue<string>> _scripts = new();

        public List<string> Connects { get; } = new();

        public Dictionary<string, ScriptedConnection> Sessions { get; } = new();

        public const string Accepts2 = "220 mx ESMTP\r\n250 mx\r\n250 ok\r\n250 ok\r\n250 ok\r\n354 go\r\n250 2.0.0 queued as X\r\n221 bye\r\n";
        public const string Accepts1 = "220 mx ESMTP\r\n250 mx\r\n250 ok\r\n250 ok\r\n354 go\r\n250 2.0.0 queued as X\r\n221 bye\r\n";

        /// <summary>
        /// An address whose server says <paramref name="scripts"/>, one per connection (the last one
        /// for every connection after); null: nothing listens (connection refused).
        /// </summary>
        public SmtpHosts At(string address, params string[] scripts)
        {
            _scripts[address] = new Queue<string>(scripts ?? new string[] { null });
            return this;
        }

        public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
        {
            Connects.Add(host + ":" + port);
            string script = null;
            if (_scripts.TryGetValue(host, out Queue<string> q))
            {
                script = q.Count > 1 ? q.Dequeue() : q.Peek();
            }

            if (script == null)
            {
                throw new ConnectionException("connect to " + host + ":" + port + " failed: connection refused");
            }

            ScriptedConnection c = new ScriptedConnection(Encoding.ASCII.GetBytes(script), 1) { PeerIsServer = true, RemoteAddress = host };
            Sessions[host] = c;
            return c;
        }
    }
}

using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The device mailbox served over POP3 on the host: the core's Pop3Server behind the shared
    /// <see cref="SessionListener"/> (STLS, implicit TLS, the session cap, a stop without UPDATE).
    /// </summary>
    public sealed class Pop3Service : SessionListener
    {
        private readonly Pop3Server _server;

        /// <summary>A service on <paramref name="listen"/> (and <paramref name="tlsListen"/> if not null) over <paramref name="maildrop"/>.</summary>
        public Pop3Service(Pop3ServerOptions options, IMaildrop maildrop, X509Certificate2 certificate, IPEndPoint listen, IPEndPoint tlsListen, IClock clock, IRandom random, ILog log)
            : base("pop3", options.MaxSessions, options.PreAuthTimeoutMilliseconds, NanoRelay.Limits.Pop3WriteTimeoutMs, certificate, listen, tlsListen, log)
        {
            options.TlsAvailable = certificate != null;

            // The greeting counter starts at a random value too: after a restart the nonce alone
            // would already differ, this makes a collision of both practically impossible.
            byte[] start = new byte[4];
            random.NextBytes(start, 0, 4);
            _server = new Pop3Server(options, maildrop, clock, random, log, BitConverter.ToUInt32(start, 0));
        }

        /// <summary>The shared server state (options, session count).</summary>
        public Pop3Server Server { get { return _server; } }

        protected override ISessionSlot EnterSession()
        {
            return _server.EnterSession();
        }

        protected override void RefuseBusy(IConnection connection)
        {
            // RFC 3206 [SYS/TEMP].
            _server.RefuseBusy(connection);
        }

        protected override void Serve(IConnection connection, ISessionSlot slot)
        {
            new Pop3ServerDriver(_server, connection, TransferChunk) { Slot = slot }.Run();
        }
    }
}

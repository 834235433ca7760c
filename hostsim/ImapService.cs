using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Imap;
using NanoRelay.Imap.Server;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The device mailbox served over IMAP4rev2 on the host: the core's ImapServer behind the
    /// shared <see cref="SessionListener"/> (STARTTLS, implicit TLS, the session cap, a stop
    /// that closes every session; IDLE sessions look at the mailbox's version every
    /// ImapServerOptions.IdlePollMilliseconds).
    /// </summary>
    public sealed class ImapService : SessionListener
    {
        private readonly ImapServer _server;

        /// <summary>A service on <paramref name="listen"/> (and <paramref name="tlsListen"/> if not null) over <paramref name="mailbox"/>; a client that stops reading a FETCH is dropped after POP3's write timeout.</summary>
        public ImapService(ImapServerOptions options, IImapMailbox mailbox, X509Certificate2 certificate, IPEndPoint listen, IPEndPoint tlsListen, IClock clock, ILog log)
            : base("imap", options.MaxSessions, options.PreAuthTimeoutMilliseconds, certificate, listen, tlsListen, log)
        {
            options.TlsAvailable = certificate != null;
            _server = new ImapServer(options, mailbox, clock, log);
        }

        /// <summary>The shared server state (options, session count).</summary>
        public ImapServer Server { get { return _server; } }

        protected override ISessionSlot EnterSession()
        {
            return _server.EnterSession();
        }

        protected override void RefuseBusy(IConnection connection)
        {
            // RFC 9051 §7.1.5 BYE [UNAVAILABLE].
            _server.RefuseBusy(connection);
        }

        protected override void Serve(IConnection connection, ISessionSlot slot)
        {
            new ImapServerDriver(_server, connection, TransferChunk) { Slot = slot, Heap = Heap }.Run();
        }
    }
}

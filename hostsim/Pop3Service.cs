using System;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using NanoRelay.Pop2;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The device mailbox served over POP3 on the host: the core's Pop3Server behind the shared
    /// <see cref="SessionListener"/> (STLS, implicit TLS, the session cap, a stop without UPDATE), and
    /// POP2 (RFC 937) when asked: its own listener on the same server, so the same maildrop lock, account and cap.
    /// </summary>
    public sealed class Pop3Service : SessionListener
    {
        private readonly Pop3Server _server;
        private readonly Pop3ServerOptions _options;
        private readonly ILog _log;
        private Pop2Listener _pop2;

        /// <summary>A service on <paramref name="listen"/> (and <paramref name="tlsListen"/> if not null) over <paramref name="maildrop"/>.</summary>
        public Pop3Service(Pop3ServerOptions options, IMaildrop maildrop, X509Certificate2 certificate, IPEndPoint listen, IPEndPoint tlsListen, IClock clock, IRandom random, ILog log)
            : base("pop3", options.MaxSessions, options.PreAuthTimeoutMilliseconds, certificate, listen, tlsListen, log)
        {
            options.TlsAvailable = certificate != null;
            _options = options;
            _log = log;

            // The greeting counter starts at a random value too: after a restart the nonce alone
            // would already differ, this makes a collision of both practically impossible.
            byte[] start = new byte[4];
            random.NextBytes(start, 0, 4);
            _server = new Pop3Server(options, maildrop, clock, random, log, BitConverter.ToUInt32(start, 0));
        }

        /// <summary>The shared server state (options, session count).</summary>
        public Pop3Server Server { get { return _server; } }

        /// <summary>POP2 (RFC 937) on the same maildrop, account, lock and session cap: where to listen, or null (off). Set before Start.</summary>
        public IPEndPoint Pop2Listen { get; set; }

        /// <summary>POP2's HELO password accepted from the LAN (config pop2.allowPlaintextAuth); else loopback only.</summary>
        public bool Pop2PlaintextFromLan { get; set; }

        /// <summary>The POP2 port really bound, or 0.</summary>
        public int Pop2Port { get { return _pop2 == null ? 0 : _pop2.Port; } }

        /// <summary>POP3 and POP2 sessions open now (for the status line).</summary>
        public override int ActiveSessions { get { return base.ActiveSessions + (_pop2 == null ? 0 : _pop2.ActiveSessions); } }

        public override void Start()
        {
            base.Start();
            if (Pop2Listen != null)
            {
                _pop2 = new Pop2Listener(this, Pop2Listen);
                try
                {
                    _pop2.Start();
                }
                catch
                {
                    base.Stop();
                    throw;
                }
            }
        }

        public override void Stop()
        {
            _pop2?.Stop();
            base.Stop();
        }

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
            new Pop3ServerDriver(_server, connection, TransferChunk) { Slot = slot, Heap = Heap }.Run();
        }

        /// <summary>POP2's port: no TLS (RFC 937 has none), the same server and so the same lock and cap.</summary>
        private sealed class Pop2Listener : SessionListener
        {
            private readonly Pop3Service _pop3;

            public Pop2Listener(Pop3Service pop3, IPEndPoint listen)
                : base("pop2", pop3._options.MaxSessions, pop3._options.PreAuthTimeoutMilliseconds, null, listen, null, pop3._log)
            {
                _pop3 = pop3;
            }

            protected override ISessionSlot EnterSession()
            {
                return _pop3._server.EnterSession();
            }

            protected override void RefuseBusy(IConnection connection)
            {
                Pop2ServerDriver.RefuseBusy(connection);
            }

            protected override void Serve(IConnection connection, ISessionSlot slot)
            {
                new Pop2ServerDriver(_pop3._server, connection, _pop3.TransferChunk, _pop3.Pop2PlaintextFromLan) { Slot = slot, Heap = _pop3.Heap }.Run();
            }
        }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>
    /// One server (SMTP ingress, POP3, POP2, IMAP) on its plain port and, with a certificate and when
    /// asked, its implicit-TLS port, under one cap that comes before any TLS: a client over it costs no
    /// handshake (the TLS port just closes; on the plain port the server answers "busy": 421 4.7.0,
    /// -ERR [SYS/TEMP], * BYE).
    /// </summary>
    public sealed class SessionListener
    {
        private readonly SessionEntry _enter;
        private readonly ConnectionHandler _refuse;
        private readonly SessionHandler _run;

        public SessionListener(SessionEntry enter, ConnectionHandler refuse, SessionHandler run)
        {
            _enter = enter;
            _refuse = refuse;
            _run = run;
        }

        /// <summary>
        /// Binds <paramref name="listen"/>, and <paramref name="tlsListen"/> (RFC 8314 §3.3) when set and <paramref name="tls"/>.
        /// The server's count is the cap clients see (both ports); the runner's slots bound threads and sockets at one
        /// more: a session writing its goodbye has given its place back but still holds its socket.
        /// </summary>
        public void Listen(Listeners listeners, string name, string listen, string tlsListen, bool tls, int maxSessions)
        {
            SessionSlots slots = new SessionSlots(maxSessions + 1);
            listeners.Listen(name, listen, slots, new ConnectionHandler(ServePlain), _refuse);
            if (tlsListen != null && tls)
            {
                listeners.Listen(name + "s", tlsListen, slots, new ConnectionHandler(ServeTls), null);
            }
        }

        private void ServePlain(IConnection connection)
        {
            Serve(connection, false);
        }

        private void ServeTls(IConnection connection)
        {
            Serve(connection, true);
        }

        private void Serve(IConnection connection, bool implicitTls)
        {
            ISessionSlot slot = _enter();
            if (slot == null)
            {
                if (!implicitTls)
                {
                    _refuse(connection);
                }

                return;
            }

            try
            {
                if (implicitTls)
                {
                    connection.StartTlsAsServer();
                }

                _run(connection, slot);
            }
            finally
            {
                slot.Release();
            }
        }
    }
}

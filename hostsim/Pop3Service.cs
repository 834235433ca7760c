using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Pop2;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// The device mailbox served over POP3 on the host: a plain listener (with STLS when a
    /// certificate exists), an optional implicit-TLS listener and an optional POP2 listener, a thread per session, the
    /// session cap, and a clean stop that ends every session without UPDATE.
    /// </summary>
    public sealed class Pop3Service : IDisposable
    {
        /// <summary>RETR/TOP read size on the host (the device uses Limits.Pop3TransferChunk).</summary>
        public const int HostTransferChunk = 16384;

        /// <summary>The RETR/TOP read size in use: the host's, or the device's with --board.</summary>
        public int TransferChunk { get; set; } = HostTransferChunk;

        private readonly Pop3Server _server;
        private readonly X509Certificate2 _certificate;
        private readonly IPEndPoint _listen;
        private readonly IPEndPoint _tlsListen;
        private readonly ILog _log;
        private readonly HashSet<TcpConnection> _open = new HashSet<TcpConnection>();
        private readonly List<Thread> _threads = new List<Thread>();
        private TcpListenerAdapter _plain;
        private TcpListenerAdapter _implicit;
        private TcpListenerAdapter _pop2;
        private volatile bool _stopping;

        /// <summary>A service on <paramref name="listen"/> (and <paramref name="tlsListen"/> if not null) over <paramref name="maildrop"/>.</summary>
        public Pop3Service(Pop3ServerOptions options, IMaildrop maildrop, X509Certificate2 certificate, IPEndPoint listen, IPEndPoint tlsListen, IClock clock, IRandom random, ILog log)
        {
            options.TlsAvailable = certificate != null;
            if (tlsListen != null && certificate == null)
            {
                throw new ArgumentException("implicit TLS needs a certificate", nameof(certificate));
            }

            // The greeting counter starts at a random value too: after a restart the nonce alone
            // would already differ, this makes a collision of both practically impossible.
            byte[] start = new byte[4];
            random.NextBytes(start, 0, 4);
            _server = new Pop3Server(options, maildrop, clock, random, log, BitConverter.ToUInt32(start, 0));
            _certificate = certificate;
            _listen = listen;
            _tlsListen = tlsListen;
            _log = log;
        }

        /// <summary>The shared server state (options, session count).</summary>
        public Pop3Server Server { get { return _server; } }

        /// <summary>The plain port really bound.</summary>
        public int Port { get { return _plain.Port; } }

        /// <summary>The implicit-TLS port really bound, or 0.</summary>
        public int TlsPort { get { return _implicit == null ? 0 : _implicit.Port; } }

        /// <summary>POP2 (RFC 937) on the same maildrop, account, lock and session cap: where to listen, or null (off). Set before Start.</summary>
        public IPEndPoint Pop2Listen { get; set; }

        /// <summary>POP2's HELO password accepted from the LAN (config pop2.allowPlaintextAuth); else loopback only.</summary>
        public bool Pop2PlaintextFromLan { get; set; }

        /// <summary>The POP2 port really bound, or 0.</summary>
        public int Pop2Port { get { return _pop2 == null ? 0 : _pop2.Port; } }

        /// <summary>Sessions open now (for the status line).</summary>
        public int ActiveSessions
        {
            get
            {
                lock (_open)
                {
                    return _open.Count;
                }
            }
        }

        /// <summary>Binds the listeners and starts accepting. Throws SocketException when a port is taken.</summary>
        public void Start()
        {
            _plain = new TcpListenerAdapter(_listen, _certificate, false);
            if (_tlsListen != null)
            {
                _implicit = new TcpListenerAdapter(_tlsListen, _certificate, true);
            }

            if (Pop2Listen != null)
            {
                _pop2 = new TcpListenerAdapter(Pop2Listen, null, false);
                StartThread("pop2-accept", () => AcceptLoop(_pop2));
            }

            StartThread("pop3-accept", () => AcceptLoop(_plain));
            if (_implicit != null)
            {
                StartThread("pop3s-accept", () => AcceptLoop(_implicit));
            }
        }

        /// <summary>Stops accepting, closes every open session (no UPDATE: RFC 1939 §6) and waits for the threads.</summary>
        public void Stop()
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            _plain?.Close();
            _implicit?.Close();
            _pop2?.Close();
            lock (_open)
            {
                foreach (TcpConnection c in _open)
                {
                    c.Close();
                }
            }

            Thread[] threads;
            lock (_threads)
            {
                threads = _threads.ToArray();
            }

            foreach (Thread t in threads)
            {
                t.Join(5000);
            }
        }

        public void Dispose()
        {
            Stop();
        }

        private void AcceptLoop(TcpListenerAdapter listener)
        {
            while (!_stopping)
            {
                IConnection accepted = listener.Accept();
                if (accepted == null)
                {
                    return;
                }

                TcpConnection connection = (TcpConnection)accepted;
                ISessionSlot slot = _server.EnterSession();
                if (slot == null)
                {
                    // RFC 3206 [SYS/TEMP]. On the implicit-TLS port the refusal would need a
                    // handshake first: that port just closes.
                    _log.Write(LogLevel.Warning, "pop3", "session cap " + _server.Options.MaxSessions + " reached: refusing " + connection.RemoteAddress);
                    if (listener.ImplicitTls)
                    {
                        connection.Close();
                    }
                    else if (listener == _pop2)
                    {
                        Pop2ServerDriver.RefuseBusy(connection);
                    }
                    else
                    {
                        _server.RefuseBusy(connection);
                    }

                    continue;
                }

                lock (_open)
                {
                    _open.Add(connection);
                }

                bool pop2 = listener == _pop2;
                StartThread(pop2 ? "pop2-session" : "pop3-session", () => Serve(connection, slot, listener.ImplicitTls, pop2));
            }
        }

        private void Serve(TcpConnection connection, ISessionSlot slot, bool implicitTls, bool pop2)
        {
            try
            {
                _log.Write(LogLevel.Info, pop2 ? "pop2" : "pop3", "connection from " + connection.RemoteAddress + (implicitTls ? " (implicit TLS)" : ""));
                connection.WriteTimeoutMilliseconds = NanoRelay.Limits.Pop3WriteTimeoutMs;
                if (implicitTls)
                {
                    // The session thread runs the handshake, bounded by the pre-auth limit: the
                    // zero-byte read waits for the ClientHello and sets the socket's receive timeout.
                    if (connection.Read(Array.Empty<byte>(), 0, 0, _server.Options.PreAuthTimeoutMilliseconds) == ConnectionRead.TimedOut)
                    {
                        return;
                    }

                    connection.StartTlsAsServer();
                }

                if (pop2)
                {
                    new Pop2ServerDriver(_server, connection, TransferChunk, Pop2PlaintextFromLan) { Slot = slot }.Run();
                    return;
                }

                new Pop3ServerDriver(_server, connection, TransferChunk) { Slot = slot }.Run();
            }
            catch (ConnectionException e)
            {
                _log.Write(LogLevel.Info, "pop3", "connection from " + connection.RemoteAddress + ": " + e.Message);
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, "pop3", "session failed: " + e.GetType().Name + ": " + e.Message);
            }
            finally
            {
                connection.Close();
                lock (_open)
                {
                    _open.Remove(connection);
                }

                slot.Release();
                lock (_threads)
                {
                    _threads.Remove(Thread.CurrentThread);
                }
            }
        }

        private void StartThread(string name, ThreadStart body)
        {
            Thread t = new Thread(body) { IsBackground = true, Name = name };
            lock (_threads)
            {
                _threads.Add(t);
            }

            t.Start();
        }
    }
}

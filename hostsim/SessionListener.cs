using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using NanoRelay.HostSim.Adapters;
using NanoRelay.Ports;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// One session listener for the host's servers (SMTP ingress, POP3, POP2, IMAP): a plain listener
    /// (STLS/STARTTLS when a certificate exists) and an optional implicit-TLS listener, a thread
    /// per session, the protocol's session cap, and a clean stop that closes every session
    /// (POP3 without UPDATE, IMAP without EXPUNGE, SMTP without queueing a half-received message).
    /// A protocol's service derives from it and supplies its cap, its "busy" answer, its timeouts
    /// and its core server.
    /// </summary>
    public abstract class SessionListener : IDisposable
    {
        /// <summary>FETCH/RETR read size on the host (the device uses Limits.Pop3TransferChunk and Limits.ImapTransferChunk).</summary>
        public const int HostTransferChunk = 16384;

        private readonly string _protocol;
        private readonly int _maxSessions;
        private readonly int _preAuthTimeoutMs;
        private readonly X509Certificate2 _certificate;
        private readonly IPEndPoint _listen;
        private readonly IPEndPoint _tlsListen;
        private readonly ILog _log;
        private readonly HashSet<TcpConnection> _open = new HashSet<TcpConnection>();
        private readonly List<Thread> _threads = new List<Thread>();
        private TcpListenerAdapter _plain;
        private TcpListenerAdapter _implicit;
        private volatile bool _stopping;

        /// <summary>
        /// A listener for <paramref name="protocol"/> ("smtp-in", "pop3", "imap": logs and thread names) on <paramref name="listen"/>
        /// (and <paramref name="tlsListen"/> if not null); <paramref name="maxSessions"/> is for the log, the server keeps the count.
        /// </summary>
        protected SessionListener(string protocol, int maxSessions, int preAuthTimeoutMs, X509Certificate2 certificate, IPEndPoint listen, IPEndPoint tlsListen, ILog log)
        {
            if (tlsListen != null && certificate == null)
            {
                throw new ArgumentException("implicit TLS needs a certificate", nameof(certificate));
            }

            _protocol = protocol;
            _maxSessions = maxSessions;
            _preAuthTimeoutMs = preAuthTimeoutMs;
            _certificate = certificate;
            _listen = listen;
            _tlsListen = tlsListen;
            _log = log;
        }

        /// <summary>The body read size in use: the host's, or the device's with --board.</summary>
        public int TransferChunk { get; set; } = HostTransferChunk;

        /// <summary>The board's heap gate (Supervision/HeapGate) the sessions' transfers wait at; null (no board): no limit.</summary>
        public NanoRelay.Supervision.HeapGate Heap { get; set; }

        /// <summary>The plain port really bound.</summary>
        public int Port { get { return _plain.Port; } }

        /// <summary>The implicit-TLS port really bound, or 0.</summary>
        public int TlsPort { get { return _implicit == null ? 0 : _implicit.Port; } }

        /// <summary>Sessions open now (for the status line).</summary>
        public virtual int ActiveSessions
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
        public virtual void Start()
        {
            _plain = new TcpListenerAdapter(_listen, _certificate, false);
            if (_tlsListen != null)
            {
                try
                {
                    _implicit = new TcpListenerAdapter(_tlsListen, _certificate, true);
                }
                catch
                {
                    _plain.Close();
                    throw;
                }
            }

            StartThread(_protocol + "-accept", () => AcceptLoop(_plain));
            if (_implicit != null)
            {
                StartThread(_protocol + "s-accept", () => AcceptLoop(_implicit));
            }
        }

        /// <summary>Stops accepting, closes every open session and waits for the threads.</summary>
        public virtual void Stop()
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            _plain?.Close();
            _implicit?.Close();
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
            GC.SuppressFinalize(this);
        }

        /// <summary>A place under the cap, or null when it is reached.</summary>
        protected abstract ISessionSlot EnterSession();

        /// <summary>The protocol's "busy" answer on the plain port; closes the connection.</summary>
        protected abstract void RefuseBusy(IConnection connection);

        /// <summary>Runs the core's driver on the connection (already in TLS on the implicit port) until the session ends.</summary>
        protected abstract void Serve(IConnection connection, ISessionSlot slot);

        private void AcceptLoop(TcpListenerAdapter listener)
        {
            while (!_stopping)
            {
                IConnection accepted;
                try
                {
                    accepted = listener.Accept();
                }
                catch (Exception e)
                {
                    // One connection that broke between accept and setup (a client that sent RST at
                    // once) must not end the loop; pause so that a broken listener cannot spin.
                    if (_stopping)
                    {
                        return;
                    }

                    _log.Write(LogLevel.Warning, _protocol, "accept failed: " + e.Message);
                    Thread.Sleep(50);
                    continue;
                }

                if (accepted == null)
                {
                    return;
                }

                TcpConnection connection = (TcpConnection)accepted;
                ISessionSlot slot = EnterSession();
                if (slot == null)
                {
                    // On the implicit-TLS port the refusal would need a handshake first: that port just closes.
                    _log.Write(LogLevel.Warning, _protocol, "session cap " + _maxSessions + " reached: refusing " + connection.RemoteAddress);
                    if (listener.ImplicitTls)
                    {
                        connection.Close();
                    }
                    else
                    {
                        RefuseBusy(connection);
                    }

                    continue;
                }

                lock (_open)
                {
                    _open.Add(connection);
                }

                StartThread(_protocol + "-session", () => Run(connection, slot, listener.ImplicitTls));
            }
        }

        private void Run(TcpConnection connection, ISessionSlot slot, bool implicitTls)
        {
            try
            {
                _log.Write(LogLevel.Info, _protocol, "connection from " + connection.RemoteAddress + (implicitTls ? " (implicit TLS)" : ""));
                if (implicitTls)
                {
                    // The session thread runs the handshake, bounded by the pre-auth limit: the
                    // zero-byte read waits for the ClientHello and sets the socket's receive timeout.
                    if (connection.Read(Array.Empty<byte>(), 0, 0, _preAuthTimeoutMs) == ConnectionRead.TimedOut)
                    {
                        return;
                    }

                    connection.StartTlsAsServer();
                }

                Serve(connection, slot);
            }
            catch (ConnectionException e)
            {
                _log.Write(LogLevel.Info, _protocol, "connection from " + connection.RemoteAddress + ": " + e.Message);
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, _protocol, "session failed: " + e.GetType().Name + ": " + e.Message);
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

using System;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>
    /// One service's accept loop: accepts on a listener, runs each connection on its own thread up to
    /// the service's session cap (board.json sessions.*), and closes what is over the cap after the
    /// optional refusal (the core's "busy" greeting) has been written.
    /// </summary>
    public sealed class SessionRunner
    {
        private readonly string _name;
        private readonly IListener _listener;
        private readonly SessionSlots _slots;
        private readonly ConnectionHandler _serve;
        private readonly ConnectionHandler _refuse;
        private readonly ILog _log;

        /// <summary><paramref name="refuse"/> may be null: over-cap connections are then just closed.</summary>
        public SessionRunner(string name, IListener listener, SessionSlots slots, ConnectionHandler serve, ConnectionHandler refuse, ILog log)
        {
            _name = name;
            _listener = listener;
            _slots = slots;
            _serve = serve;
            _refuse = refuse;
            _log = log;
        }

        public void Start()
        {
            new Thread(new ThreadStart(AcceptLoop)).Start();
            _log.Write(LogLevel.Info, _name, "listening on port " + _listener.Port + ", " + _slots.Max + " session(s)");
        }

        private void AcceptLoop()
        {
            while (true)
            {
                IConnection connection;
                try
                {
                    connection = _listener.Accept();
                }
                catch (ConnectionException e)
                {
                    // Out of sockets, for instance: wait for sessions to end instead of spinning.
                    _log.Write(LogLevel.Warning, _name, e.Message);
                    Thread.Sleep(1000);
                    continue;
                }

                if (connection == null)
                {
                    return;
                }

                if (!_slots.TryTake())
                {
                    _log.Write(LogLevel.Warning, _name, "session cap reached; refusing " + connection.RemoteAddress);
                    Run(_refuse, connection);
                    continue;
                }

                new Thread(new ThreadStart(new Session(this, connection).Run)).Start();
            }
        }

        private void Run(ConnectionHandler handler, IConnection connection)
        {
            try
            {
                if (handler != null)
                {
                    handler(connection);
                }
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Warning, _name, connection.RemoteAddress + ": " + e.Message);
            }
            finally
            {
                connection.Close();
            }
        }

        /// <summary>A connection's thread: serve, close, give the slot back.</summary>
        private sealed class Session
        {
            private readonly SessionRunner _runner;
            private readonly IConnection _connection;

            public Session(SessionRunner runner, IConnection connection)
            {
                _runner = runner;
                _connection = connection;
            }

            public void Run()
            {
                try
                {
                    _runner.Run(_runner._serve, _connection);
                }
                finally
                {
                    _runner._slots.Release();
                }
            }
        }
    }
}

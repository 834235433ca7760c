using System;
using System.Net.Sockets;
using System.Threading;

namespace NanoRelay.Device.Adapters
{
    /// <summary>
    /// Bounds a blocking call that has no timeout of its own (Socket.Connect, SslStream.Authenticate*;
    /// docs/nanoframework.md §1.1, §1.3): a one-shot Timer closes the socket when time is up, which makes
    /// the blocked call throw. Disarm before looking at <see cref="Fired"/>.
    /// </summary>
    public sealed class SocketDeadline
    {
        private readonly Socket _socket;
        private readonly object _lock = new object();
        private Timer _timer;
        private bool _disarmed;
        private bool _fired;

        private SocketDeadline(Socket socket)
        {
            _socket = socket;
        }

        /// <summary>True when the time ran out and the socket was closed.</summary>
        public bool Fired
        {
            get
            {
                lock (_lock)
                {
                    return _fired;
                }
            }
        }

        /// <summary>Starts the countdown for <paramref name="milliseconds"/>.</summary>
        public static SocketDeadline Arm(Socket socket, int milliseconds)
        {
            SocketDeadline d = new SocketDeadline(socket);
            d._timer = new Timer(new TimerCallback(d.Expire), null, milliseconds, Timeout.Infinite);
            return d;
        }

        /// <summary>Stops the countdown; after this the socket is not closed by the deadline.</summary>
        public void Disarm()
        {
            lock (_lock)
            {
                _disarmed = true;
            }

            _timer.Dispose();
        }

        private void Expire(object state)
        {
            lock (_lock)
            {
                // The lock orders Expire against Disarm: once disarmed, the socket is the caller's again.
                if (_disarmed)
                {
                    return;
                }

                _fired = true;
            }

            try
            {
                _socket.Close();
            }
            catch (Exception)
            {
                // Closing a socket that is already broken: nothing more to do.
            }
        }
    }
}

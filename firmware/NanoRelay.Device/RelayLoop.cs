using System;
using System.IO;
using System.Net;
using NanoRelay.Ports;
using NanoRelay.Relay;

namespace NanoRelay.Device
{
    /// <summary>
    /// The relay worker's thread on the device: the core's <see cref="RelayScheduler"/> decides what
    /// runs and how long to wait; this loop beats the watchdog heartbeat between steps and tells the
    /// scheduler when the network comes back (the one thing only the board can see).
    /// </summary>
    public sealed class RelayLoop
    {
        private readonly RelayScheduler _scheduler;
        private readonly ILog _log;
        private Heartbeat _heartbeat;
        private bool _networkWasUp = true;

        public RelayLoop(RelayScheduler scheduler, ILog log)
        {
            _scheduler = scheduler;
            _log = log;
        }

        /// <summary>The scheduler the loop steps; wake it (Committed, MailboxDeletion, ClockSet) from any thread.</summary>
        public RelayScheduler Scheduler { get { return _scheduler; } }

        /// <summary>The beat the supervisor watches; set before <see cref="Run"/> starts.</summary>
        public Heartbeat Heartbeat { set { _heartbeat = value; } }

        /// <summary>The worker thread's body (the supervisor starts it, and again if it dies).</summary>
        public void Run()
        {
            while (true)
            {
                _heartbeat.Beat();
                int wait;
                try
                {
                    NoticeNetwork();
                    wait = _scheduler.Step();
                }
                catch (IOException e)
                {
                    _log.Write(LogLevel.Error, "relay", "worker round failed: " + e.Message);
                    wait = Limits.RelayPollMs;
                }

                // Other exceptions end the thread on purpose: the supervisor sees the silence and reboots.
                _scheduler.Wait(wait);
            }
        }

        private void NoticeNetwork()
        {
            bool up = NetworkIsUp();
            if (up && !_networkWasUp)
            {
                // The Wi-Fi helper reconnects by itself (WifiReconnectionKind.Automatic); the queue follows at once.
                _scheduler.Wake(RelayWake.NetworkUp);
            }

            _networkWasUp = up;
        }

        // [INFERRED] An interface without a link reports 0.0.0.0 as its address.
        private static bool NetworkIsUp()
        {
            try
            {
                IPAddress a = IPAddress.GetDefaultLocalAddress();
                if (a == null)
                {
                    return false;
                }

                byte[] b = a.GetAddressBytes();
                for (int i = 0; i < b.Length; i++)
                {
                    if (b[i] != 0)
                    {
                        return true;
                    }
                }

                return false;
            }
            catch (Exception)
            {
                return false;
            }
        }
    }
}

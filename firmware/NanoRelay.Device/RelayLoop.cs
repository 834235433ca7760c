using System;
using System.IO;
using System.Net;
using System.Threading;
using NanoRelay.Ports;
using NanoRelay.Relay;
using NanoRelay.Storage;

namespace NanoRelay.Device
{
    /// <summary>
    /// The relay worker's thread: runs due spool entries one at a time (beating its heartbeat
    /// between them), then sleeps until the next is due or it is woken. It tells the core's worker
    /// when the network comes back and the alert spooler when SNTP has set the clock; holding
    /// mail while the clock is untrusted is the core's.
    /// </summary>
    public sealed class RelayLoop
    {
        // Short enough that a queued alert leaves within seconds even when no one wakes the loop.
        private const int MaxSleepMs = 5000;

        private readonly RelayWorker _worker;
        private readonly Spool _spool;
        private readonly AlertSpooler _alerts;
        private readonly IClock _clock;
        private readonly ILog _log;
        private Heartbeat _heartbeat;
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private bool _networkWasUp = true;
        private bool _clockWasTrusted;

        public RelayLoop(RelayWorker worker, Spool spool, AlertSpooler alerts, IClock clock, ILog log)
        {
            _worker = worker;
            _spool = spool;
            _alerts = alerts;
            _clock = clock;
            _log = log;
        }

        /// <summary>The beat the supervisor watches; set before <see cref="Run"/> starts.</summary>
        public Heartbeat Heartbeat { set { _heartbeat = value; } }

        /// <summary>Something was queued or the clock was set: run a round now.</summary>
        public void Wake()
        {
            _wake.Set();
        }

        /// <summary><see cref="Wake()"/> as an event handler (Spool.Committed, Mailbox.Removed).</summary>
        public void OnCommitted(object sender, EventArgs e)
        {
            _wake.Set();
        }

        /// <summary>The worker thread's body (the supervisor starts it, and again if it dies).</summary>
        public void Run()
        {
            while (true)
            {
                _heartbeat.Beat();
                try
                {
                    NoticeNetworkAndClock();
                    while (_worker.RunDue(1) > 0)
                    {
                        _heartbeat.Beat();
                    }
                }
                catch (StoreException e)
                {
                    _log.Write(LogLevel.Error, "relay", "worker round failed: " + e.Message);
                }
                catch (IOException e)
                {
                    _log.Write(LogLevel.Error, "relay", "worker round failed: " + e.Message);
                }

                // Other exceptions end the thread on purpose: the supervisor sees the silence and reboots.
                long due = _spool.NextDueIn();
                int wait = due < 0 || due > MaxSleepMs ? MaxSleepMs : (due < 10 ? 10 : (int)due);
                _wake.WaitOne(wait, false);
            }
        }

        private void NoticeNetworkAndClock()
        {
            bool up = NetworkIsUp();
            if (up && !_networkWasUp)
            {
                // The Wi-Fi helper reconnects by itself (WifiReconnectionKind.Automatic); the queue follows at once.
                _log.Write(LogLevel.Info, "relay", "network back: retrying the queue now");
                _worker.NetworkUp();
            }

            _networkWasUp = up;
            bool trusted = _clock.IsUtcTrusted;
            if (trusted && !_clockWasTrusted)
            {
                _alerts.FlushHeld();
            }

            _clockWasTrusted = trusted;
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

using System.Threading;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>
    /// When the relay worker runs, decided once for the host and the device: a step runs what is
    /// due and returns how long to wait; a wake (a message committed, a mailbox deletion, the
    /// network back, a retry-now request, the clock set) ends the wait early. The platform's thread
    /// only loops <c>Wait(Step())</c> and beats its heartbeat.
    /// </summary>
    public sealed class RelayScheduler
    {
        // One entry per step: the device's watchdog heartbeat beats between messages, and a wake
        // that arrives during a long queue is acted on before the next entry.
        public const int EntriesPerStep = 1;

        private const string Source = "relay";

        private readonly RelayWorker _worker;
        private readonly Spool _spool;
        private readonly IClock _clock;
        private readonly ILog _log;
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);
        private readonly object _sync = new object();
        private RelayWake _pending;

        public RelayScheduler(RelayWorker worker, Spool spool, IClock clock, ILog log)
        {
            _worker = worker;
            _spool = spool;
            _clock = clock;
            _log = log;
            if (spool != null)
            {
                spool.Committed += new System.EventHandler(OnCommitted);   // a message or alert was queued: relay it now
            }

            if (worker.Mailbox != null)
            {
                // Room made by a POP3 DELE: the worker makes what waits on it due; the wait ends here.
                worker.Mailbox.Removed += new System.EventHandler(OnMailboxRemoved);
            }
        }

        /// <summary>The alert spooler whose held alerts the steps spool: those held while the clock was untrusted once it is set, one that ran out of memory at the next step; null for none.</summary>
        public AlertSpooler Alerts { get; set; }

        /// <summary>
        /// Records why the scheduler should act now and ends its wait; any thread may call it. A
        /// retry-now request reaches the spool at once (due times on flash, so it survives a
        /// restart); everything else is acted on by the next <see cref="Step"/>.
        /// </summary>
        public void Wake(RelayWake reason)
        {
            if ((reason & RelayWake.RetryNow) != 0)
            {
                _spool.RetryNow();
            }

            lock (_sync)
            {
                _pending |= reason;
            }

            _signal.Set();
        }

        // Wake(Committed), subscribed to Spool.Committed by the constructor.
        private void OnCommitted(object sender, System.EventArgs e)
        {
            Wake(RelayWake.Committed);
        }

        // Wake(MailboxDeletion), subscribed to the worker's Mailbox.Removed by the constructor.
        private void OnMailboxRemoved(object sender, System.EventArgs e)
        {
            Wake(RelayWake.MailboxDeletion);
        }

        /// <summary>
        /// Acts on the wakes since the last step, runs up to <see cref="EntriesPerStep"/> due entries
        /// and returns the milliseconds to wait before the next step: 0 when more may be due now,
        /// else until the next entry is due, between <see cref="Limits.RelayMinWaitMs"/> and
        /// <see cref="Limits.RelayPollMs"/>. Only the worker's thread calls it.
        /// </summary>
        public int Step()
        {
            RelayWake wakes;
            lock (_sync)
            {
                wakes = _pending;
                _pending = RelayWake.None;
            }

            if ((wakes & RelayWake.NetworkUp) != 0)
            {
                Log(LogLevel.Info, "network back: retrying the queue now");
            }

            if ((wakes & (RelayWake.NetworkUp | RelayWake.RetryNow)) != 0)
            {
                // Everything is due (a retry-now already on flash, in Wake) and the upstream is tried again.
                _worker.NetworkUp();
            }

            // Alerts held while the clock was untrusted go once it is set; one held after running out of memory is
            // tried again each step (the nanoCLR compacts its heap in between).
            if (Alerts != null && Alerts.HeldCount > 0 && _clock.IsUtcTrusted)
            {
                Alerts.FlushHeld();
            }

            try
            {
                if (_worker.RunDue(EntriesPerStep) >= EntriesPerStep)
                {
                    return 0;
                }
            }
            catch (StoreException e)
            {
                // The flash failed under the worker: the entry stays queued; the next poll tries again.
                Log(LogLevel.Error, "worker round failed: " + e.Message);
                return Limits.RelayPollMs;
            }

            return WaitFor(_worker.NextAttemptIn());
        }

        /// <summary>Blocks until <paramref name="milliseconds"/> pass or a <see cref="Wake"/>; 0 returns at once.</summary>
        public void Wait(int milliseconds)
        {
            if (milliseconds > 0)
            {
                _signal.WaitOne(milliseconds, false);
            }
        }

        /// <summary>The wait for a next attempt <paramref name="dueIn"/> ms away (-1: none), within the floor and the poll.</summary>
        public static int WaitFor(long dueIn)
        {
            if (dueIn < 0 || dueIn > Limits.RelayPollMs)
            {
                return Limits.RelayPollMs;
            }

            return dueIn < Limits.RelayMinWaitMs ? Limits.RelayMinWaitMs : (int)dueIn;
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, Source, message);
            }
        }
    }
}

using System.Collections;
using NanoRelay.Ports;

namespace NanoRelay.Supervision
{
    /// <summary>
    /// The supervisor's decisions, apart from its thread: each worker beats within its window. A
    /// worker that died (its thread ended) or went silent is restarted if it can be, up to
    /// <see cref="Limits.SupervisorRestarts"/> times, and the board rebooted after that. Some native
    /// calls (DNS, a TLS handshake) stop every managed thread, the checker included: when the
    /// checker wakes up late, the device, not a worker, was stalled, so every window starts again
    /// instead of rebooting for nothing.
    /// </summary>
    public sealed class HeartbeatWatch
    {
        private readonly object _lock = new object();
        private readonly IClock _clock;
        private readonly ArrayList _workers = new ArrayList();   // Worker
        private long _lastCheck = -1;

        public HeartbeatWatch(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>How long the device stood still the last time <see cref="SupervisorAction.Forgive"/> was decided.</summary>
        public long LastStallMs { get; private set; }

        /// <summary>Adds a worker that must beat at least every <paramref name="maxSilenceMs"/>; returns its number.</summary>
        public int Add(string name, int maxSilenceMs, bool restartable)
        {
            lock (_lock)
            {
                _workers.Add(new Worker(name, maxSilenceMs, restartable, _clock.MonotonicMilliseconds));
                return _workers.Count - 1;
            }
        }

        public void Beat(int worker)
        {
            long now = _clock.MonotonicMilliseconds;
            lock (_lock)
            {
                ((Worker)_workers[worker]).Last = now;
            }
        }

        public string Name(int worker)
        {
            lock (_lock)
            {
                return ((Worker)_workers[worker]).Name;
            }
        }

        /// <summary>Milliseconds since the worker's last beat.</summary>
        public long SilentFor(int worker)
        {
            lock (_lock)
            {
                return _clock.MonotonicMilliseconds - ((Worker)_workers[worker]).Last;
            }
        }

        /// <summary>
        /// One look, every <see cref="Limits.SupervisorCheckMs"/>; <paramref name="dead"/> says which
        /// workers' threads have ended (null: none known). Returns the worker the action is about, or -1.
        /// </summary>
        public int Check(bool[] dead, out SupervisorAction action)
        {
            long now = _clock.MonotonicMilliseconds;
            lock (_lock)
            {
                long gap = _lastCheck < 0 ? 0 : now - _lastCheck;
                _lastCheck = now;
                if (gap > Limits.SupervisorCheckMs + Limits.SupervisorStallSlackMs)
                {
                    for (int i = 0; i < _workers.Count; i++)
                    {
                        ((Worker)_workers[i]).Last = now;
                    }

                    LastStallMs = gap - Limits.SupervisorCheckMs;
                    action = SupervisorAction.Forgive;
                    return -1;
                }

                for (int i = 0; i < _workers.Count; i++)
                {
                    Worker w = (Worker)_workers[i];
                    bool isDead = dead != null && i < dead.Length && dead[i];
                    if (!isDead && now - w.Last <= w.MaxSilenceMs)
                    {
                        continue;
                    }

                    if (w.Restartable && w.Restarts < Limits.SupervisorRestarts)
                    {
                        w.Restarts++;
                        w.Last = now;
                        action = SupervisorAction.Restart;
                        return i;
                    }

                    action = SupervisorAction.Reboot;
                    return i;
                }
            }

            action = SupervisorAction.None;
            return -1;
        }

        private sealed class Worker
        {
            public Worker(string name, int maxSilenceMs, bool restartable, long now)
            {
                Name = name;
                MaxSilenceMs = maxSilenceMs;
                Restartable = restartable;
                Last = now;
            }

            public string Name;
            public int MaxSilenceMs;
            public bool Restartable;
            public long Last;
            public int Restarts;
        }
    }
}

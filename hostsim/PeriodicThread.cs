using System;
using System.Threading;

namespace NanoRelay.HostSim
{
    /// <summary>
    /// A background thread that runs an action every period until stopped (the sensor loop, the
    /// status line, the status file). <see cref="Stop"/> wakes it at once and waits for the round
    /// in progress; both Start and Stop are safe to call twice.
    /// </summary>
    public sealed class PeriodicThread : IDisposable
    {
        private readonly string _name;
        private readonly TimeSpan _period;
        private readonly Action _round;
        private readonly bool _roundAtStart;
        private readonly ManualResetEventSlim _stop = new ManualResetEventSlim(false);
        private Thread _thread;

        /// <summary>Runs <paramref name="round"/> every <paramref name="period"/>; with <paramref name="roundAtStart"/> the first round runs at once.</summary>
        public PeriodicThread(string name, TimeSpan period, Action round, bool roundAtStart)
        {
            _name = name;
            _period = period;
            _round = round;
            _roundAtStart = roundAtStart;
        }

        public bool IsRunning { get { return _thread != null; } }

        public void Start()
        {
            if (_thread != null)
            {
                return;
            }

            _stop.Reset();
            _thread = new Thread(Run) { IsBackground = true, Name = _name };
            _thread.Start();
        }

        /// <summary>Stops and waits for the round in progress; returns false when it was not running.</summary>
        public bool Stop()
        {
            Thread t = _thread;
            if (t == null)
            {
                return false;
            }

            _stop.Set();
            t.Join();
            _thread = null;
            return true;
        }

        public void Dispose()
        {
            Stop();
            _stop.Dispose();
        }

        private void Run()
        {
            if (_roundAtStart)
            {
                _round();
            }

            while (!_stop.Wait(_period))
            {
                _round();
            }
        }
    }
}

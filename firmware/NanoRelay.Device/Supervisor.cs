using System;
using System.Collections;
using System.Threading;
using nanoFramework.Runtime.Native;
using NanoRelay.Ports;
using NanoRelay.Supervision;

namespace NanoRelay.Device
{
    /// <summary>
    /// The watchdog the firmware lacks (docs/nanoframework.md §4.5: task watchdog off, no managed API): a thread that
    /// gives the core's <see cref="HeartbeatWatch"/> each worker's beats and thread state every 5 s and
    /// does what it decides: start a dead or silent worker again, or reboot the board. The spool is
    /// crash-safe; a hung relay is not.
    /// </summary>
    public sealed class Supervisor
    {
        private readonly HeartbeatWatch _watch;
        private readonly ArrayList _threads = new ArrayList();   // Thread or null, by worker
        private readonly ArrayList _starts = new ArrayList();    // ThreadStart or null, by worker
        private readonly ILog _log;

        public Supervisor(IClock clock, ILog log)
        {
            _watch = new HeartbeatWatch(clock);
            _log = log;
        }

        /// <summary>A heartbeat that must beat at least every <paramref name="maxSilenceMs"/> (the worker runs on a thread of its own making).</summary>
        public Heartbeat Register(string name, int maxSilenceMs)
        {
            return Add(name, maxSilenceMs, null);
        }

        /// <summary>A worker whose <paramref name="loop"/> the supervisor runs (<see cref="StartWorker"/>) and starts again when it dies or goes silent.</summary>
        public Heartbeat AddWorker(string name, int maxSilenceMs, ThreadStart loop)
        {
            return Add(name, maxSilenceMs, loop);
        }

        public void StartWorker(Heartbeat worker)
        {
            StartThread(worker.Index);
        }

        public void Start()
        {
            new Thread(new ThreadStart(Watch)).Start();
        }

        private Heartbeat Add(string name, int maxSilenceMs, ThreadStart loop)
        {
            lock (_threads)
            {
                int i = _watch.Add(name, maxSilenceMs, loop != null);
                _threads.Add(null);
                _starts.Add(loop);
                return new Heartbeat(_watch, i);
            }
        }

        private void StartThread(int i)
        {
            Thread t = new Thread((ThreadStart)_starts[i]);
            lock (_threads)
            {
                _threads[i] = t;
            }

            t.Start();
        }

        private void Watch()
        {
            while (true)
            {
                Thread.Sleep(NanoRelay.Limits.SupervisorCheckMs);
                bool[] dead;
                lock (_threads)
                {
                    dead = new bool[_threads.Count];
                    for (int i = 0; i < dead.Length; i++)
                    {
                        Thread t = (Thread)_threads[i];
                        dead[i] = t != null && !t.IsAlive;
                    }
                }

                SupervisorAction action;
                int w = _watch.Check(dead, out action);
                if (action == SupervisorAction.Forgive)
                {
                    _log.Write(LogLevel.Warning, "supervisor", "every thread stood still for " + _watch.LastStallMs + " ms (a native call); windows restarted");
                }
                else if (action != SupervisorAction.None)
                {
                    bool restart = action == SupervisorAction.Restart;
                    _log.Write(LogLevel.Error, "supervisor", _watch.Name(w) + (dead[w] ? " died" : " silent for " + _watch.SilentFor(w) + " ms") + (restart ? "; starting it again" : "; rebooting"));
                    if (restart)
                    {
                        StartThread(w);
                        continue;
                    }

                    Thread.Sleep(500);   // let the line reach the serial port
                    Power.RebootDevice();
                }
            }
        }
    }
}

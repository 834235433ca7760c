using System;
using System.Collections;
using System.Threading;
using nanoFramework.Runtime.Native;
using NanoRelay.Ports;

namespace NanoRelay.Device
{
    /// <summary>
    /// The watchdog the firmware lacks (facts §4.5: task watchdog off, no managed API): a thread that
    /// checks every worker's heartbeat and reboots the board when one has been silent too long.
    /// A reboot is safe because the spool is crash-safe; a hung relay is not.
    /// </summary>
    public sealed class Supervisor
    {
        private const int CheckEveryMs = 5000;

        private readonly ArrayList _beats = new ArrayList();
        private readonly ILog _log;

        public Supervisor(ILog log)
        {
            _log = log;
        }

        /// <summary>A new heartbeat that must beat at least every <paramref name="maxSilenceMs"/>.</summary>
        public Heartbeat Register(string name, int maxSilenceMs)
        {
            Heartbeat h = new Heartbeat(name, maxSilenceMs);
            lock (_beats)
            {
                _beats.Add(h);
            }

            return h;
        }

        public void Start()
        {
            new Thread(new ThreadStart(Watch)).Start();
        }

        private void Watch()
        {
            while (true)
            {
                Thread.Sleep(CheckEveryMs);
                long now = Environment.TickCount64;
                Heartbeat stale = null;
                lock (_beats)
                {
                    for (int i = 0; i < _beats.Count && stale == null; i++)
                    {
                        Heartbeat h = (Heartbeat)_beats[i];
                        if (h.SilentFor(now) > h.MaxSilenceMs)
                        {
                            stale = h;
                        }
                    }
                }

                if (stale != null)
                {
                    _log.Write(LogLevel.Error, "supervisor", stale.Name + " silent for " + stale.SilentFor(now) + " ms; rebooting");
                    Thread.Sleep(500);   // let the line reach the serial port
                    Power.RebootDevice();
                }
            }
        }
    }
}

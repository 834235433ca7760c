#if NANOFRAMEWORK
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using NanoRelay.Supervision;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Supervision
{
    /// <summary>The device supervisor's decisions on a manual clock: restart before reboot, and no reboot for a whole-device stall.</summary>
    [TestClass]
    public class HeartbeatWatchTests
    {
        // Looks every 5 s, as the supervisor thread does, for `ms`; returns the first action that is not None.
        private static int Run(HeartbeatWatch watch, ManualClock clock, long ms, bool[] dead, out SupervisorAction action)
        {
            for (long t = 0; t < ms; t += 5000)
            {
                clock.Advance(5000);
                int w = watch.Check(dead, out action);
                if (action != SupervisorAction.None)
                {
                    return w;
                }
            }

            action = SupervisorAction.None;
            return -1;
        }

        [TestMethod]
        public void WorkersThatBeat_AreLeftAlone()
        {
            ManualClock clock = new ManualClock();
            HeartbeatWatch watch = new HeartbeatWatch(clock);
            int a = watch.Add("pop3-accept", 30000, false);
            SupervisorAction action = SupervisorAction.Reboot;
            for (int i = 0; i < 100; i++)
            {
                clock.Advance(5000);
                watch.Beat(a);
                watch.Check(null, out action);
                Assert.AreEqual((int)SupervisorAction.None, (int)action);
            }
        }

        [TestMethod]
        public void SilentAcceptLoop_RebootsAfterItsWindow()
        {
            ManualClock clock = new ManualClock();
            HeartbeatWatch watch = new HeartbeatWatch(clock);
            int a = watch.Add("pop3-accept", 30000, false);
            SupervisorAction action;
            Assert.AreEqual(a, Run(watch, clock, 60000, null, out action));
            Assert.AreEqual((int)SupervisorAction.Reboot, (int)action);
            Assert.AreEqual(35000L, clock.MonotonicMilliseconds);
        }

        [TestMethod]
        public void DeadRelayThread_IsRestartedAtOnce_ThreeTimes_ThenTheBoardReboots()
        {
            ManualClock clock = new ManualClock();
            HeartbeatWatch watch = new HeartbeatWatch(clock);
            watch.Add("sensors", 15000, true);
            int relay = watch.Add("relay", 50 * 60 * 1000, true);
            bool[] dead = new bool[] { false, true };
            SupervisorAction action;
            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(relay, Run(watch, clock, 5000, dead, out action));
                Assert.AreEqual((int)SupervisorAction.Restart, (int)action);
                watch.Beat(0);
            }

            Assert.AreEqual(relay, Run(watch, clock, 5000, dead, out action));
            Assert.AreEqual((int)SupervisorAction.Reboot, (int)action);

            // Noticed within seconds, not after the relay's 50-minute window.
            Assert.IsTrue(clock.MonotonicMilliseconds <= 20000);
        }

        [TestMethod]
        public void WholeDeviceStall_LongerThanEveryWindow_IsForgiven_NotRebooted()
        {
            ManualClock clock = new ManualClock();
            HeartbeatWatch watch = new HeartbeatWatch(clock);
            int a = watch.Add("smtp-accept", 30000, false);
            SupervisorAction action;
            clock.Advance(5000);
            watch.Check(null, out action);

            // A 90 s native handshake: no thread ran, the checker included.
            clock.Advance(90000);
            Assert.AreEqual(-1, watch.Check(null, out action));
            Assert.AreEqual((int)SupervisorAction.Forgive, (int)action);
            Assert.AreEqual(85000L, watch.LastStallMs);

            // The window starts again from the end of the stall.
            watch.Beat(a);
            clock.Advance(5000);
            watch.Check(null, out action);
            Assert.AreEqual((int)SupervisorAction.None, (int)action);
            Assert.AreEqual(a, Run(watch, clock, 60000, null, out action));
            Assert.AreEqual((int)SupervisorAction.Reboot, (int)action);
        }
    }
}

using System;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.HostSim.Adapters
{
    /// <summary>
    /// How many TLS sessions may be open at once in this process, as a board allows (a board
    /// without PSRAM has native memory for one mbedTLS session). With no board the host has no
    /// limit. A handshake waits up to <see cref="WaitMilliseconds"/> for a free slot, then fails
    /// like a handshake the board could not afford; the slot is freed when the connection closes.
    /// </summary>
    public static class TlsSlots
    {
        /// <summary>How long a handshake waits for a free TLS slot (10 s; tests shorten it).</summary>
        public static int WaitMilliseconds { get; set; } = 10000;

        private static SemaphoreSlim s_slots;
        private static int s_limit;

        /// <summary>The board's TLS concurrency, or 0 for no limit.</summary>
        public static int Limit { get { return s_limit; } }

        /// <summary>Sets the limit (0: none). Called once at start by `run --board`.</summary>
        public static void Configure(int concurrentSessions)
        {
            s_limit = concurrentSessions;
            s_slots = concurrentSessions > 0 ? new SemaphoreSlim(concurrentSessions, concurrentSessions) : null;
        }

        /// <summary>Takes a slot for a handshake about to start; returns the semaphore to release on close, or null when there is no limit.</summary>
        public static SemaphoreSlim Enter()
        {
            SemaphoreSlim slots = s_slots;
            if (slots == null)
            {
                return null;
            }

            if (!slots.Wait(WaitMilliseconds))
            {
                throw new ConnectionException("TLS refused: the board allows " + s_limit + " TLS session(s) at a time and none came free in " + (WaitMilliseconds / 1000) + " s") { IsTls = true };
            }

            return slots;
        }
    }
}

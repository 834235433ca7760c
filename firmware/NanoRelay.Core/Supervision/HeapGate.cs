using System.Threading;

namespace NanoRelay.Supervision
{
    /// <summary>
    /// The managed heap a board can give to message-sized work at once, shared by the sessions' transfers (a
    /// POP3/POP2/IMAP body, an SMTP ingress message) and the background work (the relay worker's round, an
    /// alert being written). On the nanoCLR an object that finds the free heap in pieces throws
    /// OutOfMemoryException even with enough bytes free (docs/nanoframework.md §5.9), and four 1 MB
    /// transfers at once took about 26 KB of esp32-c3's 40 KB: so the work is admitted by its measured cost
    /// (Limits.*HeapBytes) against <see cref="Capacity"/>, and what does not fit waits instead of running
    /// out of memory. A session waits (its client sees a slower reply) at most <see cref="WaitMs"/>, then
    /// goes ahead anyway (counted in <see cref="Overruns"/>); background work is not admitted while a
    /// session waits and is tried again at the relay scheduler's next step. Whatever is asked, one piece of
    /// work alone is always admitted. Capacity 0: no limit (the host without a board).
    /// </summary>
    public sealed class HeapGate
    {
        private const int SliceMs = 50;

        private readonly object _lock = new object();
        private readonly AutoResetEvent _released = new AutoResetEvent(false);
        private int _waiting;

        /// <summary>A gate of <paramref name="capacity"/> bytes (0: no limit) whose sessions wait at most <paramref name="waitMs"/>.</summary>
        public HeapGate(long capacity, int waitMs)
        {
            Capacity = capacity < 0 ? 0 : capacity;
            WaitMs = waitMs < 0 ? 0 : waitMs;
        }

        /// <summary>A gate of <paramref name="capacity"/> bytes whose sessions wait at most Limits.HeapGateWaitMs.</summary>
        public HeapGate(long capacity)
            : this(capacity, Limits.HeapGateWaitMs)
        {
        }

        /// <summary>The bytes of work admitted at once (beyond one piece alone); 0 for no limit.</summary>
        public long Capacity { get; private set; }

        /// <summary>The longest a session waits before it goes ahead anyway.</summary>
        public int WaitMs { get; private set; }

        /// <summary>The cost of the work admitted now.</summary>
        public long InUse { get; private set; }

        /// <summary>The most <see cref="InUse"/> has been.</summary>
        public long Peak { get; private set; }

        /// <summary>Sessions that had to wait.</summary>
        public int Waits { get; private set; }

        /// <summary>Sessions that went ahead after <see cref="WaitMs"/> without room.</summary>
        public int Overruns { get; private set; }

        /// <summary>Background work not admitted (tried again later). Counts up; a holder that sees it change knows it is wanted.</summary>
        public int Deferrals { get; private set; }

        /// <summary>
        /// A session's transfer of <paramref name="bytes"/>: waits for room (or until <see cref="WaitMs"/>
        /// has passed, then goes ahead anyway); false when it went ahead without room. Pair with <see cref="Exit"/>.
        /// </summary>
        public bool Enter(int bytes)
        {
            lock (_lock)
            {
                if (Fits(bytes))
                {
                    Take(bytes);
                    return true;
                }

                _waiting++;
                Waits++;
                Deferrals++;   // a holder that can yield (the relay worker) does so at its next message
            }

            bool admitted = false;
            try
            {
                for (int waited = 0; ; waited += SliceMs)
                {
                    lock (_lock)
                    {
                        if (Fits(bytes) || waited >= WaitMs)
                        {
                            admitted = Fits(bytes);
                            if (!admitted)
                            {
                                Overruns++;
                            }

                            Take(bytes);
                            return admitted;
                        }
                    }

                    _released.WaitOne(SliceMs, false);
                }
            }
            finally
            {
                lock (_lock)
                {
                    _waiting--;
                }
            }
        }

        /// <summary>Background work of <paramref name="bytes"/>: admitted now, or false (try again later) when it does not fit or a session waits.</summary>
        public bool TryEnter(int bytes)
        {
            lock (_lock)
            {
                if (_waiting == 0 && Fits(bytes))
                {
                    Take(bytes);
                    return true;
                }

                Deferrals++;
                return false;
            }
        }

        /// <summary>The work of <paramref name="bytes"/> is over; its heap is free for others.</summary>
        public void Exit(int bytes)
        {
            lock (_lock)
            {
                InUse -= bytes;
                if (InUse < 0)
                {
                    InUse = 0;
                }
            }

            _released.Set();
        }

        private bool Fits(int bytes)
        {
            return Capacity == 0 || InUse == 0 || InUse + bytes <= Capacity;
        }

        private void Take(int bytes)
        {
            InUse += bytes;
            if (InUse > Peak)
            {
                Peak = InUse;
            }
        }
    }
}

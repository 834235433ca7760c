using System;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// A peer's bytes arriving on a <see cref="ManualClock"/>: Send queues bytes that become readable
    /// at a given time, CloseAt ends the connection; WaitReadable advances the clock instead of blocking.
    /// </summary>
    public sealed class ScriptedPendingInput : IPendingInput
    {
        private readonly ManualClock _clock;
        private readonly ByteBuffer _bytes = new ByteBuffer();
        private long[] _arrivals = new long[0];
        private int[] _lengths = new int[0];
        private long _closeAt = long.MaxValue;

        public ScriptedPendingInput(ManualClock clock)
        {
            _clock = clock;
        }

        /// <summary>How often the waiting side polled.</summary>
        public int Polls { get; private set; }

        /// <summary><paramref name="bytes"/> become readable at monotonic time <paramref name="atMs"/> (in order of calls).</summary>
        public void Send(long atMs, byte[] bytes)
        {
            long[] a = new long[_arrivals.Length + 1];
            int[] l = new int[_lengths.Length + 1];
            Array.Copy(_arrivals, a, _arrivals.Length);
            Array.Copy(_lengths, l, _lengths.Length);
            a[_arrivals.Length] = atMs;
            l[_lengths.Length] = bytes.Length;
            _arrivals = a;
            _lengths = l;
            _bytes.Write(bytes, 0, bytes.Length);
        }

        /// <summary>The peer closes at monotonic time <paramref name="atMs"/>.</summary>
        public void CloseAt(long atMs)
        {
            _closeAt = atMs;
        }

        public int Available
        {
            get
            {
                long now = _clock.MonotonicMilliseconds;
                int n = 0;
                for (int i = 0; i < _arrivals.Length; i++)
                {
                    if (_arrivals[i] <= now)
                    {
                        n += _lengths[i];
                    }
                }

                return n;
            }
        }

        public int Peek(byte[] buffer, int count)
        {
            int n = Available < count ? Available : count;
            byte[] all = _bytes.ToArray();
            Array.Copy(all, buffer, n);
            return n;
        }

        public bool WaitReadable(int milliseconds)
        {
            Polls++;
            long now = _clock.MonotonicMilliseconds;
            if (Available > 0 || _closeAt <= now)
            {
                return true;
            }

            long next = _closeAt;
            for (int i = 0; i < _arrivals.Length; i++)
            {
                if (_arrivals[i] > now && _arrivals[i] < next)
                {
                    next = _arrivals[i];
                }
            }

            if (next - now > milliseconds)
            {
                _clock.Advance(milliseconds);
                return false;
            }

            _clock.Advance((int)(next - now));
            return true;
        }
    }
}

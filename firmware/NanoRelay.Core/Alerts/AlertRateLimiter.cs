namespace NanoRelay.Alerts
{
    /// <summary>At most N sends per sliding window, on the monotonic clock: a ring of the last N send times.</summary>
    internal sealed class AlertRateLimiter
    {
        private readonly long[] _sent;
        private readonly long _window;
        private int _count;
        private int _next;

        public AlertRateLimiter(int max, long windowMilliseconds)
        {
            _sent = new long[max];
            _window = windowMilliseconds;
        }

        /// <summary>Whether one more send at <paramref name="now"/> keeps within N per window.</summary>
        public bool HasRoom(long now)
        {
            // When the ring is full, _next holds the oldest of the last N sends.
            return _count < _sent.Length || now - _sent[_next] >= _window;
        }

        public void Record(long now)
        {
            _sent[_next] = now;
            _next = (_next + 1) % _sent.Length;
            if (_count < _sent.Length)
            {
                _count++;
            }
        }
    }
}

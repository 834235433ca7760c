namespace NanoRelay.Device
{
    /// <summary>A service's session cap (board.json sessions.*), shared by its plain and TLS listeners.</summary>
    public sealed class SessionSlots
    {
        private readonly object _lock = new object();
        private int _active;

        public SessionSlots(int max)
        {
            Max = max;
        }

        public int Max { get; private set; }

        public bool TryTake()
        {
            lock (_lock)
            {
                if (_active >= Max)
                {
                    return false;
                }

                _active++;
                return true;
            }
        }

        public void Release()
        {
            lock (_lock)
            {
                if (_active > 0)
                {
                    _active--;
                }
            }
        }
    }
}

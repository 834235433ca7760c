using System.Collections;
using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.MemoryBench
{
    /// <summary>A listener whose connections are handed in by the bench (<see cref="Connect"/>); Accept blocks until one is.</summary>
    public sealed class MemoryListener : IListener
    {
        private readonly ArrayList _pending = new ArrayList();
        private bool _closed;

        public int Port { get { return 25; } }

        public void Connect(IConnection connection)
        {
            lock (_pending)
            {
                _pending.Add(connection);
            }
        }

        public IConnection Accept()
        {
            while (!_closed)
            {
                lock (_pending)
                {
                    if (_pending.Count > 0)
                    {
                        IConnection c = (IConnection)_pending[0];
                        _pending.RemoveAt(0);
                        return c;
                    }
                }

                Thread.Sleep(20);
            }

            return null;
        }

        public void Close()
        {
            _closed = true;
        }
    }
}

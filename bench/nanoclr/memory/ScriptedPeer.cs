using System.Threading;
using NanoRelay.Ports;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// The common part of the in-memory peers: the relay's side calls Read and Write on its own
    /// thread; the peer answers synchronously (what it says next is ready when the relay reads)
    /// and can be held at one step, blocking the relay's Read as a quiet client would, until
    /// <see cref="Release"/>. A peer that finds a fault records it in <see cref="Failure"/> and closes.
    /// </summary>
    public abstract class ScriptedPeer : IConnection
    {
        private readonly string _address;
        private bool _held;
        private bool _closed;

        protected ScriptedPeer(string address)
        {
            _address = address;
        }

        /// <summary>The step at which Read blocks while held (-1: never).</summary>
        public int HoldAt { get; set; } = -1;

        /// <summary>The first fault seen, or null.</summary>
        public string Failure { get; protected set; }

        /// <summary>True once the relay closed the connection.</summary>
        public bool IsClosed { get { return _closed; } }

        /// <summary>True while the relay's Read is blocked at <see cref="HoldAt"/>.</summary>
        public bool IsWaiting { get; private set; }

        /// <summary>The script step reached.</summary>
        public int Step { get; protected set; }

        public bool IsSecure { get { return false; } }

        public int WriteTimeoutMilliseconds { set { } }

        public bool IsLoopback { get { return true; } }

        public string RemoteAddress { get { return _address; } }

        public void Hold()
        {
            _held = true;
        }

        public void Release()
        {
            _held = false;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            while (_held && Step == HoldAt && !_closed)
            {
                IsWaiting = true;
                Thread.Sleep(20);
            }

            IsWaiting = false;
            if (_closed || Failure != null)
            {
                return ConnectionRead.Closed;
            }

            return Next(buffer, offset, count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (_closed)
            {
                throw new ConnectionException("closed");
            }

            Received(buffer, offset, count);
        }

        public void StartTlsAsClient(string targetHost)
        {
            throw new ConnectionException("no TLS in the memory bench");
        }

        public void StartTlsAsServer()
        {
            throw new ConnectionException("no TLS in the memory bench");
        }

        public void Close()
        {
            _closed = true;
        }

        /// <summary>What the peer says next (0: it closes).</summary>
        protected abstract int Next(byte[] buffer, int offset, int count);

        /// <summary>What the relay wrote.</summary>
        protected abstract void Received(byte[] buffer, int offset, int count);

        protected void Fail(string why)
        {
            if (Failure == null)
            {
                Failure = why;
            }
        }

        /// <summary>Copies an ASCII line into the buffer (the caller's count always fits a command).</summary>
        protected static int Put(byte[] line, byte[] buffer, int offset, int count)
        {
            int n = line.Length < count ? line.Length : count;
            System.Array.Copy(line, 0, buffer, offset, n);
            return n;
        }
    }
}

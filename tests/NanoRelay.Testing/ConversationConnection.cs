using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// A connection whose peer is a polite client: it sends its next chunk only after the other
    /// side has written something since the previous chunk (it waits for each reply), then
    /// reads Closed (or TimedOut, advancing <see cref="Clock"/> by the timeout) at the end.
    /// Chunks are handed out at most <see cref="ReadSize"/> bytes per Read.
    /// </summary>
    public sealed class ConversationConnection : IConnection
    {
        private readonly byte[][] _chunks;
        private readonly MemoryStream _written = new MemoryStream();
        private int _chunk;
        private int _offset;
        private long _writtenAtRelease;   // 0: the client waits for the greeting too

        /// <summary>The client's turns, each sent after a reply.</summary>
        public ConversationConnection(byte[][] chunks, int readSize)
        {
            _chunks = chunks;
            ReadSize = readSize;
            CloseAtEnd = true;
            RemoteAddress = "192.0.2.1";
        }

        public int ReadSize { get; set; }

        public bool CloseAtEnd { get; set; }

        /// <summary>Advanced by the read timeout when a Read times out (so deadlines pass as on a real socket).</summary>
        public ManualClock Clock { get; set; }

        public bool IsSecure { get; private set; }

        public bool IsLoopback { get; set; }

        public string RemoteAddress { get; set; }

        public bool IsClosed { get; private set; }

        public int TlsUpgrades { get; private set; }

        public byte[] Written { get { return _written.ToArray(); } }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (IsClosed)
            {
                throw new ConnectionException("read after close");
            }

            if (_chunk < _chunks.Length && _offset == 0 && _written.Length == _writtenAtRelease)
            {
                // The client is waiting for a reply that has not come: the read times out.
                return Wait(timeoutMilliseconds);
            }

            if (_chunk >= _chunks.Length)
            {
                return CloseAtEnd ? ConnectionRead.Closed : Wait(timeoutMilliseconds);
            }

            byte[] c = _chunks[_chunk];
            int n = count < ReadSize ? count : ReadSize;
            n = n < c.Length - _offset ? n : c.Length - _offset;
            Array.Copy(c, _offset, buffer, offset, n);
            _offset += n;
            if (_offset == c.Length)
            {
                _chunk++;
                _offset = 0;
                _writtenAtRelease = _written.Length;
            }

            return n;
        }

        private int Wait(int timeoutMilliseconds)
        {
            if (Clock == null)
            {
                throw new InvalidOperationException("the client waits for a reply that never comes");
            }

            Clock.Advance(timeoutMilliseconds);
            return ConnectionRead.TimedOut;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (IsClosed)
            {
                throw new ConnectionException("write after close");
            }

            _written.Write(buffer, offset, count);
        }

        public void StartTlsAsClient(string targetHost)
        {
            IsSecure = true;
            TlsUpgrades++;
        }

        public void StartTlsAsServer()
        {
            IsSecure = true;
            TlsUpgrades++;
        }

        public void Close()
        {
            IsClosed = true;
        }
    }
}

using System;
using System.IO;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// A connection whose peer is a fixed byte script: reads return the script in chunks of
    /// <see cref="ChunkSize"/> bytes (1 replays it byte by byte), then TimedOut or Closed.
    /// Everything written is kept in <see cref="Written"/>.
    /// </summary>
    public sealed class ScriptedConnection : IConnection
    {
        private readonly byte[] _script;
        private readonly MemoryStream _written = new MemoryStream();
        private int _position;

        public ScriptedConnection(byte[] script, int chunkSize)
        {
            _script = script;
            ChunkSize = chunkSize;
            CloseAtEnd = true;
        }

        public int ChunkSize { get; set; }

        /// <summary>At the end of the script: true reads Closed, false reads TimedOut.</summary>
        public bool CloseAtEnd { get; set; }

        public bool IsSecure { get; private set; }

        public bool IsLoopback { get; set; }

        public string RemoteAddress { get { return "192.0.2.1"; } }

        public bool IsClosed { get; private set; }

        public int TlsUpgrades { get; private set; }

        public byte[] Written { get { return _written.ToArray(); } }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (IsClosed)
            {
                throw new ConnectionException("read after close");
            }

            if (_position >= _script.Length)
            {
                return CloseAtEnd ? ConnectionRead.Closed : ConnectionRead.TimedOut;
            }

            int n = count < ChunkSize ? count : ChunkSize;   // no System.Math in nano's mscorlib
            n = n < _script.Length - _position ? n : _script.Length - _position;
            Array.Copy(_script, _position, buffer, offset, n);
            _position += n;
            return n;
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

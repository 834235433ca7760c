using System;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>
    /// A connection whose peer is a fixed byte script: reads hand it out in the chunks given
    /// (chunk ends, or <see cref="ChunkSize"/> bytes: whole, one line per read, 1 for byte by byte),
    /// then report Closed, or TimedOut while advancing a ManualClock by the timeout asked for.
    /// Writes are kept; <see cref="FailWritesAfter"/> makes the peer stop reading (a write throws,
    /// as a TCP send timeout does). The peer is a client unless <see cref="PeerIsServer"/>.
    /// </summary>
    public sealed class ScriptedConnection : IConnection
    {
        private readonly byte[] _script;
        private readonly int[] _chunkEnds;
        private readonly ByteBuffer _written = new ByteBuffer();
        private int _position;
        private int _chunk;
        private bool _midChunk;
        private long _writtenAtRelease;   // 0: a polite client waits for the greeting too

        /// <summary>A script read <paramref name="chunkSize"/> bytes at a time.</summary>
        public ScriptedConnection(byte[] script, int chunkSize)
            : this(script, null, chunkSize)
        {
        }

        /// <summary>A script read in chunks ending at <paramref name="chunkEnds"/> (null: <paramref name="chunkSize"/> bytes each).</summary>
        public ScriptedConnection(byte[] script, int[] chunkEnds, int chunkSize)
        {
            _script = script;
            _chunkEnds = chunkEnds;
            ChunkSize = chunkSize;
            CloseAtEnd = true;
            FailWritesAfter = -1;
            RemoteAddress = "192.0.2.1";
        }

        public int ChunkSize { get; set; }

        /// <summary>At the end of the script: true reads Closed, false reads TimedOut (advancing <see cref="Clock"/>).</summary>
        public bool CloseAtEnd { get; set; }

        /// <summary>At the end of the script the connection is reset (a read throws), whatever CloseAtEnd says.</summary>
        public bool ResetAtEnd { get; set; }

        /// <summary>Advanced by the read timeout when a read times out.</summary>
        public ManualClock Clock { get; set; }

        /// <summary>Milliseconds the <see cref="Clock"/> moves before each chunk arrives (a slow client).</summary>
        public int AdvancePerRead { get; set; }

        /// <summary>
        /// A polite client: each chunk is sent only after the other side has written something since
        /// the previous one (the greeting before the first); until then reads time out, advancing <see cref="Clock"/>.
        /// </summary>
        public bool WaitsForReplies { get; set; }

        /// <summary>Bytes the peer accepts before it stops reading (-1: no limit).</summary>
        public long FailWritesAfter { get; set; }

        /// <summary>The script is a server's: the side under test is a client and may start TLS as one.</summary>
        public bool PeerIsServer { get; set; }

        public bool IsSecure { get; set; }

        /// <summary>The last write timeout the session set (0: none).</summary>
        public int WriteTimeoutMilliseconds { get; set; }

        public bool IsLoopback { get; set; }

        public string RemoteAddress { get; set; }

        public bool IsClosed { get; private set; }

        /// <summary>Write calls so far (each is a send, a TCP segment or more).</summary>
        public int Writes { get; private set; }

        public int TlsUpgrades { get; private set; }

        /// <summary>Script bytes the server had read when it started TLS.</summary>
        public int ReadAtTls { get; private set; }

        public byte[] Written { get { return _written.ToArray(); } }

        /// <summary>Everything written, as Latin-1 text (a NUL as "[NUL]", see <see cref="Octets"/>).</summary>
        public string WrittenText
        {
            get
            {
                byte[] b = Written;
                return Octets.Show(b, 0, b.Length);
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (IsClosed)
            {
                throw new ConnectionException("read after close");
            }

            if (WaitsForReplies && _position < _script.Length && !_midChunk && _written.Length == _writtenAtRelease)
            {
                // The client is waiting for a reply that has not come: the read times out.
                if (Clock == null)
                {
                    throw new InvalidOperationException("the client waits for a reply that never comes");
                }

                Clock.Advance(timeoutMilliseconds);
                return ConnectionRead.TimedOut;
            }

            if (_position >= _script.Length)
            {
                if (ResetAtEnd)
                {
                    throw new ConnectionException("connection reset by peer");
                }

                if (CloseAtEnd)
                {
                    return ConnectionRead.Closed;
                }

                if (Clock != null)
                {
                    Clock.Advance(timeoutMilliseconds);
                }

                return ConnectionRead.TimedOut;
            }

            if (Clock != null && AdvancePerRead > 0)
            {
                Clock.Advance(AdvancePerRead);
            }

            // A chunk with ends given is still read at most ChunkSize bytes at a time when that is positive.
            int end = _chunkEnds == null ? _position + ChunkSize : _chunkEnds[_chunk];
            int n = count < end - _position ? count : end - _position;
            n = n < _script.Length - _position ? n : _script.Length - _position;
            n = _chunkEnds != null && ChunkSize > 0 && n > ChunkSize ? ChunkSize : n;
            Array.Copy(_script, _position, buffer, offset, n);
            _position += n;
            _midChunk = _chunkEnds != null && _position < _chunkEnds[_chunk];
            if (!_midChunk)
            {
                _writtenAtRelease = _written.Length;
                if (_chunkEnds != null)
                {
                    _chunk++;
                }
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (IsClosed)
            {
                throw new ConnectionException("write after close");
            }

            if (FailWritesAfter >= 0 && _written.Length + count > FailWritesAfter)
            {
                throw new ConnectionException("write timed out: the peer stopped reading");
            }

            _written.Write(buffer, offset, count);
            Writes++;
        }

        public void StartTlsAsClient(string targetHost)
        {
            if (!PeerIsServer)
            {
                throw new ConnectionException("not a client");
            }

            IsSecure = true;
            TlsUpgrades++;
            ReadAtTls = _position;
        }

        public void StartTlsAsServer()
        {
            if (PeerIsServer)
            {
                throw new ConnectionException("not a server");
            }

            IsSecure = true;
            TlsUpgrades++;
            ReadAtTls = _position;
        }

        public void Close()
        {
            IsClosed = true;
        }
    }
}

using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc9051
{
    /// <summary>Something that happens while a client waits (another session, a delivery).</summary>
    public interface IPauseAction
    {
        void Run(int pause);
    }

    /// <summary>
    /// A client connection in parts: each part is read whole; when a part is used up the next read
    /// times out once (the client waits, the clock moves <see cref="PauseMilliseconds"/>) and the
    /// pause action runs; after the last part the peer closes.
    /// </summary>
    public sealed class PausingConnection : IConnection
    {
        private readonly byte[][] _parts;
        private readonly IPauseAction _action;
        private readonly ManualClock _clock;
        private readonly ByteBuffer _written = new ByteBuffer();
        private int _part;
        private int _position;
        private bool _paused;

        public PausingConnection(string[] parts, IPauseAction action, ManualClock clock)
        {
            _parts = new byte[parts.Length][];
            for (int i = 0; i < parts.Length; i++)
            {
                _parts[i] = Octets.Of(Text.Replace(Text.Replace(parts[i], "\r\n", "\n"), "\n", "\r\n"));
            }

            _action = action;
            _clock = clock;
            PauseMilliseconds = 100;
            RemoteAddress = "127.0.0.1";
            IsLoopback = true;
        }

        public int PauseMilliseconds { get; set; }

        /// <summary>How a part is read: 0 whole (pipelined), -1 one line per read, n: n octets per read.</summary>
        public int Chunk { get; set; }

        public bool IsSecure { get; set; }

        /// <summary>The last write timeout the session set (0: none).</summary>
        public int WriteTimeoutMilliseconds { get; set; }

        public bool IsLoopback { get; set; }

        public string RemoteAddress { get; set; }

        public bool IsClosed { get; private set; }

        /// <summary>Where the output stood when each pause began.</summary>
        public int WrittenAtLastPause { get; private set; }

        public string WrittenText
        {
            get
            {
                byte[] b = _written.ToArray();
                return Octets.Show(b, 0, b.Length);
            }
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            while (_part < _parts.Length && _position >= _parts[_part].Length)
            {
                if (!_paused)
                {
                    _paused = true;
                    WrittenAtLastPause = (int)_written.Length;
                    _clock.Advance(timeoutMilliseconds < PauseMilliseconds ? timeoutMilliseconds : PauseMilliseconds);
                    if (_action != null)
                    {
                        _action.Run(_part);
                    }

                    return ConnectionRead.TimedOut;
                }

                _paused = false;
                _part++;
                _position = 0;
            }

            if (_part >= _parts.Length)
            {
                return ConnectionRead.Closed;
            }

            byte[] p = _parts[_part];
            int n = p.Length - _position < count ? p.Length - _position : count;
            if (Chunk > 0 && n > Chunk)
            {
                n = Chunk;
            }
            else if (Chunk < 0)
            {
                int end = _position;
                while (end < p.Length && p[end] != (byte)'\n')
                {
                    end++;
                }

                if (end < p.Length && end + 1 - _position < n)
                {
                    n = end + 1 - _position;
                }
            }

            System.Array.Copy(p, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _written.Write(buffer, offset, count);
        }

        public void StartTlsAsClient(string targetHost)
        {
        }

        public void StartTlsAsServer()
        {
            IsSecure = true;
        }

        public void Close()
        {
            IsClosed = true;
        }
    }
}

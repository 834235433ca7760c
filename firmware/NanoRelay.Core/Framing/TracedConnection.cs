using NanoRelay.Ports;

namespace NanoRelay.Framing
{
    /// <summary>
    /// The --trace tap of one session: an <see cref="IConnection"/> that passes every call to the
    /// real connection and shows the bytes that crossed it, cut into lines, through one
    /// <see cref="TraceFormatter"/> (which redacts secrets and elides bodies). The drivers put it
    /// in front of their connection only when the log traces, so a session without --trace pays
    /// nothing. TLS runs below it: it sees the plaintext dialogue before and after STARTTLS/STLS.
    /// A line longer than its buffer is shown cut at <see cref="LineCapacity"/> octets.
    /// </summary>
    public sealed class TracedConnection : IConnection
    {
        /// <summary>Octets kept of one traced line (a text line is at most 1000, RFC 5321 §4.5.3.1.6).</summary>
        public const int LineCapacity = 1024;

        private static readonly object s_gate = new object();
        private static int s_sessions;

        private readonly IConnection _inner;
        private readonly TraceFormatter _formatter;
        private readonly bool _asServer;
        private readonly byte[] _readLine = new byte[LineCapacity];
        private readonly byte[] _writeLine = new byte[LineCapacity];
        private int _readCount;
        private int _writeCount;

        /// <summary>A server side's connection traced when --trace is on (log.IsTraceEnabled), else the connection itself.</summary>
        public static IConnection IfTracing(IConnection inner, ILog log, string source)
        {
            return log.IsTraceEnabled ? new TracedConnection(inner, log, source, true) : inner;
        }

        /// <summary>
        /// Traces <paramref name="inner"/> under "<paramref name="source"/>#N" (N counts sessions, so
        /// interleaved sessions stay apart). <paramref name="asServer"/>: bytes read are the client's.
        /// </summary>
        public TracedConnection(IConnection inner, ILog log, string source, bool asServer)
        {
            int n;
            lock (s_gate)
            {
                n = ++s_sessions;
            }

            _inner = inner;
            _asServer = asServer;
            _formatter = new TraceFormatter(log, source + "#" + n.ToString());
        }

        /// <summary>The formatter of this session.</summary>
        public TraceFormatter Formatter { get { return _formatter; } }

        public bool IsSecure { get { return _inner.IsSecure; } }

        public int WriteTimeoutMilliseconds { set { _inner.WriteTimeoutMilliseconds = value; } }

        public bool IsLoopback { get { return _inner.IsLoopback; } }

        public string RemoteAddress { get { return _inner.RemoteAddress; } }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            int n = _inner.Read(buffer, offset, count, timeoutMilliseconds);
            if (n > 0)
            {
                _readCount = Split(buffer, offset, n, _readLine, _readCount, !_asServer);
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _writeCount = Split(buffer, offset, count, _writeLine, _writeCount, _asServer);
            _inner.Write(buffer, offset, count);
        }

        public void StartTlsAsClient(string targetHost)
        {
            _inner.StartTlsAsClient(targetHost);
        }

        public void StartTlsAsServer()
        {
            _inner.StartTlsAsServer();
        }

        public void Close()
        {
            _inner.Close();
        }

        // Gathers bytes into `line` until LF, then hands the line to the formatter as the server's
        // or the client's; returns how many octets of an unfinished line are kept.
        private int Split(byte[] bytes, int offset, int count, byte[] line, int kept, bool server)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                byte b = bytes[i];
                if (kept < line.Length)
                {
                    line[kept] = b;
                }

                kept++;
                if (b != (byte)'\n')
                {
                    continue;
                }

                int length = kept < line.Length ? kept : line.Length;
                if (server)
                {
                    _formatter.Server(line, 0, length);
                }
                else
                {
                    _formatter.Client(line, 0, length);
                }

                kept = 0;
            }

            return kept;
        }
    }
}

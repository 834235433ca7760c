using System.Collections;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// The upstream submission server as an in-memory connector: every connection is a
    /// <see cref="Session"/> that answers at once (220, EHLO with PIPELINING, 250 to MAIL and RCPT,
    /// 354, 250 after the data, 221) and keeps of each message only its length and the CRC-32 of
    /// its data octets, the final CRLF.CRLF included (RFC 5321 §4.1.1.4). Its two buffers are the
    /// arena's (another machine's memory, not the relay's) while one session is open at a time, as
    /// the relay worker opens them; a second one at once gets buffers of its own.
    /// </summary>
    public sealed class SinkUpstream : IConnector
    {
        private readonly ArrayList _messages = new ArrayList();   // long[] { length, crc }
        private readonly FlashArena _arena;
        private Session _holder;   // the session that has the arena's buffers

        public SinkUpstream(FlashArena arena)
        {
            _arena = arena;
        }

        /// <summary>Messages received whole.</summary>
        public int Count { get { lock (_messages) { return _messages.Count; } } }

        /// <summary>The first fault a session saw, or null.</summary>
        public string Failure { get; private set; }

        public long LengthOf(int i)
        {
            lock (_messages)
            {
                return ((long[])_messages[i])[0];
            }
        }

        public uint CrcOf(int i)
        {
            lock (_messages)
            {
                return (uint)((long[])_messages[i])[1];
            }
        }

        public IConnection Connect(string host, int port, bool implicitTls, int timeoutMilliseconds)
        {
            lock (_messages)
            {
                bool free = _holder == null || _holder.IsClosed;
                Session s = free ? new Session(this, _arena.SinkOut, _arena.SinkLine) : new Session(this, new byte[512], new byte[600]);
                if (free)
                {
                    _holder = s;
                }

                return s;
            }
        }

        private void Add(long length, uint crc)
        {
            lock (_messages)
            {
                _messages.Add(new long[] { length, crc });
            }
        }

        private void Fail(string why)
        {
            if (Failure == null)
            {
                Failure = why;
            }
        }

        private sealed class Session : IConnection
        {
            private static readonly byte[] s_greeting = Ascii.Bytes("220 sink.test ESMTP\r\n");
            private static readonly byte[] s_ehlo = Ascii.Bytes("250-sink.test\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n");
            private static readonly byte[] s_ok = Ascii.Bytes("250 2.0.0 Ok\r\n");
            private static readonly byte[] s_data = Ascii.Bytes("354 End data with <CR><LF>.<CR><LF>\r\n");
            private static readonly byte[] s_bye = Ascii.Bytes("221 2.0.0 Bye\r\n");
            private static readonly byte[] s_bad = Ascii.Bytes("500 5.5.2 What?\r\n");
            private static readonly byte[] s_end = Ascii.Bytes("\r\n.\r\n");

            private readonly SinkUpstream _sink;
            private readonly byte[] _out;
            private readonly byte[] _line;
            private readonly Crc32 _crc = new Crc32();
            private int _outLength;
            private int _lineLength;
            private bool _inData;
            private int _matched;
            private long _dataBytes;
            private bool _quit;
            private bool _closed;

            public Session(SinkUpstream sink, byte[] output, byte[] line)
            {
                _sink = sink;
                _out = output;
                _line = line;
                Queue(s_greeting);
            }

            public bool IsSecure { get { return false; } }

            public bool IsClosed { get { return _closed; } }

            public int WriteTimeoutMilliseconds { set { } }

            public bool IsLoopback { get { return true; } }

            public string RemoteAddress { get { return "127.0.0.1"; } }

            public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
            {
                if (_outLength == 0)
                {
                    if (!_quit)
                    {
                        _sink.Fail("sink: the client waits for a reply that is not due");
                    }

                    return ConnectionRead.Closed;
                }

                int n = _outLength < count ? _outLength : count;
                System.Array.Copy(_out, 0, buffer, offset, n);
                System.Array.Copy(_out, n, _out, 0, _outLength - n);
                _outLength -= n;
                return n;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                if (_closed)
                {
                    throw new ConnectionException("closed");
                }

                int end = offset + count;
                while (offset < end)
                {
                    if (_inData)
                    {
                        offset = Data(buffer, offset, end);
                        continue;
                    }

                    byte b = buffer[offset++];
                    if (_lineLength < _line.Length)
                    {
                        _line[_lineLength++] = b;
                    }

                    if (b == 10)
                    {
                        Command();
                        _lineLength = 0;
                    }
                }
            }

            // The data octets up to and including CRLF.CRLF; returns where the data ended.
            private int Data(byte[] buffer, int offset, int end)
            {
                int start = offset;
                while (offset < end && _matched < s_end.Length)
                {
                    byte b = buffer[offset++];
                    _matched = b == s_end[_matched] ? _matched + 1 : (b == 13 ? 1 : 0);
                }

                _crc.Update(buffer, start, offset - start);
                _dataBytes += offset - start;
                if (_matched == s_end.Length)
                {
                    _inData = false;
                    _sink.Add(_dataBytes, _crc.Value);
                    Queue(s_ok);
                }

                return offset;
            }

            private void Command()
            {
                if (Is("EHLO"))
                {
                    Queue(s_ehlo);
                }
                else if (Is("MAIL") || Is("RCPT") || Is("RSET") || Is("NOOP"))
                {
                    Queue(s_ok);
                }
                else if (Is("DATA"))
                {
                    Queue(s_data);
                    _inData = true;
                    _matched = 2;   // the CRLF that ended DATA may begin the terminator (an empty message)
                    _dataBytes = 0;
                    _crc.Reset();
                }
                else if (Is("QUIT"))
                {
                    _quit = true;
                    Queue(s_bye);
                }
                else
                {
                    _sink.Fail("sink: unexpected command");
                    Queue(s_bad);
                }
            }

            private bool Is(string verb)
            {
                if (_lineLength < 4)
                {
                    return false;
                }

                for (int i = 0; i < 4; i++)
                {
                    if ((_line[i] | 0x20) != (verb[i] | 0x20))
                    {
                        return false;
                    }
                }

                return true;
            }

            private void Queue(byte[] reply)
            {
                if (_outLength + reply.Length > _out.Length)
                {
                    _sink.Fail("sink: too many replies pending");
                    return;
                }

                System.Array.Copy(reply, 0, _out, _outLength, reply.Length);
                _outLength += reply.Length;
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
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Storage;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// A POP3 client (RFC 1939) as the relay's POP3 driver sees it: USER, PASS, optionally RETR 1
    /// with the message checked as it arrives (length and CRC-32 of every octet after the status
    /// line, the final "." line included; nothing kept), then QUIT. Steps: 0 greeting, 1 USER,
    /// 2 PASS, 3 RETR, 4 QUIT, 5 done.
    /// </summary>
    public sealed class Pop3Reader : ScriptedPeer
    {
        private static readonly byte[] s_user = Ascii.Bytes("USER tech\r\n");
        private static readonly byte[] s_pass = Ascii.Bytes("PASS secret\r\n");
        private static readonly byte[] s_retr = Ascii.Bytes("RETR 1\r\n");
        private static readonly byte[] s_quit = Ascii.Bytes("QUIT\r\n");

        private readonly byte[] _line = new byte[256];
        private readonly bool _login;
        private readonly long _expectLength;
        private readonly uint _expectCrc;
        private readonly Crc32 _crc = new Crc32();
        private int _lineLength;
        private bool _answered = true;   // the greeting is due before the first command
        private bool _inData;
        private long _dataBytes;

        /// <summary>A reader that logs in (<paramref name="login"/>) and retrieves message 1 when <paramref name="expectLength"/> &gt; 0.</summary>
        public Pop3Reader(string address, bool login, long expectLength, uint expectCrc) : base(address)
        {
            _login = login;
            _expectLength = expectLength;
            _expectCrc = expectCrc;
            _answered = false;
        }

        /// <summary>True once the message arrived whole and matched.</summary>
        public bool Retrieved { get; private set; }

        protected override int Next(byte[] buffer, int offset, int count)
        {
            if (!_answered)
            {
                Fail("pop3: the server read before it answered step " + Step);
                return 0;
            }

            _answered = false;
            if (Step == 0)
            {
                Step = _login ? 1 : 4;
            }
            else if (Step == 2)
            {
                Step = _expectLength > 0 ? 3 : 4;
            }
            else
            {
                Step++;
            }

            switch (Step)
            {
                case 1: return Put(s_user, buffer, offset, count);
                case 2: return Put(s_pass, buffer, offset, count);
                case 3: return Put(s_retr, buffer, offset, count);
                case 4: return Put(s_quit, buffer, offset, count);
                default: return 0;
            }
        }

        protected override void Received(byte[] buffer, int offset, int count)
        {
            int end = offset + count;
            while (offset < end)
            {
                if (_inData)
                {
                    long left = _expectLength + 3 - _dataBytes;
                    int n = end - offset < left ? end - offset : (int)left;
                    _crc.Update(buffer, offset, n);
                    _dataBytes += n;
                    offset += n;
                    if (_dataBytes == _expectLength + 3)
                    {
                        _inData = false;
                        _answered = true;
                        if (_crc.Value != _expectCrc)
                        {
                            Fail("pop3: RETR content differs (CRC " + _crc.Value + ", expected " + _expectCrc + ")");
                        }
                        else
                        {
                            Retrieved = true;
                        }
                    }

                    continue;
                }

                byte b = buffer[offset++];
                if (_lineLength < _line.Length)
                {
                    _line[_lineLength++] = b;
                }

                if (b != 10)
                {
                    continue;
                }

                bool ok = _lineLength >= 3 && _line[0] == '+' && _line[1] == 'O' && _line[2] == 'K';
                _lineLength = 0;
                if (!ok)
                {
                    Fail("pop3: step " + Step + " answered -ERR");
                    continue;
                }

                if (Step == 3)
                {
                    _inData = true;
                    _crc.Reset();
                    _dataBytes = 0;
                }
                else
                {
                    _answered = true;
                }
            }
        }
    }
}

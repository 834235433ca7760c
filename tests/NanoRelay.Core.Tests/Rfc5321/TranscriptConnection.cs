using System;
using System.Collections;
using NanoRelay.Ports;
using NanoRelay.Testing;

namespace NanoRelay.Core.Tests.Rfc5321
{
    /// <summary>
    /// Plays the server side of a C:/S: transcript in lock-step: a block of S: lines is released
    /// only after the client wrote everything the C: lines before it expect, then handed out
    /// whole, one line per read, or one byte per read. "** TLS" marks the handshake; "** CLOSE"
    /// the server hanging up; at the end of the script reads time out (advancing the clock).
    /// The client's whole output is kept for comparison with the C: lines.
    /// </summary>
    public sealed class TranscriptConnection : IConnection
    {
        public const int Whole = 0;
        public const int LineByLine = 1;
        public const int ByteByByte = 2;

        private readonly ArrayList _steps = new ArrayList();   // Step
        private readonly ArrayList _writeArrays = new ArrayList();   // byte[]: the array of each Write
        private readonly int _mode;
        private readonly ManualClock _clock;
        private byte[] _written = new byte[256];
        private int _writtenCount;
        private int _step;
        private byte[] _pending;      // the released S: block
        private int _pendingOffset;
        private int _expectedSoFar;   // client bytes expected before the current step

        public TranscriptConnection(string transcript, int mode, ManualClock clock)
        {
            _mode = mode;
            _clock = clock;
            Parse(transcript);
        }

        /// <summary>Everything the C: lines say the client sends (CRLF after each).</summary>
        public string ExpectedClient { get; private set; }

        /// <summary>Everything the client wrote.</summary>
        public string WrittenText
        {
            get
            {
                char[] c = new char[_writtenCount];
                for (int i = 0; i < _writtenCount; i++)
                {
                    c[i] = (char)_written[i];
                }

                return new string(c);
            }
        }

        /// <summary>How many writes the client made.</summary>
        public int WriteCount { get { return _writeArrays.Count; } }

        /// <summary>The array the client passed to write <paramref name="i"/> (as it is now, not a copy).</summary>
        public byte[] WriteArray(int i)
        {
            return (byte[])_writeArrays[i];
        }

        public int TlsUpgrades { get; private set; }

        /// <summary>How many client bytes had been written when TLS started (-1: never).</summary>
        public int WrittenBeforeTls { get; private set; }

        public bool IsSecure { get; set; }

        /// <summary>The last write timeout the session set (0: none).</summary>
        public int WriteTimeoutMilliseconds { get; set; }

        public bool IsLoopback { get { return true; } }

        public string RemoteAddress { get { return "192.0.2.25"; } }

        public bool IsClosed { get; private set; }

        /// <summary>A transcript with the lines of the given text; see the class summary.</summary>
        public static string Lines(string[] lines)
        {
            string s = "";
            for (int i = 0; i < lines.Length; i++)
            {
                s += lines[i] + "\n";
            }

            return s;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (IsClosed)
            {
                throw new ConnectionException("read after close");
            }

            if (_pending == null || _pendingOffset >= _pending.Length)
            {
                _pending = null;
                Step s = _step < _steps.Count ? (Step)_steps[_step] : null;
                if (s != null && s.Kind == 'S' && _writtenCount >= _expectedSoFar)
                {
                    _pending = s.Bytes;
                    _pendingOffset = 0;
                    _step++;
                    AdvanceClientSteps();
                }
                else if (s != null && s.Kind == 'X' && _writtenCount >= _expectedSoFar)
                {
                    return ConnectionRead.Closed;
                }
                else
                {
                    // Nothing for the client now: the peer stays silent until the timeout.
                    _clock.Advance(timeoutMilliseconds);
                    return ConnectionRead.TimedOut;
                }
            }

            int n = _pending.Length - _pendingOffset;
            if (_mode == ByteByByte)
            {
                n = 1;
            }
            else if (_mode == LineByLine)
            {
                int lf = Array.IndexOf(_pending, (byte)10, _pendingOffset);
                n = lf < 0 ? n : lf + 1 - _pendingOffset;
            }

            if (n > count)
            {
                n = count;
            }

            Array.Copy(_pending, _pendingOffset, buffer, offset, n);
            _pendingOffset += n;
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (IsClosed)
            {
                throw new ConnectionException("write after close");
            }

            if (_writtenCount + count > _written.Length)
            {
                int grown = _written.Length * 2 > _writtenCount + count ? _written.Length * 2 : _writtenCount + count;
                byte[] n = new byte[grown];
                Array.Copy(_written, n, _writtenCount);
                _written = n;
            }

            Array.Copy(buffer, offset, _written, _writtenCount, count);
            _writtenCount += count;
            _writeArrays.Add(buffer);
        }

        public void StartTlsAsClient(string targetHost)
        {
            Step s = _step < _steps.Count ? (Step)_steps[_step] : null;
            if (s == null || s.Kind != 'T')
            {
                throw new ConnectionException("the transcript has no TLS handshake here") { IsTls = true };
            }

            if (_pending != null && _pendingOffset < _pending.Length)
            {
                // Plaintext still in flight would reach the TLS layer: a real handshake fails on it.
                _step++;
                throw new ConnectionException("TLS handshake failed: plaintext bytes before the ServerHello") { IsTls = true };
            }

            if (s.Fail)
            {
                _step++;
                throw new ConnectionException("certificate verification failed (transcript)") { IsTls = true };
            }

            _step++;
            AdvanceClientSteps();
            TlsUpgrades++;
            WrittenBeforeTls = _writtenCount;
            IsSecure = true;
        }

        public void StartTlsAsServer()
        {
            throw new ConnectionException("not a server");
        }

        public void Close()
        {
            IsClosed = true;
        }

        private void AdvanceClientSteps()
        {
            while (_step < _steps.Count && ((Step)_steps[_step]).Kind == 'C')
            {
                _expectedSoFar += ((Step)_steps[_step]).Bytes.Length;
                _step++;
            }
        }

        private void Parse(string transcript)
        {
            string expected = "";
            string[] lines = transcript.Split('\n');
            Step current = null;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                char kind;
                string text = "";
                bool fail = false;
                if (line.StartsWith("S: ") || line == "S:")
                {
                    kind = 'S';
                    text = line.Length > 3 ? line.Substring(3) : "";
                }
                else if (line.StartsWith("C: ") || line == "C:")
                {
                    kind = 'C';
                    text = line.Length > 3 ? line.Substring(3) : "";
                    expected += text + "\r\n";
                }
                else if (line.StartsWith("** TLS"))
                {
                    kind = 'T';
                    fail = line.IndexOf("FAIL") > 0;
                }
                else if (line.StartsWith("** CLOSE"))
                {
                    kind = 'X';
                }
                else
                {
                    throw new ArgumentException("bad transcript line: " + line);
                }

                // "\r" and "\n" escapes let a transcript hold a raw segment (docs/catalogue.md #37, #43).
                text = Text.Replace(Text.Replace(text, "\\r", "\r"), "\\n", "\n");
                bool raw = text.EndsWith("\\") ;
                if (raw)
                {
                    text = text.Substring(0, text.Length - 1);
                }

                string bytes = kind == 'S' || kind == 'C' ? (raw ? text : text + "\r\n") : "";
                if (current != null && current.Kind == kind && (kind == 'S' || kind == 'C'))
                {
                    current.Append(bytes);
                    continue;
                }

                current = new Step(kind, bytes, fail);
                _steps.Add(current);
            }

            ExpectedClient = expected;
            AdvanceClientSteps();
        }

        private sealed class Step
        {
            public Step(char kind, string text, bool fail)
            {
                Kind = kind;
                Fail = fail;
                Bytes = new byte[0];
                Append(text);
            }

            public char Kind { get; private set; }

            public bool Fail { get; private set; }

            public byte[] Bytes { get; private set; }

            public void Append(string text)
            {
                byte[] add = NanoRelay.Framing.Utf8.GetBytes(text);
                byte[] n = new byte[Bytes.Length + add.Length];
                Array.Copy(Bytes, n, Bytes.Length);
                Array.Copy(add, 0, n, Bytes.Length, add.Length);
                Bytes = n;
            }
        }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.Alerts
{
    /// <summary>A fixed buffer in front of an <see cref="IFileWriter"/>: small writes are gathered, the file sees full blocks.</summary>
    internal sealed class DigestOutput
    {
        private readonly byte[] _buffer;
        private IFileWriter _file;
        private int _count;

        public DigestOutput(int size)
        {
            _buffer = new byte[size];
        }

        /// <summary>Bytes written on the current line (for header folding and QP line lengths).</summary>
        public int Column { get; private set; }

        public void Begin(IFileWriter file)
        {
            _file = file;
            _count = 0;
            Column = 0;
        }

        public void Byte(byte b)
        {
            if (_count == _buffer.Length)
            {
                Drain();
            }

            _buffer[_count++] = b;
            Column = b == (byte)'\n' ? 0 : Column + 1;
        }

        public void Bytes(byte[] bytes, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                Byte(bytes[offset + i]);
            }
        }

        public void Bytes(byte[] bytes)
        {
            Bytes(bytes, 0, bytes.Length);
        }

        /// <summary>Writes an ASCII string (callers pass only ASCII: header names, addresses, numbers).</summary>
        public void Ascii(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                Byte((byte)s[i]);
            }
        }

        public void Crlf()
        {
            Byte((byte)'\r');
            Byte((byte)'\n');
        }

        /// <summary>Hands what is buffered to the file (the caller flushes the file when it is done).</summary>
        public void Drain()
        {
            if (_count > 0)
            {
                _file.Write(_buffer, 0, _count);
                _count = 0;
            }
        }
    }
}

using NanoRelay.Ports;

namespace NanoRelay.Mime
{
    /// <summary>A small fixed buffer in front of a spool file: small writes are gathered, pieces as long as the buffer go straight through (the file gathers them).</summary>
    public sealed class MimeOutput
    {
        private readonly byte[] _buffer;
        private IFileWriter _file;
        private int _count;

        public MimeOutput(int capacity)
        {
            _buffer = new byte[capacity];
        }

        /// <summary>Octets written since <see cref="Begin"/>.</summary>
        public long Length { get; private set; }

        /// <summary>Whether any octet above 127 was written (the writer keeps this false: 7-bit only).</summary>
        public bool Saw8Bit { get; private set; }

        public void Begin(IFileWriter file)
        {
            _file = file;
            _count = 0;
            Length = 0;
            Saw8Bit = false;
        }

        public void Write(byte[] source, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (source[i] > 127)
                {
                    Saw8Bit = true;
                    break;
                }
            }

            Length += count;
            if (count > _buffer.Length - _count)
            {
                Flush();
                if (count >= _buffer.Length)
                {
                    _file.Write(source, offset, count);
                    return;
                }
            }

            System.Array.Copy(source, offset, _buffer, _count, count);
            _count += count;
        }

        public void Write(byte[] literal)
        {
            Write(literal, 0, literal.Length);
        }

        public void Write(byte b)
        {
            if (b > 127)
            {
                Saw8Bit = true;
            }

            if (_count == _buffer.Length)
            {
                Flush();
            }

            _buffer[_count++] = b;
            Length++;
        }

        /// <summary>Hands the gathered bytes to the file (no durability: the caller flushes the file).</summary>
        public void Flush()
        {
            if (_count > 0)
            {
                _file.Write(_buffer, 0, _count);
                _count = 0;
            }
        }
    }
}

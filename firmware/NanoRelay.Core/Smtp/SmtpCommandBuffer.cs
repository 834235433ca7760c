using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Smtp
{
    /// <summary>
    /// The client's output: commands gathered in one fixed buffer until the driver writes them, with
    /// a flag for output that carries credentials.
    /// </summary>
    public sealed class SmtpCommandBuffer
    {
        private readonly byte[] _bytes;
        private int _count;

        public SmtpCommandBuffer(int capacity)
        {
            _bytes = new byte[capacity];
        }

        public byte[] Bytes { get { return _bytes; } }

        public int Count { get { return _count; } }

        public int Capacity { get { return _bytes.Length; } }

        public void Clear()
        {
            _count = 0;
        }

        public void Append(byte[] literal)
        {
            System.Array.Copy(literal, 0, _bytes, _count, literal.Length);
            _count += literal.Length;
        }

        public void Append(byte b)
        {
            _bytes[_count++] = b;
        }

        public void AppendText(string s)
        {
            _count += Utf8.GetBytes(s, _bytes, _count);
        }

        public void AppendDecimal(long value)
        {
            _count += Ascii.FormatDecimal(value, _bytes, _count);
        }

        /// <summary>
        /// Appends [prefix] base64(raw) CRLF as secret output, then zeroes <paramref name="raw"/> so a
        /// password does not linger in a freed array. False (nothing appended) when it does not fit.
        /// </summary>
        public bool AppendBase64Line(byte[] prefix, byte[] raw)
        {
            int need = (prefix == null ? 0 : prefix.Length) + Base64.EncodedLength(raw.Length) + 2;
            if (_count + need > _bytes.Length)
            {
                System.Array.Clear(raw, 0, raw.Length);
                return false;
            }

            if (prefix != null)
            {
                Append(prefix);
            }

            _count += Base64.Encode(raw, 0, raw.Length, _bytes, _count);
            Append(SmtpCommands.Crlf);
            System.Array.Clear(raw, 0, raw.Length);
            return true;
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Smtp
{
    /// <summary>
    /// The client's output: commands gathered in one standing buffer until the driver writes them.
    /// A line that carries credentials (an AUTH initial response, an answer to a challenge) is
    /// written from an exact-size array made for it alone and zeroed when the output is cleared,
    /// so a several-KB XOAUTH2 token (RFC 4954 §4) neither sizes the standing buffer nor lingers.
    /// </summary>
    public sealed class SmtpCommandBuffer
    {
        private readonly byte[] _standing;
        private byte[] _bytes;   // _standing, or the exact-size array of one credentials line
        private int _count;

        public SmtpCommandBuffer(int capacity)
        {
            _standing = new byte[capacity];
            _bytes = _standing;
        }

        /// <summary>The output, in Bytes[0..Count): the standing buffer, or a credentials line's own array.</summary>
        public byte[] Bytes { get { return _bytes; } }

        public int Count { get { return _count; } }

        /// <summary>The standing buffer's size (what a PIPELINING group must fit in).</summary>
        public int Capacity { get { return _standing.Length; } }

        /// <summary>The output was written: a credentials line's array is zeroed and dropped.</summary>
        public void Clear()
        {
            if (_bytes != _standing)
            {
                System.Array.Clear(_bytes, 0, _bytes.Length);
                _bytes = _standing;
            }

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
        /// Appends [prefix] base64(raw) CRLF, the last line of the output until <see cref="Clear"/>,
        /// into an array of exactly the output's size (what came before it copied in), then zeroes
        /// <paramref name="raw"/> so a password does not linger in a freed array. False (nothing
        /// appended) when the line is longer than <see cref="Limits.SmtpClientAuthLine"/>.
        /// </summary>
        public bool AppendBase64Line(byte[] prefix, byte[] raw)
        {
            int need = (prefix == null ? 0 : prefix.Length) + Base64.EncodedLength(raw.Length) + 2;
            if (need > Limits.SmtpClientAuthLine)
            {
                System.Array.Clear(raw, 0, raw.Length);
                return false;
            }

            byte[] line = new byte[_count + need];
            System.Array.Copy(_bytes, 0, line, 0, _count);
            if (_bytes != _standing)
            {
                System.Array.Clear(_bytes, 0, _bytes.Length);
            }

            _bytes = line;
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

using System;
using NanoRelay.Framing;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// The one copy loop for message bodies: POP3's RETR/TOP (RFC 1939 §3: dot-stuffed, cut after
    /// TOP's lines, ended by "."), POP2's RETR (RFC 937: the octets as stored, nothing added, since
    /// the "=ccc" reply already told their count), IMAP's FETCH literals (RFC 9051 §4.3: a counted
    /// range of the octets as stored) and the SMTP client's DATA (RFC 5321 §4.5.2: dot-stuffed,
    /// ended by CRLF "." CRLF). A status line and the body leave gathered in one buffer, so a small
    /// message goes in one write (one TCP segment on the device) and a large one in writes of about
    /// the output buffer's size. After its buffers are made, a transfer allocates nothing.
    /// </summary>
    public sealed class MessageTransfer
    {
        private readonly DotStuffer _stuffer = new DotStuffer();
        private readonly Pop3TopCutter _cutter = new Pop3TopCutter();
        private readonly byte[] _in;
        private readonly byte[] _out;

        /// <summary>A transfer that reads <paramref name="chunk"/> bytes at a time (Limits.Pop3TransferChunk on the device) and writes about one chunk at a time.</summary>
        public MessageTransfer(int chunk)
            : this(chunk, DotStuffer.MaxOutput(chunk) + 5)
        {
        }

        /// <summary>
        /// A transfer that reads <paramref name="chunk"/> bytes at a time and gathers up to
        /// <paramref name="output"/> bytes per write (at least one stuffed chunk and the final ".").
        /// </summary>
        public MessageTransfer(int chunk, int output)
        {
            int least = DotStuffer.MaxOutput(chunk) + 5;
            _in = new byte[chunk];
            _out = new byte[output < least ? least : output];
        }

        /// <summary>
        /// Writes head[0..headLength) (the status line; null or empty for none) and the message from
        /// <paramref name="reader"/>: dot-stuffed with its "." line and at most
        /// <paramref name="topLines"/> body lines (-1: all) when <paramref name="stuffed"/>, else as stored.
        /// </summary>
        public void Send(IConnection connection, byte[] head, int headLength, IFileReader reader, int topLines, bool stuffed)
        {
            Copy(connection, head, headLength, reader, stuffed ? topLines : -1, stuffed, -1);
        }

        /// <summary>
        /// Writes head[0..headLength) (the response so far, ending in the literal's "{n}" CRLF) and
        /// exactly <paramref name="length"/> octets of the message from octet <paramref name="start"/>, as stored.
        /// Throws StoreException when the message is shorter: the count was promised, the connection cannot go on.
        /// </summary>
        public void SendOctets(IConnection connection, byte[] head, int headLength, IFileReader reader, long start, long length)
        {
            if (start > 0)
            {
                reader.Seek(start);
            }

            Copy(connection, head, headLength, reader, -1, false, length);
        }

        // length -1: to the end of the file.
        private void Copy(IConnection connection, byte[] head, int headLength, IFileReader reader, int topLines, bool stuffed, long length)
        {
            _cutter.Reset(topLines);
            _stuffer.Reset();
            int pending = 0;
            if (headLength > 0 && headLength <= _out.Length / 4)
            {
                Array.Copy(head, 0, _out, 0, headLength);
                pending = headLength;
            }
            else if (headLength > 0)
            {
                connection.Write(head, 0, headLength);
            }

            long left = length;
            while (!_cutter.Done && left != 0)
            {
                // Room for the worst case: every byte doubled (DotStuffer.MaxOutput), and Finish's 5.
                int room = (_out.Length - pending - 6) / 2;
                if (room < _in.Length / 2)
                {
                    connection.Write(_out, 0, pending);
                    pending = 0;
                    room = (_out.Length - 6) / 2;
                }

                int want = room < _in.Length ? room : _in.Length;
                int n = reader.Read(_in, 0, left >= 0 && left < want ? (int)left : want);
                if (n <= 0)
                {
                    if (left > 0)
                    {
                        throw new StoreException("message shorter than its size");
                    }

                    break;
                }

                if (left > 0)
                {
                    left -= n;
                }

                n = _cutter.Take(_in, 0, n);
                if (!stuffed || _stuffer.TryPassThrough(_in, 0, n))
                {
                    Array.Copy(_in, 0, _out, pending, n);
                    pending += n;
                }
                else
                {
                    pending += _stuffer.Stuff(_in, 0, n, _out, pending);
                }
            }

            if (stuffed)
            {
                pending += _stuffer.Finish(_out, pending);
            }

            connection.Write(_out, 0, pending);
        }
    }
}

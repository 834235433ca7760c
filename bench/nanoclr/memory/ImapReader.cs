using NanoRelay.Framing;

namespace NanoRelay.MemoryBench
{
    /// <summary>
    /// An IMAP client on the relay's IMAP session: LOGIN, SELECT INBOX, a FETCH of the whole
    /// message (flags, envelope, structure and the 1 MB body), IDLE (held there while the bench
    /// measures), DONE, LOGOUT. Counts what it received and keeps the tail to check the end.
    /// </summary>
    public sealed class ImapReader : ScriptedPeer
    {
        /// <summary>The step at which the client sits in IDLE.</summary>
        public const int IdleStep = 4;

        private static readonly byte[][] s_script =
        {
            Ascii.Bytes("a LOGIN tech secret\r\n"),
            Ascii.Bytes("b SELECT INBOX\r\n"),
            Ascii.Bytes("c FETCH 1 (FLAGS ENVELOPE BODYSTRUCTURE BODY.PEEK[])\r\n"),
            Ascii.Bytes("d IDLE\r\n"),
            Ascii.Bytes("DONE\r\n"),
            Ascii.Bytes("z LOGOUT\r\n"),
        };

        private readonly long _expectAtLeast;
        private readonly byte[] _tail = new byte[256];
        private int _tailLength;

        public ImapReader(string address, long expectAtLeast) : base(address)
        {
            _expectAtLeast = expectAtLeast;
        }

        /// <summary>Octets the server wrote.</summary>
        public long Octets { get; private set; }

        /// <summary>Whether the session ended as scripted: the whole message came and LOGOUT completed.</summary>
        public bool Completed
        {
            get
            {
                string tail = Utf8.GetString(_tail, 0, _tailLength);
                return Octets >= _expectAtLeast && tail.IndexOf("d OK IDLE terminated\r\n* BYE") >= 0 && tail.IndexOf("z OK LOGOUT completed\r\n") >= 0;
            }
        }

        protected override int Next(byte[] buffer, int offset, int count)
        {
            if (Step >= s_script.Length)
            {
                return 0;
            }

            int n = Put(s_script[Step], buffer, offset, count);
            Step++;
            return n;
        }

        protected override void Received(byte[] buffer, int offset, int count)
        {
            Octets += count;
            if (count >= _tail.Length)
            {
                System.Array.Copy(buffer, offset + count - _tail.Length, _tail, 0, _tail.Length);
                _tailLength = _tail.Length;
                return;
            }

            int keep = _tail.Length - count < _tailLength ? _tail.Length - count : _tailLength;
            System.Array.Copy(_tail, _tailLength - keep, _tail, 0, keep);
            System.Array.Copy(buffer, offset, _tail, keep, count);
            _tailLength = keep + count;
        }
    }
}

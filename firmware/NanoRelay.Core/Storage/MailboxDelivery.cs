using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Storage
{
    /// <summary>
    /// One message being delivered into the <see cref="Mailbox"/>: bytes in any chunks (line ends
    /// normalised to CRLF as they are stored), then <see cref="Commit()"/>, which returns the UID
    /// only once the message is durable; or <see cref="Abort"/>.
    /// </summary>
    public sealed class MailboxDelivery : NanoRelay.Imap.IImapAppend
    {
        private const int Chunk = 256;

        private readonly Mailbox _mailbox;
        private readonly StoreWriter _writer;
        private readonly string _sourceKey;
        private readonly DotStuffer _lineEnds = new DotStuffer(false);   // line ends only: RETR stuffs dots when it sends
        private readonly byte[] _out = new byte[DotStuffer.MaxOutput(Chunk)];

        internal MailboxDelivery(Mailbox mailbox, StoreWriter writer, string sourceKey)
        {
            _mailbox = mailbox;
            _writer = writer;
            _sourceKey = sourceKey;
        }

        /// <summary>Stored octets so far.</summary>
        public long Length { get { return _writer.Length; } }

        public void Write(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                int n = count < Chunk ? count : Chunk;
                int m = _lineEnds.Stuff(buffer, offset, n, _out, 0);
                _writer.Write(_out, 0, m);
                offset += n;
                count -= n;
            }
        }

        /// <summary>Makes the message durable and visible to the next Refresh; returns its UID.</summary>
        public string Commit()
        {
            int m = _lineEnds.EndLastLine(_out, 0);
            if (m > 0)
            {
                _writer.Write(_out, 0, m);
            }

            return _mailbox.CommitDelivery(_writer, _sourceKey);
        }

        /// <summary>As <see cref="Commit()"/>, with the IMAP flags APPEND gave (RFC 9051 §6.3.12); returns the UID.</summary>
        public long Commit(int flags)
        {
            int m = _lineEnds.EndLastLine(_out, 0);
            if (m > 0)
            {
                _writer.Write(_out, 0, m);
            }

            _mailbox.CommitDelivery(_writer, _sourceKey, flags);
            return _writer.Id;
        }

        public void Abort()
        {
            _mailbox.AbortDelivery(_writer);
        }
    }
}

namespace NanoRelay.Dns
{
    /// <summary>
    /// Reads a response in place (RFC 1035 §4.1): the header, the question, then the answer
    /// records one by one into its own fields, so reading a record allocates nothing. Every
    /// length is checked against the message before it is used. One reader serves many messages.
    /// </summary>
    public sealed class DnsReader
    {
        private byte[] _m;
        private int _length;
        private int _answersStart;
        private int _pos;
        private int _left;

        public int Id { get; private set; }

        /// <summary>QR: the message is a response.</summary>
        public bool IsResponse { get; private set; }

        public int Opcode { get; private set; }

        /// <summary>TC: "this message was truncated" (RFC 1035 §4.1.1).</summary>
        public bool Truncated { get; private set; }

        public int Rcode { get; private set; }

        public int QuestionCount { get; private set; }

        public int AnswerCount { get; private set; }

        // The current record (after Next returned 1).
        public int NameOffset { get; private set; }

        public int Type { get; private set; }

        public int Class { get; private set; }

        /// <summary>Seconds; RFC 2181 §8: a value with the top bit set is taken as 0.</summary>
        public int Ttl { get; private set; }

        public int DataOffset { get; private set; }

        public int DataLength { get; private set; }

        /// <summary>Reads the header and skips the question. False when the message is malformed.</summary>
        public bool Begin(byte[] message, int length)
        {
            _m = message;
            _length = length;
            if (length < DnsQuery.QuestionOffset || length > message.Length)
            {
                return false;
            }

            Id = DnsQuery.IdOf(message);
            IsResponse = (message[2] & 0x80) != 0;
            Opcode = (message[2] >> 3) & 0x0F;
            Truncated = (message[2] & 0x02) != 0;
            Rcode = message[3] & 0x0F;
            QuestionCount = (message[4] << 8) | message[5];
            AnswerCount = (message[6] << 8) | message[7];
            int pos = DnsQuery.QuestionOffset;
            for (int i = 0; i < QuestionCount; i++)
            {
                pos = DnsName.Skip(message, length, pos);
                if (pos < 0 || pos + 4 > length)
                {
                    return false;
                }

                pos += 4;
            }

            _answersStart = pos;
            Rewind();
            return true;
        }

        /// <summary>
        /// True when the message's single question is the one in <paramref name="query"/> (name,
        /// type and class; RFC 5452 §9.1: "the question section ... must match").
        /// </summary>
        public bool QuestionMatches(byte[] query, int queryLength)
        {
            if (QuestionCount != 1)
            {
                return false;
            }

            if (DnsName.Compare(_m, _length, DnsQuery.QuestionOffset, query, queryLength, DnsQuery.QuestionOffset) != 1)
            {
                return false;
            }

            int a = DnsName.Skip(_m, _length, DnsQuery.QuestionOffset);
            int b = DnsName.Skip(query, queryLength, DnsQuery.QuestionOffset);
            if (a < 0 || b < 0 || a + 4 > _length || b + 4 > queryLength)
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                if (_m[a + i] != query[b + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Back to the first answer record.</summary>
        public void Rewind()
        {
            _pos = _answersStart;
            _left = AnswerCount > Limits.DnsRecords ? Limits.DnsRecords : AnswerCount;
        }

        /// <summary>Moves to the next answer record: 1 read, 0 none left, -1 malformed.</summary>
        public int Next()
        {
            if (_left == 0)
            {
                return 0;
            }

            int pos = DnsName.Skip(_m, _length, _pos);
            if (pos < 0 || pos + 10 > _length)
            {
                return -1;
            }

            NameOffset = _pos;
            Type = (_m[pos] << 8) | _m[pos + 1];
            Class = (_m[pos + 2] << 8) | _m[pos + 3];
            int ttl = (_m[pos + 4] << 24) | (_m[pos + 5] << 16) | (_m[pos + 6] << 8) | _m[pos + 7];
            Ttl = ttl < 0 ? 0 : ttl;
            DataLength = (_m[pos + 8] << 8) | _m[pos + 9];
            DataOffset = pos + 10;
            if (DataOffset + DataLength > _length)
            {
                return -1;
            }

            _pos = DataOffset + DataLength;
            _left--;
            return 1;
        }
    }
}

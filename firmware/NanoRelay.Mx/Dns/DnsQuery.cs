namespace NanoRelay.Dns
{
    /// <summary>Writes a standard query (RFC 1035 §4.1.1, §4.1.2): one question, RD set, class IN.</summary>
    public static class DnsQuery
    {
        /// <summary>The header is 12 octets; the question's name starts here.</summary>
        public const int QuestionOffset = 12;

        /// <summary>
        /// Writes the query for <paramref name="name"/> and <paramref name="type"/> with the given
        /// 16-bit ID. Returns its length, or -1 when the name is not a domain name.
        /// </summary>
        public static int Write(byte[] buffer, int id, string name, int type)
        {
            if (buffer.Length < QuestionOffset + 5)
            {
                return -1;
            }

            buffer[0] = (byte)(id >> 8);
            buffer[1] = (byte)id;
            buffer[2] = 0x01;   // QR=0, OPCODE=0 (QUERY), RD=1: the configured server is a recursive resolver
            buffer[3] = 0x00;
            buffer[4] = 0;
            buffer[5] = 1;      // QDCOUNT
            for (int i = 6; i < QuestionOffset; i++)
            {
                buffer[i] = 0;  // ANCOUNT, NSCOUNT, ARCOUNT
            }

            int n = DnsName.Encode(name, buffer, QuestionOffset);
            if (n < 0 || QuestionOffset + n + 4 > buffer.Length)
            {
                return -1;
            }

            int at = QuestionOffset + n;
            buffer[at++] = (byte)(type >> 8);
            buffer[at++] = (byte)type;
            buffer[at++] = 0;
            buffer[at++] = DnsType.ClassIn;
            return at;
        }

        /// <summary>Sets the ID of a query already written.</summary>
        public static void SetId(byte[] buffer, int id)
        {
            buffer[0] = (byte)(id >> 8);
            buffer[1] = (byte)id;
        }

        /// <summary>The ID in the first two octets of a message.</summary>
        public static int IdOf(byte[] message)
        {
            return (message[0] << 8) | message[1];
        }
    }
}

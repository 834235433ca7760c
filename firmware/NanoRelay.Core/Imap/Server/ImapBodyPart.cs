namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// One MIME entity found by <see cref="ImapBodyScanner"/>: where its header and body lie in
    /// the message, its lines, and the header values BODYSTRUCTURE and ENVELOPE need (as
    /// offset/length pairs into the scanner's arena; length -1: absent).
    /// </summary>
    public sealed class ImapBodyPart
    {
        // Indices into Values: Content-Type fields, then the ten ENVELOPE fields (RFC 9051 §7.5.2).
        public const int ContentType = 0;
        public const int Encoding = 1;
        public const int Id = 2;
        public const int Description = 3;
        public const int Disposition = 4;
        public const int Date = 5;
        public const int Subject = 6;
        public const int From = 7;
        public const int Sender = 8;
        public const int ReplyTo = 9;
        public const int To = 10;
        public const int Cc = 11;
        public const int Bcc = 12;
        public const int InReplyTo = 13;
        public const int MessageId = 14;
        public const int FieldCount = 15;

        public readonly int[] Offset = new int[FieldCount];
        public readonly int[] Length = new int[FieldCount];

        public int Parent;
        public int FirstChild;
        public int NextSibling;
        public int Depth;
        public long HeaderStart;
        public long BodyStart;
        public long End;
        public long BodyStartLine;
        public long EndLine;
        public bool Multipart;
        public bool Message;      // message/rfc822: its one child is the encapsulated message
        public bool DigestChild;  // RFC 2046 §5.1.5: the default type is message/rfc822
        public bool HeaderDone;

        public void Reset(int parent, int depth, long headerStart, bool digestChild)
        {
            for (int i = 0; i < FieldCount; i++)
            {
                Offset[i] = 0;
                Length[i] = -1;
            }

            Parent = parent;
            FirstChild = -1;
            NextSibling = -1;
            Depth = depth;
            HeaderStart = headerStart;
            BodyStart = -1;
            End = -1;
            BodyStartLine = 0;
            EndLine = 0;
            Multipart = false;
            Message = false;
            DigestChild = digestChild;
            HeaderDone = false;
        }
    }
}

namespace NanoRelay.Imap.Server
{
    /// <summary>The parsed attributes of one FETCH (RFC 9051 §6.4.5), in fixed arrays.</summary>
    public sealed class ImapFetchItems
    {
        public const int Max = 16;
        public const int MaxPath = 4;

        public const int Flags = 1;
        public const int Uid = 2;
        public const int InternalDate = 3;
        public const int Size = 4;
        public const int Envelope = 5;
        public const int BodyStructure = 6;
        public const int Body = 7;          // BODY without a section: BODYSTRUCTURE without extensions
        public const int Section = 8;       // BODY[...] / BODY.PEEK[...] / RFC822 / RFC822.HEADER / RFC822.TEXT

        public const int TextNone = 0;      // the whole part (or message)
        public const int TextHeader = 1;
        public const int TextFields = 2;
        public const int TextFieldsNot = 3;
        public const int TextText = 4;
        public const int TextMime = 5;

        public readonly int[] Kind = new int[Max];
        public readonly bool[] Peek = new bool[Max];
        public readonly int[] PathLength = new int[Max];
        public readonly int[] Path = new int[Max * MaxPath];
        public readonly int[] Text = new int[Max];
        public readonly int[] FieldsOffset = new int[Max];   // the "(A B)" list in the command buffer
        public readonly int[] FieldsLength = new int[Max];
        public readonly int[] EchoOffset = new int[Max];     // "[...]" to repeat in the response
        public readonly int[] EchoLength = new int[Max];
        public readonly long[] PartialStart = new long[Max]; // -1: no partial
        public readonly long[] PartialLength = new long[Max];
        public readonly int[] Rfc822 = new int[Max];         // 0: BODY[..], 1: RFC822, 2: RFC822.HEADER, 3: RFC822.TEXT

        public int Count;

        public int Add(int kind)
        {
            if (Count >= Max)
            {
                return -1;
            }

            int i = Count++;
            Kind[i] = kind;
            Peek[i] = false;
            PathLength[i] = 0;
            Text[i] = TextNone;
            FieldsLength[i] = 0;
            EchoLength[i] = 0;
            PartialStart[i] = -1;
            Rfc822[i] = 0;
            return i;
        }

        public bool Has(int kind)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Kind[i] == kind)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

using NanoRelay.Framing;

namespace NanoRelay.Pop3
{
    /// <summary>A row of a command table: the keyword, the arguments it takes, its handler.</summary>
    public sealed class Pop3Command
    {
        /// <summary>A command with between <paramref name="minArguments"/> and <paramref name="maxArguments"/> space-separated arguments of at most 40 octets.</summary>
        public Pop3Command(string keyword, int minArguments, int maxArguments, Pop3Handler handler)
        {
            Keyword = Ascii.Bytes(keyword);
            MinArguments = minArguments;
            MaxArguments = maxArguments;
            Handler = handler;
        }

        /// <summary>The keyword in upper case (RFC 1939 §3: "a case-insensitive keyword").</summary>
        public byte[] Keyword { get; private set; }

        public int MinArguments { get; private set; }

        public int MaxArguments { get; private set; }

        /// <summary>The argument is the rest of the line, spaces included (PASS, RFC 1939 §7).</summary>
        public bool TakesRest { get; set; }

        /// <summary>Arguments may exceed 40 octets (AUTH's initial response, RFC 5034 §4).</summary>
        public bool LongArguments { get; set; }

        public Pop3Handler Handler { get; private set; }

        /// <summary>Whether the parsed arguments fit this command (count, length, no empty token).</summary>
        public bool Accepts(Pop3Arguments arguments)
        {
            if (TakesRest)
            {
                return arguments.RestLength > 0 && arguments.RestLength <= Limits.Pop3CommandLine;
            }

            if (arguments.Malformed || arguments.Count < MinArguments || arguments.Count > MaxArguments)
            {
                return false;
            }

            return LongArguments || arguments.LongestLength <= Limits.Pop3Argument;
        }
    }
}

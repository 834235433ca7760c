using NanoRelay.Framing;

namespace NanoRelay.Pop2
{
    /// <summary>A row of a command table: the keyword, whether it takes an argument, its handler.</summary>
    public sealed class Pop2Command
    {
        /// <summary>No argument: "RETR CRLF" (RFC 937 "Formal Syntax").</summary>
        public const int NoArgument = 0;

        /// <summary>An optional argument: "READ [SP number] CRLF".</summary>
        public const int OptionalArgument = 1;

        /// <summary>A required argument: "HELO SP user SP password CRLF", "FOLD SP mailbox CRLF".</summary>
        public const int RequiredArgument = 2;

        public Pop2Command(string keyword, int argument, Pop2Handler handler)
        {
            Keyword = Ascii.Bytes(keyword);
            Argument = argument;
            Handler = handler;
        }

        /// <summary>The keyword in upper case; RFC 937 commands are four letters.</summary>
        public byte[] Keyword { get; private set; }

        /// <summary><see cref="NoArgument"/>, <see cref="OptionalArgument"/> or <see cref="RequiredArgument"/>.</summary>
        public int Argument { get; private set; }

        public Pop2Handler Handler { get; private set; }

        /// <summary>Whether an argument of <paramref name="count"/> octets (-1: none) fits this command.</summary>
        public bool Accepts(int count)
        {
            if (count == 0)
            {
                return false;   // "READ " : a space with nothing after it is not in the grammar
            }

            return Argument == OptionalArgument || (Argument == RequiredArgument) == (count > 0);
        }
    }
}

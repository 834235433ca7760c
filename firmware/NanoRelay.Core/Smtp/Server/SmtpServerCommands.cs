using NanoRelay.Framing;

namespace NanoRelay.Smtp.Server
{
    /// <summary>Matches a command line's verb (case-insensitive, RFC 5321 §2.4) against the verb table.</summary>
    internal static class SmtpServerCommands
    {
        private static readonly byte[][] s_verbs =
        {
            Ascii.Bytes("HELO"), Ascii.Bytes("EHLO"), Ascii.Bytes("MAIL"), Ascii.Bytes("RCPT"),
            Ascii.Bytes("DATA"), Ascii.Bytes("RSET"), Ascii.Bytes("NOOP"), Ascii.Bytes("QUIT"),
            Ascii.Bytes("HELP"), Ascii.Bytes("VRFY"), Ascii.Bytes("EXPN"), Ascii.Bytes("SEND"),
            Ascii.Bytes("SOML"), Ascii.Bytes("SAML"), Ascii.Bytes("TURN"), Ascii.Bytes("STARTTLS"),
            Ascii.Bytes("AUTH"),
        };

        private static readonly SmtpCommand[] s_commands =
        {
            SmtpCommand.Helo, SmtpCommand.Ehlo, SmtpCommand.Mail, SmtpCommand.Rcpt,
            SmtpCommand.Data, SmtpCommand.Rset, SmtpCommand.Noop, SmtpCommand.Quit,
            SmtpCommand.Help, SmtpCommand.Vrfy, SmtpCommand.Expn, SmtpCommand.Send,
            SmtpCommand.Soml, SmtpCommand.Saml, SmtpCommand.Turn, SmtpCommand.StartTls,
            SmtpCommand.Auth,
        };

        public static readonly byte[] From = Ascii.Bytes("FROM:");
        public static readonly byte[] To = Ascii.Bytes("TO:");
        public static readonly byte[] Plain = Ascii.Bytes("PLAIN");
        public static readonly byte[] Login = Ascii.Bytes("LOGIN");
        public static readonly byte[] Size = Ascii.Bytes("SIZE");
        public static readonly byte[] Body = Ascii.Bytes("BODY");
        public static readonly byte[] SevenBit = Ascii.Bytes("7BIT");
        public static readonly byte[] EightBitMime = Ascii.Bytes("8BITMIME");
        public static readonly byte[] AuthParameter = Ascii.Bytes("AUTH");

        /// <summary>
        /// The verb of the line (up to the first space) and where its argument starts (after that
        /// space; argumentCount 0 when there is none).
        /// </summary>
        public static SmtpCommand Match(byte[] b, int offset, int count, out int argumentOffset, out int argumentCount)
        {
            int space = Ascii.IndexOf(b, offset, count, (byte)' ');
            int verbLength = space < 0 ? count : space - offset;
            argumentOffset = space < 0 ? offset + count : space + 1;
            argumentCount = offset + count - argumentOffset;
            for (int i = 0; i < s_verbs.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(b, offset, verbLength, s_verbs[i]))
                {
                    return s_commands[i];
                }
            }

            return SmtpCommand.Unknown;
        }
    }
}

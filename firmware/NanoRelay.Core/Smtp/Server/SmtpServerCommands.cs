using NanoRelay.Framing;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// One command table per RFC 5321 §4.1.4 state, like POP3's (popa3d): a verb is looked up in the
    /// state's table, then in <see cref="AnyTime"/>; a verb in neither is unknown (500, §4.2.4).
    /// A row either serves the verb or refuses it in that state (NeedHelo, NestedMail, ...). After a
    /// 554 greeting (<see cref="Refused"/>) only QUIT is served and everything else gets 503 (§3.1).
    /// The rows hold delegates, never another class's static fields: nanoFramework runs the static
    /// constructors in its own order, so such a field could still be null here (docs/nanoframework.md).
    /// </summary>
    internal static class SmtpServerCommands
    {
        /// <summary>§4.1.4: commands that "can be issued at any time" (and those never implemented).</summary>
        public static readonly SmtpServerCommand[] AnyTime = new SmtpServerCommand[]
        {
            new SmtpServerCommand("EHLO", SmtpServerSession.DoEhlo),       // §4.1.1.1: resets like RSET
            new SmtpServerCommand("HELO", SmtpServerSession.DoHelo),
            new SmtpServerCommand("RSET", SmtpServerSession.DoRset),       // §4.1.1.5
            new SmtpServerCommand("NOOP", SmtpServerSession.DoNoop),       // §4.1.1.9
            new SmtpServerCommand("QUIT", SmtpServerSession.DoQuit),       // §4.1.1.10
            new SmtpServerCommand("HELP", SmtpServerSession.DoHelp),       // §4.1.1.8
            new SmtpServerCommand("VRFY", SmtpServerSession.DoVrfy),       // §3.5.3: 252
            new SmtpServerCommand("EXPN", SmtpServerSession.NotImplemented),   // §3.5.2: no lists to expand
            new SmtpServerCommand("SEND", SmtpServerSession.NotImplemented),   // §4.1.1, Appendix F: obsolete
            new SmtpServerCommand("SOML", SmtpServerSession.NotImplemented),
            new SmtpServerCommand("SAML", SmtpServerSession.NotImplemented),
            new SmtpServerCommand("TURN", SmtpServerSession.NotImplemented),
        };

        /// <summary>§3.1: greeted with 554 (or a message ended by LF "." LF): only QUIT.</summary>
        public static readonly SmtpServerCommand[] Refused = new SmtpServerCommand[]
        {
            new SmtpServerCommand("QUIT", SmtpServerSession.DoQuit),
        };

        /// <summary>Greeted with 220: nothing of a transaction before EHLO/HELO (§4.1.4).</summary>
        public static readonly SmtpServerCommand[] Greeted = new SmtpServerCommand[]
        {
            new SmtpServerCommand("MAIL", SmtpServerSession.NeedHelo),
            new SmtpServerCommand("RCPT", SmtpServerSession.NeedHelo),
            new SmtpServerCommand("DATA", SmtpServerSession.NeedHelo) { Check = SmtpServerSession.CheckNoArguments },
            new SmtpServerCommand("STARTTLS", SmtpServerSession.NeedHelo) { Check = SmtpServerSession.CheckStartTls },
            new SmtpServerCommand("AUTH", SmtpServerSession.NeedHelo) { Check = SmtpServerSession.CheckAuth },
        };

        /// <summary>§4.1.1.1 done, no transaction: MAIL opens one; STARTTLS (RFC 3207 §4) and AUTH (RFC 4954 §4) only here.</summary>
        public static readonly SmtpServerCommand[] Ready = new SmtpServerCommand[]
        {
            new SmtpServerCommand("MAIL", SmtpServerSession.DoMail),       // §4.1.1.2
            new SmtpServerCommand("RCPT", SmtpServerSession.NeedMail),
            new SmtpServerCommand("DATA", SmtpServerSession.NeedMail) { Check = SmtpServerSession.CheckNoArguments },
            new SmtpServerCommand("STARTTLS", SmtpServerSession.DoStartTls) { Check = SmtpServerSession.CheckStartTls },
            new SmtpServerCommand("AUTH", SmtpServerSession.DoAuth) { Check = SmtpServerSession.CheckAuth },
        };

        /// <summary>§4.1.1.2: MAIL accepted, no recipient yet; DATA now is "no valid recipients" (§3.3).</summary>
        public static readonly SmtpServerCommand[] MailFrom = new SmtpServerCommand[]
        {
            new SmtpServerCommand("MAIL", SmtpServerSession.NestedMail),
            new SmtpServerCommand("RCPT", SmtpServerSession.DoRcpt),       // §4.1.1.3
            new SmtpServerCommand("DATA", SmtpServerSession.NoValidRecipients) { Check = SmtpServerSession.CheckNoArguments },
            new SmtpServerCommand("STARTTLS", SmtpServerSession.InTransaction) { Check = SmtpServerSession.CheckStartTls },
            new SmtpServerCommand("AUTH", SmtpServerSession.DoAuthInTransaction) { Check = SmtpServerSession.CheckAuth },
        };

        /// <summary>§4.1.1.3: at least one recipient accepted; DATA starts the mail data (§4.1.1.4).</summary>
        public static readonly SmtpServerCommand[] RcptTo = new SmtpServerCommand[]
        {
            new SmtpServerCommand("MAIL", SmtpServerSession.NestedMail),
            new SmtpServerCommand("RCPT", SmtpServerSession.DoRcpt),
            new SmtpServerCommand("DATA", SmtpServerSession.DoData) { Check = SmtpServerSession.CheckNoArguments },
            new SmtpServerCommand("STARTTLS", SmtpServerSession.InTransaction) { Check = SmtpServerSession.CheckStartTls },
            new SmtpServerCommand("AUTH", SmtpServerSession.DoAuthInTransaction) { Check = SmtpServerSession.CheckAuth },
        };

        // States in which no command line is read (DATA, AUTH responses, the TLS handshake, closed).
        private static readonly SmtpServerCommand[] s_none = new SmtpServerCommand[0];

        public static readonly byte[] From = Ascii.Bytes("FROM:");
        public static readonly byte[] To = Ascii.Bytes("TO:");
        public static readonly byte[] Plain = Ascii.Bytes("PLAIN");
        public static readonly byte[] Login = Ascii.Bytes("LOGIN");
        public static readonly byte[] Size = Ascii.Bytes("SIZE");
        public static readonly byte[] Body = Ascii.Bytes("BODY");
        public static readonly byte[] SevenBit = Ascii.Bytes("7BIT");
        public static readonly byte[] EightBitMime = Ascii.Bytes("8BITMIME");
        public static readonly byte[] AuthParameter = Ascii.Bytes("AUTH");

        /// <summary>The table of the state that reads command lines.</summary>
        public static SmtpServerCommand[] For(SmtpServerState state)
        {
            switch (state)
            {
                case SmtpServerState.Refused:
                    return Refused;
                case SmtpServerState.Greeted:
                    return Greeted;
                case SmtpServerState.Ready:
                    return Ready;
                case SmtpServerState.MailFrom:
                    return MailFrom;
                case SmtpServerState.RcptTo:
                    return RcptTo;
                default:
                    return s_none;
            }
        }

        /// <summary>The row of <paramref name="table"/> whose verb is b[offset..offset+verbLength) (case-insensitive, §2.4), or null.</summary>
        public static SmtpServerCommand Find(SmtpServerCommand[] table, byte[] b, int offset, int verbLength)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(b, offset, verbLength, table[i].Verb))
                {
                    return table[i];
                }
            }

            return null;
        }
    }
}

namespace NanoRelay.Pop2
{
    /// <summary>
    /// One command table per RFC 937 server state, from its "Server Decision Table". A command
    /// not in the current state's table is action 1 there: "This is garbage. Send "- error",
    /// and Close the connection."
    /// </summary>
    public static class Pop2Commands
    {
        /// <summary>AUTH: HELO (action 3), QUIT (action 4).</summary>
        public static readonly Pop2Command[] Auth = new Pop2Command[]
        {
            new Pop2Command("HELO", Pop2Command.RequiredArgument, Pop2ServerSession.DoHelo),
            new Pop2Command("QUIT", Pop2Command.NoArgument, Pop2ServerSession.DoQuit),
        };

        /// <summary>MBOX: FOLD (action 5), READ (action 6), QUIT (action 4).</summary>
        public static readonly Pop2Command[] Mbox = new Pop2Command[]
        {
            new Pop2Command("FOLD", Pop2Command.RequiredArgument, Pop2ServerSession.DoFold),
            new Pop2Command("READ", Pop2Command.OptionalArgument, Pop2ServerSession.DoRead),
            new Pop2Command("QUIT", Pop2Command.NoArgument, Pop2ServerSession.DoQuit),
        };

        /// <summary>ITEM: as MBOX, and RETR (action 7).</summary>
        public static readonly Pop2Command[] Item = new Pop2Command[]
        {
            new Pop2Command("RETR", Pop2Command.NoArgument, Pop2ServerSession.DoRetr),
            new Pop2Command("READ", Pop2Command.OptionalArgument, Pop2ServerSession.DoRead),
            new Pop2Command("FOLD", Pop2Command.RequiredArgument, Pop2ServerSession.DoFold),
            new Pop2Command("QUIT", Pop2Command.NoArgument, Pop2ServerSession.DoQuit),
        };

        /// <summary>NEXT: ACKS, ACKD, NACK (action 8). QUIT is not here: the table gives it action 1.</summary>
        public static readonly Pop2Command[] Next = new Pop2Command[]
        {
            new Pop2Command("ACKS", Pop2Command.NoArgument, Pop2ServerSession.DoAcks),
            new Pop2Command("ACKD", Pop2Command.NoArgument, Pop2ServerSession.DoAckd),
            new Pop2Command("NACK", Pop2Command.NoArgument, Pop2ServerSession.DoNack),
        };
    }
}

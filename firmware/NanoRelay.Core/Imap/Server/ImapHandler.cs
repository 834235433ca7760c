namespace NanoRelay.Imap.Server
{
    /// <summary>One command's handler: the parser stands after the command name.</summary>
    public delegate ImapResult ImapHandler(ImapServerSession session, ImapParser parser);
}

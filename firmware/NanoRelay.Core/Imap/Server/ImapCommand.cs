using NanoRelay.Framing;

namespace NanoRelay.Imap.Server
{
    /// <summary>A row of a command table: the name and its handler.</summary>
    public sealed class ImapCommand
    {
        public ImapCommand(string name, ImapHandler handler)
        {
            Name = Ascii.Bytes(name);
            Handler = handler;
        }

        /// <summary>The name in upper case (RFC 9051 §9: commands are case-insensitive).</summary>
        public byte[] Name { get; private set; }

        public ImapHandler Handler { get; private set; }
    }
}

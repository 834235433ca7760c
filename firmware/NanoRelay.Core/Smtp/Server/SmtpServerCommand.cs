using NanoRelay.Framing;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// A row of a command table: the verb, what it needs in any state (<see cref="Check"/>), and its
    /// handler in this state, which serves it or refuses it there (RFC 5321 §4.1.4: a command out of
    /// sequence gets 503, or 554 for DATA without a recipient, §3.3).
    /// </summary>
    internal sealed class SmtpServerCommand
    {
        public SmtpServerCommand(string verb, SmtpServerHandler handler)
        {
            Verb = Ascii.Bytes(verb);
            Handler = handler;
        }

        /// <summary>The verb in upper case (RFC 5321 §2.4: "Verbs ... are not case sensitive").</summary>
        public byte[] Verb { get; private set; }

        /// <summary>Checked first, in every state (null: nothing to check).</summary>
        public SmtpServerCheck Check { get; set; }

        public SmtpServerHandler Handler { get; private set; }
    }
}

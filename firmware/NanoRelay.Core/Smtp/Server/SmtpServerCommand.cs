using NanoRelay.Framing;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// A row of a command table: the verb, what it needs in any state (<see cref="Check"/>), and in
    /// this state either its handler or the reply that refuses it here (RFC 5321 §4.1.4: a command
    /// out of sequence gets 503, or 554 for DATA without a recipient, §3.3).
    /// </summary>
    internal sealed class SmtpServerCommand
    {
        /// <summary>A command served in this state by <paramref name="handler"/>.</summary>
        public SmtpServerCommand(string verb, SmtpServerHandler handler)
        {
            Verb = Ascii.Bytes(verb);
            Handler = handler;
        }

        /// <summary>A command refused in this state with <paramref name="refusal"/>.</summary>
        public SmtpServerCommand(string verb, byte[] refusal)
        {
            Verb = Ascii.Bytes(verb);
            Refusal = refusal;
        }

        /// <summary>The verb in upper case (RFC 5321 §2.4: "Verbs ... are not case sensitive").</summary>
        public byte[] Verb { get; private set; }

        /// <summary>Checked first, in every state (null: nothing to check).</summary>
        public SmtpServerCheck Check { get; set; }

        public SmtpServerHandler Handler { get; private set; }

        public byte[] Refusal { get; private set; }
    }
}

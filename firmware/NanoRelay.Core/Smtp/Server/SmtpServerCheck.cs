namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// What a command needs whatever the state (no argument, TLS configured, AUTH possible here):
    /// false after answering the refusal, true to go on to the state's row.
    /// </summary>
    internal delegate bool SmtpServerCheck(SmtpServerSession session, int argumentCount);
}

namespace NanoRelay.Smtp.Server
{
    /// <summary>A command's handler, as a row of a command table refers to it; it answers exactly once.</summary>
    internal delegate void SmtpServerHandler(SmtpServerSession session, byte[] b, int argumentOffset, int argumentCount);
}

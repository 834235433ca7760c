namespace NanoRelay.Smtp
{
    /// <summary>What <see cref="SmtpReplyReader.Accept"/> made of one line.</summary>
    public enum SmtpReplyStatus
    {
        /// <summary>A valid continuation line ("250-..."): more lines follow.</summary>
        Partial = 0,

        /// <summary>The reply's last line: the reply is ready in <see cref="SmtpReplyReader.Reply"/>.</summary>
        Complete = 1,

        /// <summary>The line breaks RFC 5321 §4.2; <see cref="SmtpReplyReader.Error"/> says how. A protocol error.</summary>
        Invalid = 2,
    }
}

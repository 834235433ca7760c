namespace NanoRelay.Config
{
    /// <summary>One entry of "smtpIngress.users".</summary>
    public sealed class UserSection
    {
        public string User { get; set; }

        public string Password { get; set; }
    }
}

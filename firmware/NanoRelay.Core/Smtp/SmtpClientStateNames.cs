namespace NanoRelay.Smtp
{
    /// <summary>
    /// The names of <see cref="SmtpClientState"/> for traces: nanoFramework's enum ToString gives the
    /// number, so the names are kept here, in the enum's order.
    /// </summary>
    public static class SmtpClientStateNames
    {
        private static readonly string[] s_names =
        {
            "Connect", "Greeting", "Ehlo", "Helo", "StartTls", "TlsHandshake",
            "AuthPlain", "AuthLogin", "AuthLoginUser", "AuthLoginPassword", "AuthCramMd5", "AuthCramMd5Response",
            "AuthXOAuth2", "AuthXOAuth2Error", "AuthCancel",
            "Ready", "MailFrom", "RcptTo", "Data", "Body", "EndOfData", "Rset", "Quit", "Closed",
        };

        /// <summary>The state's name ("Ehlo"), or its number for a value the table does not know.</summary>
        public static string Of(SmtpClientState state)
        {
            int i = (int)state;
            return i >= 0 && i < s_names.Length ? s_names[i] : i.ToString();
        }
    }
}

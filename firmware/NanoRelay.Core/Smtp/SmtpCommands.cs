using NanoRelay.Framing;

namespace NanoRelay.Smtp
{
    /// <summary>The client's wire literals (RFC 5321 §4.1.1, RFC 3207, RFC 4954), defined once as bytes.</summary>
    internal static class SmtpCommands
    {
        public static readonly byte[] Ehlo = Ascii.Bytes("EHLO ");
        public static readonly byte[] Helo = Ascii.Bytes("HELO ");
        public static readonly byte[] StartTls = Ascii.Bytes("STARTTLS\r\n");
        public static readonly byte[] AuthPlain = Ascii.Bytes("AUTH PLAIN ");
        public static readonly byte[] AuthLogin = Ascii.Bytes("AUTH LOGIN\r\n");
        public static readonly byte[] AuthCramMd5 = Ascii.Bytes("AUTH CRAM-MD5\r\n");
        public static readonly byte[] AuthXOAuth2 = Ascii.Bytes("AUTH XOAUTH2 ");
        public static readonly byte[] AuthCancel = Ascii.Bytes("*\r\n");
        public static readonly byte[] MailFrom = Ascii.Bytes("MAIL FROM:<");
        public static readonly byte[] RcptTo = Ascii.Bytes("RCPT TO:<");
        public static readonly byte[] SizeParam = Ascii.Bytes(" SIZE=");
        public static readonly byte[] Body8BitMime = Ascii.Bytes(" BODY=8BITMIME");
        public static readonly byte[] SmtpUtf8Param = Ascii.Bytes(" SMTPUTF8");
        public static readonly byte[] Data = Ascii.Bytes("DATA\r\n");
        public static readonly byte[] Rset = Ascii.Bytes("RSET\r\n");
        public static readonly byte[] Quit = Ascii.Bytes("QUIT\r\n");
        public static readonly byte[] EndOfDataAlone = Ascii.Bytes(".\r\n");
        public static readonly byte[] XOAuth2User = Ascii.Bytes("user=");
        public static readonly byte[] XOAuth2Bearer = Ascii.Bytes("\u0001auth=Bearer ");
        public static readonly byte[] XOAuth2End = Ascii.Bytes("\u0001\u0001");
        public static readonly byte[] Crlf = Ascii.Bytes("\r\n");
    }
}

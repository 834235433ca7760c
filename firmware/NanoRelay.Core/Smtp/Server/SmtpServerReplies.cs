using NanoRelay.Framing;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// The ingress replies, defined once as bytes: codes and texts per RFC 5321 §4.2, enhanced
    /// status codes per RFC 3463 (RFC 2034), texts after Postfix where the RFC gives none.
    /// Replies that carry the server name are written as prefix + name + suffix.
    /// </summary>
    internal static class SmtpServerReplies
    {
        // §4.2.2 / §3.1: the greeting and the closing replies (name in between).
        public static readonly byte[] GreetingPrefix = Ascii.Bytes("220 ");
        public static readonly byte[] GreetingSuffix = Ascii.Bytes(" ESMTP nanoRelay\r\n");
        public static readonly byte[] RefusedPrefix = Ascii.Bytes("554 5.7.1 ");
        public static readonly byte[] RefusedSuffix = Ascii.Bytes(" No SMTP service here for you\r\n");
        public static readonly byte[] ClosingPrefix = Ascii.Bytes("221 2.0.0 ");
        public static readonly byte[] ClosingSuffix = Ascii.Bytes(" closing connection\r\n");
        public static readonly byte[] Unavailable = Ascii.Bytes("421 4.7.0 ");
        public static readonly byte[] TooManyErrors = Ascii.Bytes(" Error: too many errors\r\n");
        public static readonly byte[] TooManyAuthFailures = Ascii.Bytes(" Error: too many authentication failures\r\n");
        public static readonly byte[] TooManySessions = Ascii.Bytes(" Error: too many connections, try again later\r\n");
        public static readonly byte[] TimeoutPrefix = Ascii.Bytes("421 4.4.2 ");
        public static readonly byte[] TimeoutSuffix = Ascii.Bytes(" Error: timeout exceeded\r\n");

        // §4.1.1.1 HELO/EHLO; RFC 1869 §4.3 EHLO keywords.
        public static readonly byte[] HeloPrefix = Ascii.Bytes("250 ");
        public static readonly byte[] EhloPrefix = Ascii.Bytes("250-");
        public static readonly byte[] EhloSize = Ascii.Bytes("250-SIZE ");
        public static readonly byte[] Ehlo8BitMime = Ascii.Bytes("250-8BITMIME\r\n");
        public static readonly byte[] EhloPipelining = Ascii.Bytes("250-PIPELINING\r\n");
        public static readonly byte[] EhloStartTls = Ascii.Bytes("250-STARTTLS\r\n");
        public static readonly byte[] EhloAuth = Ascii.Bytes("250-AUTH PLAIN LOGIN\r\n");
        public static readonly byte[] EhloLast = Ascii.Bytes("250 ENHANCEDSTATUSCODES\r\n");
        public static readonly byte[] SyntaxHelo = Ascii.Bytes("501 5.5.4 Syntax: HELO hostname\r\n");
        public static readonly byte[] SyntaxEhlo = Ascii.Bytes("501 5.5.4 Syntax: EHLO hostname\r\n");

        // §4.1.1.2-§4.1.1.10.
        public static readonly byte[] Ok = Ascii.Bytes("250 2.0.0 Ok\r\n");
        public static readonly byte[] MailOk = Ascii.Bytes("250 2.1.0 Ok\r\n");
        public static readonly byte[] RcptOk = Ascii.Bytes("250 2.1.5 Ok\r\n");
        public static readonly byte[] QueuedAs = Ascii.Bytes("250 2.0.0 Ok: queued as ");
        public static readonly byte[] StartMailInput = Ascii.Bytes("354 End data with <CR><LF>.<CR><LF>\r\n");
        public static readonly byte[] Help = Ascii.Bytes("214 2.0.0 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP QUIT HELP VRFY\r\n");
        public static readonly byte[] CannotVrfy = Ascii.Bytes("252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery\r\n");

        // §4.2.4 / §3.3: syntax and sequence errors.
        public static readonly byte[] Unrecognized = Ascii.Bytes("500 5.5.2 Syntax error, command unrecognized\r\n");
        public static readonly byte[] LineTooLong = Ascii.Bytes("500 5.5.2 Line too long\r\n");
        public static readonly byte[] BareInCommand = Ascii.Bytes("500 5.5.2 Syntax error, bare CR, LF or NUL in command\r\n");
        public static readonly byte[] NotImplemented = Ascii.Bytes("502 5.5.1 Command not implemented\r\n");
        public static readonly byte[] BadSequence = Ascii.Bytes("503 5.5.1 Bad sequence of commands\r\n");
        public static readonly byte[] NeedHelo = Ascii.Bytes("503 5.5.1 Error: send HELO/EHLO first\r\n");
        public static readonly byte[] NestedMail = Ascii.Bytes("503 5.5.1 Error: nested MAIL command\r\n");
        public static readonly byte[] NeedMail = Ascii.Bytes("503 5.5.1 Error: need MAIL command\r\n");
        public static readonly byte[] NeedRcpt = Ascii.Bytes("503 5.5.1 Error: need RCPT command\r\n");
        public static readonly byte[] InTransaction = Ascii.Bytes("503 5.5.1 Error: MAIL transaction in progress\r\n");
        public static readonly byte[] NoValidRecipients = Ascii.Bytes("554 5.5.1 Error: no valid recipients\r\n");
        public static readonly byte[] NoParameters = Ascii.Bytes("501 5.5.4 Syntax error, no parameters allowed\r\n");
        public static readonly byte[] SyntaxMail = Ascii.Bytes("501 5.5.4 Syntax: MAIL FROM:<address>\r\n");
        public static readonly byte[] SyntaxRcpt = Ascii.Bytes("501 5.5.4 Syntax: RCPT TO:<address>\r\n");
        public static readonly byte[] SyntaxVrfy = Ascii.Bytes("501 5.5.4 Syntax: VRFY address\r\n");
        public static readonly byte[] BadSender = Ascii.Bytes("501 5.1.7 Bad sender address syntax\r\n");
        public static readonly byte[] BadRecipient = Ascii.Bytes("501 5.1.3 Bad recipient address syntax\r\n");
        public static readonly byte[] SenderTooLong = Ascii.Bytes("501 5.1.7 Path too long\r\n");
        public static readonly byte[] RecipientTooLong = Ascii.Bytes("501 5.1.3 Path too long\r\n");
        public static readonly byte[] NullRecipient = Ascii.Bytes("501 5.1.3 Null recipient not allowed\r\n");
        public static readonly byte[] UnsupportedParameter = Ascii.Bytes("555 5.5.4 Unsupported parameter\r\n");

        // Policy, limits and storage (RFC 1870 §6.1, RFC 5321 §4.5.3.1.10, RFC 3463).
        public static readonly byte[] RelayDenied = Ascii.Bytes("550 5.7.1 Relay access denied\r\n");

        /// <summary>RFC 5321 §3.6.1 and Appendix C: a source route in a forward-path is not followed.</summary>
        public static readonly byte[] SourceRouteRefused = Ascii.Bytes("550 5.7.1 Source routes are not accepted\r\n");
        public static readonly byte[] TooManyRecipients = Ascii.Bytes("452 4.5.3 Error: too many recipients\r\n");
        public static readonly byte[] SizeExceeded = Ascii.Bytes("552 5.3.4 Message size exceeds fixed maximum message size\r\n");
        public static readonly byte[] InsufficientStorage = Ascii.Bytes("452 4.3.1 Insufficient system storage\r\n");
        public static readonly byte[] LocalError = Ascii.Bytes("451 4.3.0 Local error in processing\r\n");
        public static readonly byte[] BareLineEnd = Ascii.Bytes("550 5.5.2 Error: bare CR or LF received\r\n");
        public static readonly byte[] NulInContent = Ascii.Bytes("554 5.6.0 Error: NUL octet received\r\n");
        public static readonly byte[] ProtocolSynchronization = Ascii.Bytes("554 5.5.0 Error: SMTP protocol synchronization\r\n");

        // RFC 3207 §4 STARTTLS.
        public static readonly byte[] ReadyToStartTls = Ascii.Bytes("220 2.0.0 Ready to start TLS\r\n");
        public static readonly byte[] SyntaxStartTls = Ascii.Bytes("501 5.5.4 Syntax: STARTTLS\r\n");
        public static readonly byte[] TlsAlreadyActive = Ascii.Bytes("554 5.5.1 Error: TLS already active\r\n");

        // RFC 4954 §4, §6 AUTH.
        public static readonly byte[] AuthSucceeded = Ascii.Bytes("235 2.7.0 Authentication successful\r\n");
        /// <summary>RFC 4954 §6: 454 4.7.0 "Temporary authentication failure"; the address failed too often.</summary>
        public static readonly byte[] AuthPenalized = Ascii.Bytes("454 4.7.0 Temporary authentication failure: too many failures from your address, try later\r\n");

        public static readonly byte[] AuthInvalid = Ascii.Bytes("535 5.7.8 Authentication credentials invalid\r\n");
        public static readonly byte[] AuthCancelled = Ascii.Bytes("501 5.7.0 Authentication aborted\r\n");
        public static readonly byte[] AuthBadBase64 = Ascii.Bytes("501 5.5.2 Cannot decode response\r\n");
        public static readonly byte[] AuthMalformed = Ascii.Bytes("501 5.5.2 Malformed authentication response\r\n");
        public static readonly byte[] AuthLineTooLong = Ascii.Bytes("500 5.5.6 Authentication exchange line is too long\r\n");
        public static readonly byte[] AuthUnknownMechanism = Ascii.Bytes("504 5.5.4 Unrecognized authentication type\r\n");
        public static readonly byte[] AuthAlready = Ascii.Bytes("503 5.5.1 Error: already authenticated\r\n");
        public static readonly byte[] AuthEncryptionRequired = Ascii.Bytes("538 5.7.11 Encryption required for requested authentication mechanism\r\n");
        public static readonly byte[] SyntaxAuth = Ascii.Bytes("501 5.5.4 Syntax: AUTH mechanism\r\n");
        public static readonly byte[] AuthChallengeEmpty = Ascii.Bytes("334 \r\n");
        public static readonly byte[] AuthChallengeUsername = Ascii.Bytes("334 VXNlcm5hbWU6\r\n");
        public static readonly byte[] AuthChallengePassword = Ascii.Bytes("334 UGFzc3dvcmQ6\r\n");

        public static readonly byte[] Crlf = Ascii.Bytes("\r\n");
    }
}

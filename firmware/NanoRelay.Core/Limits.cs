namespace NanoRelay
{
    /// <summary>Every size, count and time limit of the relay, each with the sentence it comes from.</summary>
    public static class Limits
    {
        // RFC 5321 §4.5.3.1.4: "The maximum total length of a command line including the
        // command word and the <CRLF> is 512 octets."
        public const int SmtpCommandLine = 512;

        // RFC 5321 §4.5.3.1.5: "The maximum total length of a reply line including the reply
        // code and the <CRLF> is 512 octets."
        public const int SmtpReplyLine = 512;

        // RFC 5321 §4.5.3.1.6: "The maximum total length of a text line including the <CRLF>
        // is 1000 octets (not counting the leading dot duplicated for transparency)."
        // The duplicated dot is allowed for: a stuffed line may be one octet longer.
        public const int SmtpTextLine = 1000;

        // RFC 5321 §4.5.3.1.8: "The minimum total number of recipients that MUST be buffered is 100."
        public const int SmtpRecipients = 100;

        // RFC 5321 §4.5.3.1.1-3: local-part 64, domain 255, path 256 octets (incl. < >).
        public const int SmtpLocalPart = 64;
        public const int SmtpDomain = 255;
        public const int SmtpPath = 256;

        // A multi-line reply is bounded by us, not the RFC: an EHLO reply of a large provider
        // has about 15 lines; 64 leaves room and stops a server that never ends its reply.
        public const int SmtpReplyLines = 64;

        // RFC 1939 §3: "Keywords are three or four characters long. Each argument may be up to
        // 40 characters long."  RFC 2449 §4 raises the command line to "255 octets, including
        // the terminating CRLF".
        public const int Pop3Argument = 40;
        public const int Pop3CommandLine = 255;

        // RFC 2449 §4: "Responses may be up to 512 characters long, including the terminating CRLF."
        public const int Pop3ResponseLine = 512;

        // RFC 5322 §2.1.1: "Each line of characters MUST be no more than 998 characters, and
        // SHOULD be no more than 78 characters, excluding the CRLF."
        public const int HeaderLineMax = 998;
        public const int HeaderFoldAt = 78;

        // RFC 2045 §6.8: "The encoded output stream must be represented in lines of no more
        // than 76 characters each."  §6.7 rule 5: quoted-printable lines are also at most 76.
        public const int Base64LineChars = 76;
        public const int QuotedPrintableLineChars = 76;

        // RFC 4954 §4: the base64 response to a 334 challenge is an ordinary command line but
        // "a server implementation MUST be able to receive" 12288 octets. We take the SMTP
        // command line limit for our own ingress (a device has no use for large SASL blobs).
        public const int SaslResponseLine = 1024;

        // RFC 5321 §4.5.3.2: client timeouts, in milliseconds. 2 (MAIL), 3 (RCPT),
        // 4 (DATA initiation), 5 (data block), 6 (DATA termination).
        public const int SmtpGreetingTimeoutMs = 5 * 60 * 1000;   // §4.5.3.2.1 initial 220: 5 min
        public const int SmtpMailTimeoutMs = 5 * 60 * 1000;       // §4.5.3.2.2 MAIL: 5 min
        public const int SmtpRcptTimeoutMs = 5 * 60 * 1000;       // §4.5.3.2.3 RCPT: 5 min
        public const int SmtpDataInitTimeoutMs = 2 * 60 * 1000;   // §4.5.3.2.4 DATA: 2 min
        public const int SmtpDataBlockTimeoutMs = 3 * 60 * 1000;  // §4.5.3.2.5 data block: 3 min
        public const int SmtpDataTermTimeoutMs = 10 * 60 * 1000;  // §4.5.3.2.6 final dot: 10 min

        // Not fixed by any RFC: how long a TCP connect (and an implicit-TLS handshake) to the
        // upstream may take before the attempt counts as a connection failure.
        public const int SmtpConnectTimeoutMs = 60 * 1000;

        // RFC 5321 §4.5.3.2 names no timeout for EHLO, STARTTLS, AUTH, RSET or QUIT; we use the
        // 5 minutes of MAIL (§4.5.3.2.2) for each of them.
        public const int SmtpCommandTimeoutMs = 5 * 60 * 1000;

        // The submission client's output buffer: one command, or one PIPELINING group (RFC 2920
        // §3.1) of MAIL + RCPTs + DATA when it fits; also an AUTH line with its initial response,
        // which RFC 4954 §4 lets grow past 512 octets ("12288 octets is considered to be a
        // sufficient line length limit"). An XOAUTH2 bearer token must fit in it.
        public const int SmtpClientOutput = 4096;

        // Message bytes read from the spool and dot-stuffed per write during DATA. RFC 5321
        // §4.5.3.2.5 times each "data block"; a small block keeps the device's buffers small.
        public const int SmtpBodyChunk = 512;

        // Stuffed body bytes are gathered up to this many octets per write, so a TLS record carries
        // several chunks (each write is a record and a TCP segment). Room for two stuffed chunks.
        public const int SmtpSendBuffer = 2 * ((2 * SmtpBodyChunk) + 1) + 5;

        // RFC 5321 §4.5.3.2.7: "An SMTP server SHOULD have a timeout of at least 5 minutes while
        // it is awaiting the next command from the sender."
        public const int SmtpServerIdleTimeoutMs = 5 * 60 * 1000;

        // RFC 1939 §3: "Such a timer MUST be of at least 10 minutes' duration." Before login a
        // shorter deadline (Dovecot: 3 min) keeps the few sockets of a board free.
        public const int Pop3IdleTimeoutMs = 10 * 60 * 1000;
        public const int Pop3PreAuthTimeoutMs = 3 * 60 * 1000;

        // Errors tolerated per session before 421 / -ERR and close (Dovecot: 10 for SMTP,
        // 20 after login and 3 before for POP3).
        public const int SmtpBadCommands = 10;
        public const int Pop3BadCommandsBeforeLogin = 3;
        public const int Pop3BadCommandsAfterLogin = 20;

        // RFC 1939 §7 (UIDL): "The unique-id of a message is an arbitrary server-determined
        // string, consisting of one to 70 characters in the range 0x21 to 0x7E".
        public const int Pop3UidMax = 70;
    }
}

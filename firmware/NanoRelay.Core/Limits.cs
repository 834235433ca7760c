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

        // RFC 5321 §4.5.3.2.7: "An SMTP server SHOULD have a timeout of at least 5 minutes while
        // it is awaiting the next command from the sender."
        public const int SmtpServerIdleTimeoutMs = 5 * 60 * 1000;

        // RFC 1939 §3: "Such a timer MUST be of at least 10 minutes' duration." Before login a
        // shorter deadline (Dovecot: 3 min) keeps the few sockets of a board free.
        public const int Pop3IdleTimeoutMs = 10 * 60 * 1000;
        public const int Pop3PreAuthTimeoutMs = 3 * 60 * 1000;

        // SMTP ingress (our choices; the RFC sets no number). Postfix smtpd_min_data_rate: "500"
        // bytes/s, extending the DATA deadline by N/500 s for N bytes received, against a
        // client that trickles one byte at a time.
        public const int SmtpServerMinDataRate = 500;

        // chasquid: "the third failure gives 421 4.5.0 Too many errors"; Dovecot's penalty starts
        // at 2 s per failure and caps at 15 s (auth-penalty.h).
        public const int SmtpAuthFailures = 3;
        public const int SmtpAuthFailureDelayMs = 2000;
        public const int SmtpAuthFailureDelayMaxMs = 15000;

        // Postfix postscreen waits for early talkers before the greeting ("pregreet", 6 s); a LAN
        // relay waits a little: a client that talks before 220 violates RFC 5321 §3.1 / §4.3.1.
        public const int SmtpServerGreetingPauseMs = 250;

        // Concurrent ingress sessions on a board without PSRAM (lwIP has 10 sockets in all;
        // POP3, the upstream and the listeners need theirs). Over the cap: 421 4.7.0 and close.
        public const int SmtpServerSessions = 3;

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

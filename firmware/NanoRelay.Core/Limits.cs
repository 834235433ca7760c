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
        public const int SmtpLocalPartOctets = 64;
        public const int SmtpDomainOctets = 255;
        public const int SmtpPathOctets = 256;

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

        // RFC 937 ("Sizes"): "The maximum length of a command line is 512 characters (including
        // the command word and the CRLF)." and "The maximum length of a reply line is 512
        // characters (including the success indicator (+, -, =, #) and the CRLF)."
        public const int Pop2CommandLine = 512;
        public const int Pop2ReplyLine = 512;

        // RFC 5322 §2.1.1: "Each line of characters MUST be no more than 998 characters, and
        // SHOULD be no more than 78 characters, excluding the CRLF."
        public const int HeaderLineMax = 998;
        public const int HeaderFoldAt = 78;

        // RFC 2047 §2: "each line of a header field that contains one or more 'encoded-word's is
        // limited to 76 characters."
        public const int EncodedWordLine = 76;

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

        // The submission client's standing output buffer: one command, or one PIPELINING group
        // (RFC 2920 §3.1) of MAIL + RCPTs + DATA when it fits (an envelope whose group does not fit
        // goes lock-step, one command per write). A command line is at most 512 octets (RFC 5321
        // §4.5.3.1.4); room for two of them.
        public const int SmtpClientOutput = 1024;

        // An AUTH line with its initial response (or a response to a challenge), CRLF included:
        // RFC 4954 §4 "12288 octets is considered to be a sufficient line length limit" (an
        // XOAUTH2 bearer token is often several KB). Written from an exact-size array made for
        // that one write and zeroed after it, not from the standing buffer.
        public const int SmtpClientAuthLine = 12288;

        // Message bytes read from the spool and dot-stuffed per step during DATA. RFC 5321
        // §4.5.3.2.5 times each "data block"; a small block keeps the device's buffers small: at
        // 256 the client's read and send buffers take 1,287 bytes, not 2,567 at 512, while the
        // relay sends a megabyte beside both servers and an alert (bench/nanoclr/RESULTS-memory.md).
        public const int SmtpBodyChunk = 256;

        // The relay worker sends every due message in one upstream session (RFC 5321 §4.1.1.5: a
        // new MAIL may follow a completed transaction), at most this many per session: providers
        // cap messages per connection (Postfix smtpd has no cap; many submission services use 100).
        public const int SmtpClientMessagesPerSession = 100;

        // Stuffed body bytes are gathered up to this many octets per write, so a TLS record carries
        // several chunks (each write is a record and a TCP segment). Room for two stuffed chunks
        // (1,031 octets; a write of plain text is about 512 octets).
        public const int SmtpSendBuffer = 2 * ((2 * SmtpBodyChunk) + 1) + 5;

        // RFC 5321 §4.5.3.2.7: "An SMTP server SHOULD have a timeout of at least 5 minutes while
        // it is awaiting the next command from the sender."
        public const int SmtpServerIdleTimeoutMs = 5 * 60 * 1000;

        // RFC 1939 §3: "Such a timer MUST be of at least 10 minutes' duration." Before login a
        // shorter deadline (Dovecot: 3 min) keeps the few sockets of a board free.
        public const int Pop3IdleTimeoutMs = 10 * 60 * 1000;
        public const int Pop3PreAuthTimeoutMs = 3 * 60 * 1000;

        // RFC 937 ("Timeouts"): "The server expects the session to progress with some but not
        // excessive delay between commands and so should have a long timeout waiting for the next
        // command. This time out is T2." The RFC names no figure; POP3's 10 minutes (RFC 1939 §3)
        // after HELO, and POP3's shorter pre-login deadline before it.
        public const int Pop2IdleTimeoutMs = 10 * 60 * 1000;

        // A board with one session per service (sessions.pop3, sessions.imap or sessions.smtpIngress = 1) has one slot: a client
        // that connects and says nothing would hold it for the 3 (POP3) or 5 (SMTP) minutes above. Before a client
        // logs in or starts a mail transaction it gets 30 s per command instead: RFC 5321 §4.5.3.2.7 and RFC 1939
        // §3 bound the wait for a client that is using the session; a camera or a mail reader answers within
        // seconds, and one that is cut off reconnects.
        public const int OneSessionPreLoginTimeoutMs = 30 * 1000;

        // SMTP ingress (our choices; the RFC sets no number). Postfix smtpd_min_data_rate: "500"
        // bytes/s, extending the DATA deadline by N/500 s for N bytes received, against a
        // client that trickles one byte at a time.
        public const int SmtpServerMinDataRate = 500;

        // chasquid: "the third failure gives 421 4.5.0 Too many errors"; Dovecot's penalty starts
        // at 2 s per failure and caps at 15 s (auth-penalty.h).
        public const int SmtpAuthFailures = 3;

        // Across connections, by client address (SMTP ingress and POP3 share one table): after 10
        // failures within 10 minutes, AUTH and logins from that address get a temporary error for
        // 15 minutes. RFC 4954 §4: "servers ... SHOULD implement a delay or a limit on the number
        // of attempts"; the per-session limit alone allowed about 2,300 guesses an hour.
        public const int AuthPenaltyFailures = 10;

        public const long AuthPenaltyWindowMs = 10 * 60 * 1000;

        public const long AuthPenaltyBlockMs = 15 * 60 * 1000;

        /// <summary>Addresses the penalty table remembers (a fixed table; the oldest gives way).</summary>
        public const int AuthPenaltyAddresses = 16;
        public const int SmtpAuthFailureDelayMs = 2000;
        public const int SmtpAuthFailureDelayMaxMs = 15000;

        // Postfix postscreen waits for early talkers before the greeting ("pregreet", 6 s); a LAN
        // relay waits a little: a client that talks before 220 violates RFC 5321 §3.1 / §4.3.1.
        public const int SmtpServerGreetingPauseMs = 250;

        // ... but only once per client and minute (GreetingPauseMemory): a device that waited once
        // is greeted at once for 60 s; 16 addresses remembered (about 0.6 KB), the oldest replaced.
        public const int SmtpServerGreetingPauseMemoryMs = 60000;
        public const int SmtpServerGreetingPauseClients = 16;

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

        // Board files (boards/*/board.json) are read by the core's small JSON reader: a board file
        // is about 1.5 KB; 16 K characters and 8 levels of nesting bound a wrong or hostile file.
        public const int BoardFileMaxChars = 16384;
        public const int BoardJsonMaxDepth = 8;

        // The store (Storage/): our own numbers, not an RFC's. A commit or state record holds an
        // envelope of at most SmtpRecipients paths of SmtpPathOctets octets plus a reply per recipient;
        // 64 KB bounds it, and recovery refuses any length field above it (a length of 2^31 read
        // from a torn file is just corrupt).
        public const int StoreRecordMax = 65536;

        // Bytes kept free for state records and deletions so a full store can still advance
        // (RFC 5321 §6.1: "MUST NOT lose the message ... because of a predictable resource
        // shortage"): a few state records of an ordinary entry.
        public const int StoreReserveBytes = 8192;

        // Entries per store (spool or mailbox) when the board profile does not say.
        public const int StoreEntriesDefault = 1024;

        // A server reply kept for a recipient (the bounce's Diagnostic-Code): one reply line.
        public const int StoreReplyMax = SmtpReplyLine;

        // The text of a quarantine reason or a last error kept on flash.
        public const int StoreReasonMax = 200;

        // Quarantined entries kept for a person to look at; older ones are deleted at recovery,
        // so a device that keeps losing power mid-write never fills its flash with them.
        public const int StoreQuarantineKept = 8;

        // Message ids reserved per sequence record: one small write per 32 messages, not one each.
        public const int StoreSequenceBlock = 32;

        // Content octets a store writer gathers before it writes to the file: the SMTP ingress's
        // DATA lines and the alert writers' output reach the file as whole writes of this size
        // (six or so 78-character lines; a longer line, up to RFC 5321 §4.5.3.1.6's 1000 octets,
        // spans two), each taking from the store's budget once, instead of two small writes per
        // line. One buffer per message being written, while the relay may send a megabyte beside
        // both servers (bench/nanoclr/RESULTS-memory.md): 512, not 1,024.
        public const int StoreWriteBuffer = 512;

        // What the MIME and digest writers gather before handing octets to their file: one line's
        // worth (RFC 5322 §2.1.1: 78 characters and CRLF), so byte-at-a-time output does not become
        // a write per octet. Longer pieces go straight through; the spool's StoreWriter behind it
        // gathers whole flash writes (StoreWriteBuffer), so a larger buffer here would be a second
        // one in series.
        public const int MimeOutputGather = 80;

        // The MIME header writer's token buffer: one encoded-word (RFC 2047 §2: "may not be more
        // than 75 characters long") or one RFC 2231 §3 parameter section (60 octets of value and its
        // name); a longer ASCII word (up to RFC 5322 §2.1.1's 998) passes through it in pieces.
        public const int HeaderTokenBuffer = 128;

        // The heap gate (Supervision/HeapGate): what each piece of message-sized work takes from the
        // managed heap while it runs, measured on the nanoCLR with 12-byte heap blocks as on the ESP32
        // (bench/nanoclr/RESULTS-memory.md, each alone, peak above idle; the constants round up): a POP3
        // RETR of 1 MB 5,880 (the mailbox drivers' copy loop: POP3, POP2, IMAP); an SMTP ingress of
        // 1 MB 6,996; the relay worker sending 1 MB upstream 8,304; one alert or digest being written
        // 6,400 (the digest's lowest point, 9,024, less the two alerts already queued, 1,112, and the
        // digest and its members, 1,596, which the engine holds before it asks).
        public const int MailboxTransferHeapBytes = 6144;
        public const int IngressHeapBytes = 7168;
        public const int RelayRoundHeapBytes = 8448;
        public const int AlertHeapBytes = 6400;

        // What a board keeps free beside the gate's work: when the free heap is in pieces the nanoCLR
        // throws OutOfMemoryException for an object with enough bytes free in all (esp32-c3 runs failed
        // with 4-7.5 KB free at the lowest sample), so the gate's capacity is the board's budget less
        // the idle relay, its sessions and this.
        public const int HeapGateReserveBytes = 6144;

        // How long a session's transfer waits for the gate before it goes ahead anyway: one background
        // message (the relay worker yields after the one it is sending, a megabyte in seconds; an alert
        // is written in well under one), inside a client's patience: RFC 5321 §4.5.3.2.2 gives the
        // DATA initiation (the 354) 2 minutes; POP3 clients commonly wait 60 s or more for a reply.
        public const int HeapGateWaitMs = 30000;

        // RFC 5321 §4.5.4.1: "the retry interval SHOULD be at least 30 minutes" and "the give-up
        // time generally needs to be at least 4-5 days". The config's `retry` section overrides
        // these (default: 60 s first, 3600 s max, 72 h lifetime; docs/architecture.md §7).
        public const int RetryFirstDelaySecondsDefault = 60;
        public const int RetryMaxDelaySecondsDefault = 3600;
        public const int RetryLifetimeHoursDefault = 72;

        // The relay scheduler (Relay/RelayScheduler): ours, not an RFC's. It sleeps until the next
        // entry is due or it is woken, but never longer than the poll, so what no event announces
        // (a `queue --retry-now` file on the host, the link coming back on the device, the clock
        // set) is seen within a second; and never shorter than the floor, so a due entry the worker
        // cannot take yet does not spin the thread.
        public const int RelayPollMs = 1000;
        public const int RelayMinWaitMs = 10;

        // Original header bytes copied into a bounce (RFC 3464 §2: text/rfc822-headers).
        public const int BounceHeaderBytes = 8192;

        // Alerts: ours, not an RFC's. A flapping rule collects its changes into one digest; 16
        // members of a few hundred bytes each stay far below a 54 KB heap, and the digest says
        // how many more changes it left out. A rule may send at most 32 alerts per window.
        public const int AlertDigestMembers = 16;
        public const int AlertsPerWindowMax = 32;

        // A rule's window (sensors[].windowSeconds) is at most a week: ours, a longer one would
        // keep an alarm quiet past anyone's notice.
        public const int AlertWindowSecondsMax = 7 * 24 * 3600;

        // --trace: message bodies show this many lines before "[... N more body lines elided]",
        // and a traced line shows at most this many characters (SMTP text lines may reach 1000).
        public const int TraceBodyLines = 5;
        public const int TraceLineChars = 200;

        // RFC 1939 §13 ("Security Considerations") asks for a delay after a failed login so that
        // passwords cannot be guessed at line speed; Dovecot's auth penalty starts at 2 s.
        public const int Pop3AuthFailureDelayMs = 2000;

        // Failed logins tolerated per connection before -ERR and close (popa3d's AUTH_FAILURES
        // ends the session after a few; each one already cost the delay above).
        public const int Pop3AuthFailures = 3;

        // Concurrent POP3 sessions when no board profile says otherwise. A board without PSRAM
        // holds one TLS session at a time (docs/architecture.md §8); the host default leaves room for a
        // client that opens a second connection while the first one logs out.
        public const int Pop3SessionsDefault = 4;

        // One RETR/TOP read from the maildrop. The stuffed copy needs 2 * n + 1 bytes
        // (DotStuffer.MaxOutput): 512 keeps a session's buffers near 2 KB on the device.
        public const int Pop3TransferChunk = 512;

        // A slow reader (TCP zero window) may hold a server session (SMTP, POP3, POP2, IMAP) this
        // long per write before it is dropped (docs/catalogue.md #55; Dovecot: "has not read server
        // output"). The core's session code sets it on the connection (IConnection.WriteTimeoutMilliseconds).
        public const int SessionWriteTimeoutMs = 60 * 1000;
            // ---- IMAP (RFC 9051) -------------------------------------------------------------

        // RFC 9051 §4 sets no length for a command line; RFC 7162 §4 (updating RFC 2683
        // §3.2.1.5) advises clients to stay under about 8192 octets and servers to accept at
        // least that (paraphrased). The line and its small literals (LOGIN and SEARCH strings)
        // share one buffer of that size per session; more is "BAD [TOOBIG]" and the rest of
        // the command is dropped.
        public const int ImapCommandLine = 8192;

        // A line from the framer (one piece between literals): the command line's limit too.
        public const int ImapLineMax = ImapCommandLine;

        // RFC 9051 §4.3: a literal is "a sequence of zero or more octets ... prefixed by an octet
        // count". Inside a command (LOGIN, SEARCH, ...) a literal lands in the command buffer,
        // so it is bounded by what is left of it; only APPEND's message literal is streamed to
        // the store, bounded by the mailbox's maxMessageBytes (RFC 7888 §4: "[TOOBIG]").
        public const long ImapAppendDefaultMax = 1048576;

        // RFC 7888 §4: a server "MAY" refuse a non-synchronizing literal it will not take; the
        // client sends its bytes anyway. Up to this many are read and dropped to stay in sync
        // (a command line's worth); more and the connection is closed with BYE.
        public const int ImapLiteralDiscardMax = ImapCommandLine;

        // RFC 9051 §9 sequence-set: "1*(seq-number / seq-range)" with no bound. A set is parsed
        // into fixed arrays: 256 ranges (a client's UID set after a sync with gaps) and then
        // "BAD [LIMIT]" (RFC 5530 §3 LIMIT).
        public const int ImapSequenceRanges = 256;

        // RFC 9051 §6.4.4 SEARCH: keys nest without bound; a program of 64 keys and 8 levels
        // of parentheses/NOT/OR covers every client we know; more is "BAD [LIMIT]".
        public const int ImapSearchKeys = 64;
        public const int ImapSearchDepth = 8;

        // A SEARCH string (FROM, SUBJECT, BODY, ...) is matched by a rolling window: at most
        // 256 octets, which keeps the window one small buffer.
        public const int ImapSearchString = 256;

        // RFC 9051 §5.4: "If a server has an inactivity autologout timer that applies to
        // sessions after authentication, the duration of that timer MUST be at least 30
        // minutes." Before login a client that does nothing gets 3 minutes (as POP3).
        public const int ImapIdleTimeoutMs = 30 * 60 * 1000;
        public const int ImapPreAuthTimeoutMs = 3 * 60 * 1000;

        // RFC 2177 §3: "clients using IDLE are advised to terminate the IDLE and re-issue it at
        // least every 29 minutes to avoid being logged off". The 30-minute timer above covers it.
        public const int ImapIdleReissueMs = 29 * 60 * 1000;

        // IDLE's promise on the device: a new message shows as "* n EXISTS" within a second.
        // The driver reads with this timeout and looks at the mailbox between reads.
        public const int ImapIdlePollMs = 250;

        // Concurrent IMAP sessions when no board profile says otherwise (phone, desktop,
        // dashboard, and one more while a client reconnects). Over it: "* BYE [UNAVAILABLE]".
        public const int ImapSessionsDefault = 4;

        // Bad commands (BAD replies) before and after login, as POP3 (Dovecot's numbers).
        public const int ImapBadCommandsBeforeLogin = 3;
        public const int ImapBadCommandsAfterLogin = 20;

        // One read of a message body for FETCH BODY[]: a fixed chunk, as POP3's RETR.
        public const int ImapTransferChunk = 512;

        // A session's reply buffer: the longest single untagged response line the server
        // builds in memory (a FETCH with FLAGS, ENVELOPE and BODYSTRUCTURE of a few parts).
        // Longer ENVELOPE strings are cut at ImapEnvelopeField octets.
        public const int ImapResponseBuffer = 8192;
        public const int ImapEnvelopeField = 256;

        // ENVELOPE address lists (RFC 9051 §7.5.2) show at most this many addresses each; the
        // six lists then fit the reply buffer whatever the header holds.
        public const int ImapEnvelopeAddresses = 4;

        // The header values one BODYSTRUCTURE/ENVELOPE scan keeps (Content-Type parameters,
        // the ten envelope fields of the message and of each message/rfc822 part).
        public const int ImapScanArena = 6144;

        // A header or body line the MIME scan looks at; longer lines are seen in pieces (a
        // boundary line is at most 70 + 4 octets, RFC 2046 §5.1.1).
        public const int ImapScanLine = 1000;

        // BODY[HEADER.FIELDS (...)] is built in memory: at most this many octets of fields;
        // RFC 5322 §2.1.1's 998-octet line plus folded continuations fit several times.
        public const int ImapHeaderFieldsMax = 2048;

        // BODYSTRUCTURE: parts kept per message and nesting (a digest of messages that each
        // have a multipart body is depth 3). nanoRelay writes at most 1 + 16 digest members.
        public const int ImapMimeParts = 40;
        public const int ImapMimeDepth = 4;

        // RFC 2971 §3.3: "Field strings MUST NOT be longer than 30 octets. Value strings MUST
        // NOT be longer than 1024 octets. Implementations MUST NOT send more than 30
        // field-value pairs."
        public const int ImapIdFields = 30;

        // RFC 8446 §5.1: a record starts with ContentType (1), legacy_record_version (2) and
        // length (2); "The length MUST NOT exceed 2^14 bytes"; handshake(22) is the ClientHello's type.
        public const int TlsRecordHeader = 5;
        public const int TlsMaxRecordPlaintext = 16384;
        public const int TlsHandshakeContentType = 22;

        // Waiting for the client's first TLS record (ClientHelloWait): one poll lasts at most a
        // second, so the waiting thread notices its deadline; with part of a record in, it pauses
        // this long between looks (a poll would return at once).
        public const int ClientHelloPollSliceMs = 1000;
        public const int ClientHelloPartialPauseMs = 50;

        // The device supervisor (HeartbeatWatch) looks every 5 s; a look more than 10 s late means
        // every managed thread stood still (a native DNS lookup or TLS handshake runs with the
        // interpreter stopped), so no worker is blamed. A worker is restarted 3 times, then the
        // board reboots (the spool is crash-safe, a hung relay is not).
        public const int SupervisorCheckMs = 5000;
        public const int SupervisorStallSlackMs = 10000;
        public const int SupervisorRestarts = 3;

        // The config's nesting (root, section, sensors array, sensor): ConfigNulls looks no deeper than this.
        public const int ConfigDepth = 8;

        // RFC 1035 §2.3.4: "labels 63 octets or less", "names 255 octets or less".
        public const int DnsLabel = 63;
        public const int DnsName = 255;

        // RFC 1035 §2.3.4: "UDP messages 512 octets or less". A resolver may still send more
        // (EDNS0, RFC 6891) when asked; we do not ask, so a datagram buffer of 512 suffices and a
        // longer datagram is refused as malformed.
        public const int DnsUdpMessage = 512;

        // RFC 7766 §8: over TCP "the message is prefixed with a two byte length field"; up to
        // 65,535 octets. A device does not hold that: answers for MX/A/AAAA fit in 4 KB; a longer
        // one is refused as malformed (the domain's mail waits, it is not misread).
        public const int DnsTcpMessage = 4096;

        // RFC 1035 §4.1.4 allows pointers only to "a prior occurance of the same name"; a name
        // follows at most this many pointers (a name of 127 one-octet labels needs fewer).
        public const int DnsPointerHops = 64;

        // Records read from one answer section, and answers kept (MX hosts, addresses). A
        // provider's MX set has 1-10 hosts (RFC 5321 §5.1 asks to try "at least" the first few).
        public const int DnsRecords = 64;
        public const int DnsAnswers = 16;

        // RFC 1034 §3.6.2: a CNAME chain is followed; ours stops after this many links (BIND's
        // limit is 16; loops and long chains are refused).
        public const int DnsCnameChain = 8;

        // RFC 1035 §4.2.1 / RFC 1536 §1: a query is retried after 2-5 s, each configured server
        // in turn, a few times.
        public const int DnsTimeoutMs = 3000;
        public const int DnsAttempts = 2;
        public const int DnsResolvers = 3;

        // The cache: a fixed number of entries, and no TTL kept longer than an hour (RFC 2181
        // §8 allows up to 2^31-1 s; a device that kept a stale MX for weeks would not notice a move).
        public const int DnsCacheEntries = 16;
        public const int DnsCacheMaxTtlSeconds = 3600;

        // RFC 5321 §5.1: "the SMTP client SHOULD try at least two addresses" and may bound the
        // number of hosts it tries; ours tries at most this many MX hosts and addresses per host.
        public const int MxHostsTried = 5;
        public const int MxAddressesPerHost = 2;

        // RFC 1047: QUIT waits until the worker recorded the outcome; a message for several
        // domains holds a session per domain until then, at most this many (each is a socket and,
        // with STARTTLS, a TLS context: few on a device).
        public const int MxSessionsHeld = 4;
    }
}

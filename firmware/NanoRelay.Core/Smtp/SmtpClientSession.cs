using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Smtp
{
    /// <summary>
    /// The submission client as a pure state machine (OpenSMTPD smtp_client.c): entering a state
    /// writes its command into <see cref="Output"/>; a validated reply in a state picks the next
    /// state. No I/O: <see cref="SmtpClientDriver"/> (or a test) writes the output, reads replies,
    /// runs the TLS handshake and streams the body when <see cref="Action"/> asks for it.
    /// Security (RFC 3207 §4, RFC 8314): with TLS required, AUTH and MAIL are never entered on a
    /// connection that is not secure, and the capabilities are the ones read after the handshake.
    /// Every state change goes through <c>Enter</c>, which writes the state's command and, with a
    /// <see cref="Log"/> at trace level, logs "from -&gt; to".
    /// </summary>
    public sealed class SmtpClientSession
    {
        private const string Source = "smtp-client";

        private readonly SmtpClientSettings _settings;
        private readonly SmtpCommandBuffer _output = new SmtpCommandBuffer(Limits.SmtpClientOutput);
        private readonly SmtpCapabilities _capabilities = new SmtpCapabilities();
        private bool _secure;
        private SmtpOutcome _sessionFailure;
        private SmtpEnvelope _envelope;
        private SmtpOutcome _outcome;
        private int _rcptIndex;
        private int _accepted;
        private bool _pipelined;
        private bool _transactionFailed;
        private SmtpClientState _state;
        private SmtpReply _challenge;   // the 334 whose answer Enter writes (AUTH LOGIN, CRAM-MD5)

        /// <summary>A session for <paramref name="settings"/>; <paramref name="secure"/> when the connection is already TLS (implicit, port 465).</summary>
        public SmtpClientSession(SmtpClientSettings settings, bool secure)
        {
            _settings = settings;
            _secure = secure;
            _state = SmtpClientState.Connect;
            Action = SmtpClientAction.AwaitReply;
        }

        public SmtpClientState State { get { return _state; } }

        /// <summary>Where state changes are traced ("Ehlo -> StartTls", at <see cref="LogLevel.Trace"/>); null for none.</summary>
        public ILog Log { get; set; }

        /// <summary>What the driver must do next.</summary>
        public SmtpClientAction Action { get; private set; }

        /// <summary>The capabilities of the last EHLO reply (after TLS: only those).</summary>
        public SmtpCapabilities Capabilities { get { return _capabilities; } }

        /// <summary>The reader should parse EHLO keywords into <see cref="Capabilities"/> for the awaited reply.</summary>
        public bool AwaitsEhloReply { get { return State == SmtpClientState.Ehlo && Action == SmtpClientAction.AwaitReply; } }

        /// <summary>Bytes to send, in <see cref="Output"/>[0..OutputCount).</summary>
        public byte[] Output { get { return _output.Bytes; } }

        public int OutputCount { get { return _output.Count; } }

        /// <summary>Further replies of a PIPELINING group (RFC 2920) are expected: bytes buffered after this reply are legitimate.</summary>
        public bool ExpectsPipelinedReplies
        {
            get { return _pipelined && Action == SmtpClientAction.AwaitReply && (State == SmtpClientState.RcptTo || State == SmtpClientState.Data); }
        }

        /// <summary>Whether the session is secure (implicit TLS, or after a STARTTLS handshake).</summary>
        public bool IsSecure { get { return _secure; } }

        /// <summary>The failure that ended the session before a message could be sent, or null.</summary>
        public SmtpOutcome SessionFailure { get { return _sessionFailure; } }

        /// <summary>The current message's outcome (valid once Action is Ready again after BeginMessage).</summary>
        public SmtpOutcome Outcome { get { return _outcome; } }

        /// <summary>How long the awaited reply may take (RFC 5321 §4.5.3.2).</summary>
        public int ReplyTimeoutMilliseconds
        {
            get
            {
                switch (State)
                {
                    case SmtpClientState.Greeting:
                        return _settings.GreetingTimeoutMilliseconds;
                    case SmtpClientState.MailFrom:
                        return _settings.MailTimeoutMilliseconds;
                    case SmtpClientState.RcptTo:
                        return _settings.RcptTimeoutMilliseconds;
                    case SmtpClientState.Data:
                        return _settings.DataInitTimeoutMilliseconds;
                    case SmtpClientState.EndOfData:
                        return _settings.DataTermTimeoutMilliseconds;
                    default:
                        return _settings.CommandTimeoutMilliseconds;
                }
            }
        }

        /// <summary>The driver wrote the output.</summary>
        public void ClearOutput()
        {
            _output.Clear();
        }

        /// <summary>The connection is open: wait for the greeting (RFC 5321 §3.1).</summary>
        public void Start()
        {
            Enter(SmtpClientState.Greeting);
        }

        /// <summary>Feeds one complete, validated reply.</summary>
        public void OnReply(SmtpReply reply)
        {
            if (Action != SmtpClientAction.AwaitReply)
            {
                // A reply nobody asked for (docs/catalogue.md #43): never pair it with a later command.
                Abort(SmtpFailure.Protocol, reply.Code, "unexpected reply " + reply.ToString());
                return;
            }

            if (reply.Code == 421 && State != SmtpClientState.Quit)
            {
                // RFC 5321 §3.8: 421 means the server is closing the channel; send nothing more.
                Abort(State == SmtpClientState.StartTls ? SmtpFailure.TlsRequired : SmtpFailure.Transient, reply.Code, reply.ToString());
                return;
            }

            switch (State)
            {
                case SmtpClientState.Greeting:          // §4.3.2 CONNECTION ESTABLISHMENT  S: 220  E: 554
                    if (reply.Code == 220)
                    {
                        Enter(SmtpClientState.Ehlo);
                    }
                    else
                    {
                        FailAndQuit(ClassOf(reply), reply);
                    }

                    break;

                case SmtpClientState.Ehlo:              // §4.3.2 EHLO  S: 250  E: 504, 550, 502
                    if (reply.IsPositiveCompletion)
                    {
                        AfterHello();
                    }
                    else if (reply.Code == 500 || reply.Code == 502)
                    {
                        // §3.2: a server that does not know EHLO; fall back to HELO (no extensions).
                        _capabilities.Clear();
                        Enter(SmtpClientState.Helo);
                    }
                    else
                    {
                        FailAndQuit(ClassOf(reply), reply);
                    }

                    break;

                case SmtpClientState.Helo:              // §4.3.2 HELO  S: 250  E: 504, 550
                    if (reply.IsPositiveCompletion)
                    {
                        AfterHello();
                    }
                    else
                    {
                        FailAndQuit(ClassOf(reply), reply);
                    }

                    break;

                case SmtpClientState.StartTls:          // RFC 3207 §4  S: 220  E: 501, 454
                    if (reply.Code == 220)
                    {
                        Enter(SmtpClientState.TlsHandshake);
                    }
                    else
                    {
                        // docs/catalogue.md #36: no plaintext fallback, whatever the refusal says.
                        FailAndQuit(SmtpFailure.TlsRequired, reply);
                    }

                    break;

                case SmtpClientState.AuthPlain:         // RFC 4954 §4  S: 235  E: 535, 534, 538, 454, 501
                case SmtpClientState.AuthLoginPassword:
                case SmtpClientState.AuthCramMd5Response:
                case SmtpClientState.AuthXOAuth2:
                    OnAuthResult(reply);
                    break;

                case SmtpClientState.AuthLogin:         // 334 "Username:"
                    OnAuthChallenge(reply, SmtpClientState.AuthLoginUser);
                    break;

                case SmtpClientState.AuthLoginUser:     // 334 "Password:"
                    OnAuthChallenge(reply, SmtpClientState.AuthLoginPassword);
                    break;

                case SmtpClientState.AuthCramMd5:       // RFC 2195 §2: 334 base64(challenge)
                    OnAuthChallenge(reply, SmtpClientState.AuthCramMd5Response);
                    break;

                case SmtpClientState.AuthXOAuth2Error:  // after the empty response to the error 334: 5yz
                    FailAndQuit(reply.IsTransient ? SmtpFailure.Transient : SmtpFailure.Authentication, reply);
                    break;

                case SmtpClientState.AuthCancel:        // RFC 4954 §4: the server "MUST reject the AUTH command by sending a 501 reply"
                    FailAndQuit(SmtpFailure.Protocol, reply.Code, "server asked for an extra AUTH step; cancelled: " + reply.ToString());
                    break;

                case SmtpClientState.MailFrom:          // §4.3.2 MAIL  S: 250  E: 552, 451, 452, 550, 553, 503, 455, 555
                    OnMailReply(reply);
                    break;

                case SmtpClientState.RcptTo:            // §4.3.2 RCPT  S: 250, 251  E: 550, 551, 552, 553, 450, 451, 452, 503, 455, 555
                    OnRcptReply(reply);
                    break;

                case SmtpClientState.Data:              // §4.3.2 DATA  I: 354 -> data -> S: 250  E: 552, 554, 451, 452
                    OnDataReply(reply);
                    break;

                case SmtpClientState.EndOfData:
                    OnEndOfDataReply(reply);
                    break;

                case SmtpClientState.Rset:              // §4.3.2 RSET  S: 250
                    if (reply.IsPositiveCompletion)
                    {
                        EnterReady();
                    }
                    else
                    {
                        FailAndQuit(SmtpFailure.Protocol, reply.Code, "RSET refused: " + reply.ToString());
                    }

                    break;

                case SmtpClientState.Quit:              // §4.3.2 QUIT  S: 221
                    Enter(SmtpClientState.Closed);
                    break;

                default:
                    Abort(SmtpFailure.Protocol, reply.Code, "unexpected reply " + reply.ToString());
                    break;
            }
        }

        /// <summary>The TLS handshake succeeded: RFC 3207 §4.2, forget the capabilities and say EHLO again.</summary>
        public void OnTlsEstablished()
        {
            _secure = true;
            _capabilities.Clear();
            Enter(SmtpClientState.Ehlo);
        }

        /// <summary>Starts a message from the Ready state; the outcome is ready when Action is Ready (or Close) again.</summary>
        public void BeginMessage(SmtpEnvelope envelope)
        {
            _envelope = envelope;
            _outcome = new SmtpOutcome();
            _outcome.Recipients = new SmtpRecipientResult[envelope.Recipients.Length];
            for (int i = 0; i < envelope.Recipients.Length; i++)
            {
                _outcome.Recipients[i] = new SmtpRecipientResult(envelope.Recipients[i]);
            }

            if (State != SmtpClientState.Ready)
            {
                CopySessionFailure();
                return;
            }

            string problem = SmtpEnvelopeRules.Check(envelope, _capabilities);
            if (problem != null)
            {
                RecordMessageFailure(SmtpFailure.Permanent, SmtpClientState.MailFrom, 0, problem);
                return;
            }

            _rcptIndex = 0;
            _accepted = 0;
            _transactionFailed = false;
            _pipelined = _capabilities.Has(SmtpExtensions.Pipelining) && SmtpEnvelopeRules.PipelineFits(envelope, _output.Capacity);
            Enter(SmtpClientState.MailFrom);
        }

        /// <summary>The body and the final ".\r\n" were written (RFC 5321 §4.1.1.4): wait for the verdict.</summary>
        public void OnBodySent()
        {
            Enter(SmtpClientState.EndOfData);
        }

        /// <summary>Ends a Ready session politely (RFC 5321 §4.1.1.10).</summary>
        public void Quit()
        {
            if (State == SmtpClientState.Ready)
            {
                Enter(SmtpClientState.Quit);
            }
            else if (State != SmtpClientState.Quit && State != SmtpClientState.Closed)
            {
                Enter(SmtpClientState.Closed);
            }
        }

        /// <summary>The connection broke, timed out, or the driver found a protocol violation: the session is over.</summary>
        public void Abort(SmtpFailure failure, int code, string reason)
        {
            SmtpClientState step = State;
            if (step == SmtpClientState.Closed)
            {
                return;
            }

            if (step == SmtpClientState.Quit)
            {
                Enter(SmtpClientState.Closed);
                return;
            }

            Record(failure, step, code, reason);
            if (_outcome != null && step == SmtpClientState.EndOfData && (failure == SmtpFailure.Connection || failure == SmtpFailure.Protocol))
            {
                // RFC 5321 §4.5.3.2.6, RFC 1047: after the final dot the message may have been taken.
                _outcome.Ambiguous = true;
            }

            Enter(SmtpClientState.Closed);
        }

        private void AfterHello()
        {
            if (_settings.Tls == SmtpTlsMode.Opportunistic && !_secure && _capabilities.Has(SmtpExtensions.StartTls))
            {
                Enter(SmtpClientState.StartTls);   // RFC 3207 §4 on port 25: used whenever offered
                return;
            }

            if (_settings.Tls == SmtpTlsMode.StartTls && !_secure)
            {
                if (!_capabilities.Has(SmtpExtensions.StartTls))
                {
                    // docs/catalogue.md #36 (EAST D_1, O_1): STARTTLS missing means stripped; never go on in plaintext.
                    FailAndQuit(SmtpFailure.TlsRequired, 0, "the server does not offer STARTTLS");
                    return;
                }

                Enter(SmtpClientState.StartTls);
                return;
            }

            if (!_settings.WantsAuth)
            {
                EnterReady();
                return;
            }

            SmtpClientState auth = ChooseAuth();
            if (auth == SmtpClientState.Closed)
            {
                // docs/catalogue.md #38: with no allowed mechanism after TLS, no AUTH attempt.
                FailAndQuit(SmtpFailure.Authentication, 0, "the server offers no usable AUTH mechanism" + (_capabilities.Has(SmtpExtensions.Auth) ? "" : " (no AUTH at all)"));
                return;
            }

            Enter(auth);
        }

        private SmtpClientState ChooseAuth()
        {
            SaslMechanisms offered = _capabilities.Mechanisms;
            bool hasToken = _settings.Token != null && _settings.Token.Length > 0;
            bool hasPassword = _settings.Password != null;
            switch (_settings.Auth)
            {
                case SmtpAuthChoice.Plain:
                    return (offered & SaslMechanisms.Plain) != 0 && hasPassword ? SmtpClientState.AuthPlain : SmtpClientState.Closed;
                case SmtpAuthChoice.Login:
                    return (offered & SaslMechanisms.Login) != 0 && hasPassword ? SmtpClientState.AuthLogin : SmtpClientState.Closed;
                case SmtpAuthChoice.CramMd5:
                    return (offered & SaslMechanisms.CramMd5) != 0 && hasPassword ? SmtpClientState.AuthCramMd5 : SmtpClientState.Closed;
                case SmtpAuthChoice.XOAuth2:
                    return (offered & SaslMechanisms.XOAuth2) != 0 && hasToken ? SmtpClientState.AuthXOAuth2 : SmtpClientState.Closed;
            }

            // auto: the strongest offered. XOAUTH2 only with a token; CRAM-MD5 never sends the password.
            if (hasToken && (offered & SaslMechanisms.XOAuth2) != 0)
            {
                return SmtpClientState.AuthXOAuth2;
            }

            if (!hasPassword)
            {
                return SmtpClientState.Closed;
            }

            if ((offered & SaslMechanisms.CramMd5) != 0)
            {
                return SmtpClientState.AuthCramMd5;
            }

            if ((offered & SaslMechanisms.Plain) != 0)
            {
                return SmtpClientState.AuthPlain;
            }

            return (offered & SaslMechanisms.Login) != 0 ? SmtpClientState.AuthLogin : SmtpClientState.Closed;
        }

        private void OnAuthChallenge(SmtpReply reply, SmtpClientState next)
        {
            if (reply.Code == 334)
            {
                _challenge = reply;
                Enter(next);
                _challenge = null;
                return;
            }

            if (reply.IsPositiveCompletion)
            {
                // docs/catalogue.md #41: 235 before the credentials were sent is a protocol error.
                Abort(SmtpFailure.Protocol, reply.Code, "AUTH succeeded before the credentials were sent: " + reply.ToString());
                return;
            }

            OnAuthResult(reply);
        }

        private void OnAuthResult(SmtpReply reply)
        {
            if (reply.Code == 235)
            {
                EnterReady();
            }
            else if (reply.Code == 334 && State == SmtpClientState.AuthXOAuth2)
            {
                // The XOAUTH2 error challenge (a base64 JSON status): answer with an empty line, then 5yz comes.
                Enter(SmtpClientState.AuthXOAuth2Error);
            }
            else if (reply.Code == 334)
            {
                // docs/catalogue.md #41: a challenge more than the mechanism has; RFC 4954 §4 cancel with "*".
                Enter(SmtpClientState.AuthCancel);
            }
            else if (reply.IsTransient)
            {
                FailAndQuit(SmtpFailure.Transient, reply);
            }
            else if (reply.IsPermanent)
            {
                // 535 5.7.8, 534 5.7.9, 538 5.7.11: hold the queue, never a retry loop that locks the account.
                FailAndQuit(SmtpFailure.Authentication, reply);
            }
            else
            {
                Abort(SmtpFailure.Protocol, reply.Code, "unexpected reply to AUTH: " + reply.ToString());
            }
        }

        private void WriteAuthResponse(SmtpReply challenge)
        {
            byte[] raw;
            if (State == SmtpClientState.AuthCramMd5Response)
            {
                raw = SaslResponses.CramMd5(_settings.User, _settings.Password, challenge.TextBuffer, challenge.TextLength);
            }
            else
            {
                // LOGIN's challenges ("Username:", "Password:") carry nothing we use, but must be base64.
                raw = !SaslResponses.IsBase64(challenge.TextBuffer, challenge.TextLength) ? null :
                    Utf8.GetBytes(State == SmtpClientState.AuthLoginUser ? _settings.User : _settings.Password);
            }

            if (raw == null)
            {
                // docs/catalogue.md #41: a 334 whose text is not base64 is a protocol error; abort.
                Abort(SmtpFailure.Protocol, challenge.Code, "AUTH challenge is not base64: " + challenge.ToString());
                return;
            }

            AppendBase64Line(null, raw);
        }

        private void OnMailReply(SmtpReply reply)
        {
            if (reply.IsPositiveCompletion)
            {
                Enter(SmtpClientState.RcptTo);
                return;
            }

            RecordMessageFailure(ClassOf(reply), SmtpClientState.MailFrom, reply.Code, reply.ToString());
            _transactionFailed = true;
            if (_pipelined)
            {
                // RFC 2920 §3.1: the RCPT and DATA replies of the group still come; read them
                // (pipelined, entering RcptTo writes nothing: the group went out with MAIL).
                Enter(SmtpClientState.RcptTo);
                return;
            }

            Enter(SmtpClientState.Rset);
        }

        private void OnRcptReply(SmtpReply reply)
        {
            SmtpRecipientResult r = _outcome.Recipients[_rcptIndex];
            r.Code = reply.Code;
            if (reply.IsPositiveCompletion && !_transactionFailed)
            {
                r.Accepted = true;
                _accepted++;
            }
            else if (!reply.IsPositiveCompletion)
            {
                r.Reply = reply.ToString();
                // RFC 5321 §4.5.3.1.10: 552 for too many recipients "SHOULD" be treated as temporary.
                r.Failure = reply.IsTransient || reply.Code == 552 ? SmtpFailure.Transient : reply.IsPermanent ? SmtpFailure.Permanent : SmtpFailure.Protocol;
            }

            _rcptIndex++;
            if (_rcptIndex < _envelope.Recipients.Length)
            {
                Enter(SmtpClientState.RcptTo);
                return;
            }

            if (_accepted == 0 && !_transactionFailed)
            {
                SmtpRecipientResult first = _outcome.Recipients[0];
                RecordMessageFailure(AllRecipientsPermanent() ? SmtpFailure.Permanent : SmtpFailure.Transient, SmtpClientState.RcptTo, first.Code, first.Reply);
                _transactionFailed = true;
            }

            if (_transactionFailed && !_pipelined)
            {
                Enter(SmtpClientState.Rset);
                return;
            }

            Enter(SmtpClientState.Data);
        }

        private void OnDataReply(SmtpReply reply)
        {
            if (reply.Code == 354)
            {
                if (_transactionFailed)
                {
                    // RFC 2920 §3.1: DATA was accepted though no recipient was; Enter ends it with an empty message.
                    Enter(SmtpClientState.EndOfData);
                    return;
                }

                Enter(SmtpClientState.Body);
                return;
            }

            if (_transactionFailed)
            {
                Enter(SmtpClientState.Rset);
                return;
            }

            if (reply.IsPositiveCompletion)
            {
                // docs/catalogue.md #33: "message data MUST NOT be sent unless a 354 reply is received" (RFC 5321 §3.3).
                FailAndQuit(SmtpFailure.Protocol, reply.Code, "DATA answered without 354: " + reply.ToString());
                return;
            }

            RecordMessageFailure(ClassOf(reply), SmtpClientState.Data, reply.Code, reply.ToString());
            Enter(SmtpClientState.Rset);
        }

        private void OnEndOfDataReply(SmtpReply reply)
        {
            if (_transactionFailed)
            {
                Enter(SmtpClientState.Rset);
                return;
            }

            if (reply.IsPositiveCompletion)
            {
                _outcome.Accepted = true;
                _outcome.Failure = SmtpFailure.None;
                _outcome.Step = SmtpClientState.EndOfData;
                _outcome.Code = reply.Code;
                _outcome.Reply = reply.ToString();
                EnterReady();
                return;
            }

            // The transaction is over either way (RFC 5321 §4.1.1.4); the session stays usable.
            RecordMessageFailure(ClassOf(reply), SmtpClientState.EndOfData, reply.Code, reply.ToString());
            EnterReady();
        }

        // The one place the state changes (OpenSMTPD smtp_client.c smtp_enter_state): the driver's
        // next action follows from the state, and entering a state writes its command.
        private void Enter(SmtpClientState next)
        {
            SmtpClientState from = _state;
            _state = next;
            Action = ActionIn(next);
            if (Log != null && Log.IsTraceEnabled)
            {
                Log.Write(LogLevel.Trace, Source, SmtpClientStateNames.Of(from) + " -> " + SmtpClientStateNames.Of(next));
            }

            switch (next)
            {
                case SmtpClientState.Ehlo:              // §4.1.1.1 "EHLO" SP ( Domain / address-literal ) CRLF
                    Append(SmtpCommands.Ehlo);
                    AppendText(_settings.HeloName);
                    Append(SmtpCommands.Crlf);
                    break;

                case SmtpClientState.Helo:
                    Append(SmtpCommands.Helo);
                    AppendText(_settings.HeloName);
                    Append(SmtpCommands.Crlf);
                    break;

                case SmtpClientState.StartTls:          // RFC 3207 §4
                    Append(SmtpCommands.StartTls);
                    break;

                case SmtpClientState.AuthPlain:         // RFC 4616 §2: [authzid] NUL authcid NUL passwd, as an initial response
                    if (!SecureEnough())
                    {
                        return;
                    }

                    AppendBase64Line(SmtpCommands.AuthPlain, SaslResponses.Plain(_settings.User, _settings.Password));
                    break;

                case SmtpClientState.AuthLogin:
                    if (SecureEnough())
                    {
                        Append(SmtpCommands.AuthLogin);
                    }

                    break;

                case SmtpClientState.AuthCramMd5:       // RFC 2195
                    if (SecureEnough())
                    {
                        Append(SmtpCommands.AuthCramMd5);
                    }

                    break;

                case SmtpClientState.AuthLoginUser:     // the answer to the 334 just read
                case SmtpClientState.AuthLoginPassword:
                case SmtpClientState.AuthCramMd5Response:
                    WriteAuthResponse(_challenge);
                    break;

                case SmtpClientState.AuthXOAuth2Error:  // the XOAUTH2 error challenge is answered with an empty line
                    Append(SmtpCommands.Crlf);
                    break;

                case SmtpClientState.AuthCancel:        // RFC 4954 §4: "*" cancels the exchange
                    Append(SmtpCommands.AuthCancel);
                    break;

                case SmtpClientState.AuthXOAuth2:       // "user=" user ^A "auth=Bearer " token ^A ^A
                    if (!SecureEnough())
                    {
                        return;
                    }

                    AppendBase64Line(SmtpCommands.AuthXOAuth2, SaslResponses.XOAuth2(_settings.User, _settings.Token));
                    break;

                case SmtpClientState.MailFrom:          // §4.1.1.2 "MAIL FROM:" Reverse-path [SP Mail-parameters] CRLF
                    if (!SecureEnough())
                    {
                        return;
                    }

                    WriteMailFrom();
                    if (_pipelined)
                    {
                        // RFC 2920 §3.1: MAIL, every RCPT and DATA go out as one group.
                        for (int i = 0; i < _envelope.Recipients.Length; i++)
                        {
                            WriteRcptTo(i);
                        }

                        Append(SmtpCommands.Data);
                    }

                    break;

                case SmtpClientState.RcptTo:            // §4.1.1.3 "RCPT TO:" Forward-path CRLF
                    if (!_pipelined)
                    {
                        WriteRcptTo(_rcptIndex);
                    }

                    break;

                case SmtpClientState.Data:              // §4.1.1.4
                    if (!_pipelined)
                    {
                        Append(SmtpCommands.Data);
                    }

                    break;

                case SmtpClientState.EndOfData:         // after the body the driver wrote "."; after a failed group, an empty message
                    if (_transactionFailed)
                    {
                        Append(SmtpCommands.EndOfDataAlone);
                    }

                    break;

                case SmtpClientState.Rset:              // §4.1.1.5
                    _pipelined = false;
                    Append(SmtpCommands.Rset);
                    break;

                case SmtpClientState.Quit:              // §4.1.1.10
                    Append(SmtpCommands.Quit);
                    break;
            }
        }

        private void EnterReady()
        {
            _pipelined = false;
            Enter(SmtpClientState.Ready);
        }

        // What the driver does in a state: most states wait for a reply.
        private static SmtpClientAction ActionIn(SmtpClientState state)
        {
            switch (state)
            {
                case SmtpClientState.TlsHandshake:
                    return SmtpClientAction.StartTls;
                case SmtpClientState.Body:
                    return SmtpClientAction.SendBody;
                case SmtpClientState.Ready:
                    return SmtpClientAction.Ready;
                case SmtpClientState.Closed:
                    return SmtpClientAction.Close;
                default:
                    return SmtpClientAction.AwaitReply;
            }
        }

        // The last line of defence of docs/catalogue.md #36-#38: whatever path led here, no credential and no
        // envelope leaves on a plaintext connection when TLS is required.
        private bool SecureEnough()
        {
            if (_secure || _settings.Tls == SmtpTlsMode.None || (_settings.Tls == SmtpTlsMode.Opportunistic && !_capabilities.Has(SmtpExtensions.StartTls)))
            {
                return true;   // opportunistic: plaintext only when STARTTLS was never offered (RFC 7435 §4)
            }

            FailAndQuit(SmtpFailure.TlsRequired, 0, "refusing to send " + SmtpOutcome.StepName_(State) + " on a connection without TLS");
            return false;
        }

        private void WriteMailFrom()
        {
            Append(SmtpCommands.MailFrom);
            AppendText(_envelope.From);
            Append((byte)'>');
            if (_envelope.Size >= 0 && _capabilities.Has(SmtpExtensions.Size))
            {
                // RFC 1870 §6: SIZE=n, the size estimate in octets.
                Append(SmtpCommands.SizeParam);
                _output.AppendDecimal(_envelope.Size);
            }

            if (_envelope.EightBit)
            {
                // RFC 6152 §3: BODY=8BITMIME, only when the content really is 8-bit (CheckEnvelope
                // refused the message already when the server lacks 8BITMIME).
                Append(SmtpCommands.Body8BitMime);
            }

            if (SmtpEnvelopeRules.NeedsSmtpUtf8(_envelope))
            {
                Append(SmtpCommands.SmtpUtf8Param);   // RFC 6531 §3.4
            }

            Append(SmtpCommands.Crlf);
        }

        private void WriteRcptTo(int index)
        {
            Append(SmtpCommands.RcptTo);
            AppendText(_envelope.Recipients[index]);
            Append((byte)'>');
            Append(SmtpCommands.Crlf);
        }

        private bool AllRecipientsPermanent()
        {
            for (int i = 0; i < _outcome.Recipients.Length; i++)
            {
                if (_outcome.Recipients[i].Failure != SmtpFailure.Permanent)
                {
                    return false;
                }
            }

            return true;
        }

        private static SmtpFailure ClassOf(SmtpReply reply)
        {
            return reply.IsTransient ? SmtpFailure.Transient : reply.IsPermanent ? SmtpFailure.Permanent : SmtpFailure.Protocol;
        }

        private void FailAndQuit(SmtpFailure failure, SmtpReply reply)
        {
            FailAndQuit(failure, reply.Code, reply.ToString());
        }

        private void FailAndQuit(SmtpFailure failure, int code, string reason)
        {
            Record(failure, State, code, reason);
            Enter(SmtpClientState.Quit);
        }

        private void Record(SmtpFailure failure, SmtpClientState step, int code, string reason)
        {
            bool inMessage = _outcome != null && !_outcome.Accepted && _outcome.Failure == SmtpFailure.None && step >= SmtpClientState.MailFrom && step <= SmtpClientState.Rset;
            if (inMessage)
            {
                RecordMessageFailure(failure, step, code, reason);
            }

            if (_sessionFailure == null)
            {
                _sessionFailure = new SmtpOutcome();
                _sessionFailure.Failure = failure;
                _sessionFailure.Step = step;
                _sessionFailure.Code = code;
                _sessionFailure.Reply = reason;
            }
        }

        private void RecordMessageFailure(SmtpFailure failure, SmtpClientState step, int code, string reason)
        {
            if (_outcome.Failure != SmtpFailure.None)
            {
                return;   // the first failure of a transaction is the one that counts
            }

            _outcome.Accepted = false;
            _outcome.Failure = failure;
            _outcome.Step = step;
            _outcome.Code = code;
            _outcome.Reply = reason;
        }

        private void CopySessionFailure()
        {
            SmtpOutcome f = _sessionFailure;
            _outcome.Failure = f == null ? SmtpFailure.Protocol : f.Failure;
            _outcome.Step = f == null ? State : f.Step;
            _outcome.Code = f == null ? 0 : f.Code;
            _outcome.Reply = f == null ? "the session is not ready" : f.Reply;
        }

        private void AppendBase64Line(byte[] prefix, byte[] raw)
        {
            if (!_output.AppendBase64Line(prefix, raw))
            {
                FailAndQuit(SmtpFailure.Authentication, 0, "credentials too long: the AUTH line would pass " + Limits.SmtpClientAuthLine.ToString() + " octets");
            }
        }

        private void Append(byte[] literal)
        {
            _output.Append(literal);
        }

        private void Append(byte b)
        {
            _output.Append(b);
        }

        private void AppendText(string s)
        {
            _output.AppendText(s);
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Smtp.Server
{
    /// <summary>The command dispatch by state table (<see cref="SmtpServerCommands"/>) and the handlers, each answering exactly once.</summary>
    public sealed partial class SmtpServerSession
    {
        // §4.1.4: the verb is looked up in the state's table, then among the commands allowed at any
        // time; a row's check comes first, then its handler (which may be the refusal in this state).
        private void OnCommand(byte[] b, int o, int n)
        {
            if (_framer.Flags != LineFlags.None)
            {
                // RFC 5321 §2.3.8: a bare CR or LF never ends a command, so this line holds two
                // "commands" or a NUL; neither part is run.
                Bad(SmtpServerReplies.BareInCommand);
                return;
            }

            int space = Ascii.IndexOf(b, o, n, (byte)' ');
            int verbLength = space < 0 ? n : space - o;
            int argOffset = space < 0 ? o + n : space + 1;
            int argCount = o + n - argOffset;
            SmtpServerCommand command = SmtpServerCommands.Find(SmtpServerCommands.For(_state), b, o, verbLength);
            if (command == null && _state == SmtpServerState.Refused)
            {
                Bad(SmtpServerReplies.BadSequence);   // §3.1: after a 554 greeting only QUIT
                return;
            }

            if (command == null)
            {
                command = SmtpServerCommands.Find(SmtpServerCommands.AnyTime, b, o, verbLength);
            }

            if (command == null)
            {
                Bad(SmtpServerReplies.Unrecognized);  // §4.2.4
                return;
            }

            if (command.Check != null && !command.Check(this, argCount))
            {
                return;
            }

            command.Handler(this, b, argOffset, argCount);
        }

        // The handlers the tables (SmtpServerCommands) name.
        internal static void DoEhlo(SmtpServerSession s, byte[] b, int o, int n) { s.OnHello(b, o, n, true); }

        internal static void DoHelo(SmtpServerSession s, byte[] b, int o, int n) { s.OnHello(b, o, n, false); }

        internal static void DoMail(SmtpServerSession s, byte[] b, int o, int n) { s.OnMail(b, o, n); }

        internal static void DoRcpt(SmtpServerSession s, byte[] b, int o, int n) { s.OnRcpt(b, o, n); }

        internal static void DoData(SmtpServerSession s, byte[] b, int o, int n) { s.OnData(); }

        internal static void DoStartTls(SmtpServerSession s, byte[] b, int o, int n) { s.OnStartTls(); }

        internal static void DoAuth(SmtpServerSession s, byte[] b, int o, int n) { s.OnAuth(b, o, n); }

        internal static void DoAuthInTransaction(SmtpServerSession s, byte[] b, int o, int n) { s.OnAuthInTransaction(); }

        // The refusals out of sequence (§4.1.4), and of what is never implemented.
        internal static void NeedHelo(SmtpServerSession s, byte[] b, int o, int n) { s.Bad(SmtpServerReplies.NeedHelo); }

        internal static void NeedMail(SmtpServerSession s, byte[] b, int o, int n) { s.Bad(SmtpServerReplies.NeedMail); }

        internal static void NestedMail(SmtpServerSession s, byte[] b, int o, int n) { s.Bad(SmtpServerReplies.NestedMail); }

        internal static void NoValidRecipients(SmtpServerSession s, byte[] b, int o, int n) { s.Bad(SmtpServerReplies.NoValidRecipients); }

        internal static void InTransaction(SmtpServerSession s, byte[] b, int o, int n) { s.Bad(SmtpServerReplies.InTransaction); }

        internal static void NotImplemented(SmtpServerSession s, byte[] b, int o, int n) { s.Bad(SmtpServerReplies.NotImplemented); }

        internal static bool CheckNoArguments(SmtpServerSession s, int n) { return s.NoArguments(n); }

        internal static bool CheckStartTls(SmtpServerSession s, int n) { return s.StartTlsPossible(n); }

        internal static bool CheckAuth(SmtpServerSession s, int n) { return s.AuthPossible(); }

        // §4.1.1.5: "MUST send a 250 OK reply to a RSET command with no parameters".
        internal static void DoRset(SmtpServerSession s, byte[] b, int o, int n)
        {
            if (s.NoArguments(n))
            {
                s.ResetTransaction();
                s._state = s._heloName == null ? SmtpServerState.Greeted : SmtpServerState.Ready;
                s.Reply(SmtpServerReplies.Ok);
            }
        }

        // §4.1.1.9: a parameter is allowed and ignored.
        internal static void DoNoop(SmtpServerSession s, byte[] b, int o, int n)
        {
            s.Reply(SmtpServerReplies.Ok);
        }

        // §4.1.1.10
        internal static void DoQuit(SmtpServerSession s, byte[] b, int o, int n)
        {
            if (s.NoArguments(n))
            {
                s.Reply(SmtpServerReplies.ClosingPrefix, s._serverName, SmtpServerReplies.ClosingSuffix);
                s.Close();
            }
        }

        // §4.1.1.8
        internal static void DoHelp(SmtpServerSession s, byte[] b, int o, int n)
        {
            s.Reply(SmtpServerReplies.Help);
        }

        // §3.5.3: 252 when the server will not verify.
        internal static void DoVrfy(SmtpServerSession s, byte[] b, int o, int n)
        {
            if (n == 0)
            {
                s.Bad(SmtpServerReplies.SyntaxVrfy);
            }
            else
            {
                s.Reply(SmtpServerReplies.CannotVrfy);
            }
        }

        // §4.1.4: HELO/EHLO may come at any time and reset the transaction like RSET.
        private void OnHello(byte[] b, int argOffset, int argCount, bool extended)
        {
            _lastInGroup = true;   // RFC 2920 §3.1: EHLO ends a group
            int nameLength = 0;
            while (nameLength < argCount && b[argOffset + nameLength] != (byte)' ')
            {
                if (!Ascii.IsPrintable(b[argOffset + nameLength]))
                {
                    nameLength = 0;
                    break;
                }

                nameLength++;
            }

            if (nameLength == 0)
            {
                Bad(extended ? SmtpServerReplies.SyntaxEhlo : SmtpServerReplies.SyntaxHelo);
                return;
            }

            ResetTransaction();
            _heloName = Text(b, argOffset, nameLength);
            _extended = extended;
            _state = SmtpServerState.Ready;
            if (!extended)
            {
                _pipelining = false;
                Reply(SmtpServerReplies.HeloPrefix, _serverName, SmtpServerReplies.Crlf);
                return;
            }

            // RFC 1869 §4.3: the name line, then one keyword per line.
            Reply(SmtpServerReplies.EhloPrefix, _serverName, SmtpServerReplies.Crlf);
            Reply(SmtpServerReplies.EhloSize);                    // RFC 1870 §4
            AppendDecimal(_options.MaxMessageBytes);
            Reply(SmtpServerReplies.Ehlo8BitMime);                // RFC 6152
            Reply(SmtpServerReplies.EhloPipelining);              // RFC 2920
            if (_options.TlsAvailable && !_isSecure)
            {
                Reply(SmtpServerReplies.EhloStartTls);            // RFC 3207 §4.2: never again once secure
            }

            if (CanAuthenticateNow && !_authenticated)
            {
                Reply(SmtpServerReplies.EhloAuth);                // RFC 4954 §3
            }

            Reply(SmtpServerReplies.EhloLast);                    // RFC 2034
            _pipelining = true;
        }

        // Ready only (SmtpServerCommands.Ready).
        private void OnMail(byte[] b, int argOffset, int argCount)
        {
            if (!Ascii.StartsWithIgnoreCase(b, argOffset, argCount, SmtpServerCommands.From))
            {
                Bad(SmtpServerReplies.SyntaxMail);
                return;
            }

            int from = SmtpServerCommands.From.Length;
            SmtpPathResult r = _path.Parse(b, argOffset + from, argCount - from);
            if (r != SmtpPathResult.Ok)
            {
                Bad(r == SmtpPathResult.TooLong ? SmtpServerReplies.SenderTooLong : SmtpServerReplies.BadSender);
                return;
            }

            // A source route in the reverse-path is legal and ignored (§4.1.1.2, Appendix C).
            long declared;
            if (!MailParametersAccepted(b, _path.ParametersOffset, _path.ParametersCount, out declared))
            {
                return;
            }

            if (declared > _options.MaxMessageBytes)
            {
                Reply(SmtpServerReplies.SizeExceeded);            // RFC 1870 §6.1
                return;
            }

            long free = _sink.FreeBytes;
            if (declared > 0 && free >= 0 && declared > free)
            {
                Reply(SmtpServerReplies.InsufficientStorage);     // RFC 1870 §6.1: 452
                return;
            }

            _reversePath = _path.Address;
            _recipientCount = 0;
            _state = SmtpServerState.MailFrom;
            Reply(SmtpServerReplies.MailOk);
        }

        // RFC 1870 SIZE=, RFC 6152 BODY=7BIT|8BITMIME, RFC 4954 §5 AUTH= (accepted, not trusted).
        // When a parameter is refused, answers it and returns false.
        private bool MailParametersAccepted(byte[] b, int offset, int count, out long declaredSize)
        {
            declaredSize = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                if (b[i] == (byte)' ')
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < end && b[i] != (byte)' ')
                {
                    i++;
                }

                int eq = Ascii.IndexOf(b, start, i - start, (byte)'=');
                int keyLength = eq < 0 ? i - start : eq - start;
                int valueOffset = eq + 1;
                int valueCount = eq < 0 ? 0 : i - valueOffset;
                if (eq >= 0 && Ascii.EqualsIgnoreCase(b, start, keyLength, SmtpServerCommands.Size))
                {
                    if (!Ascii.TryParseDecimal(b, valueOffset, valueCount, long.MaxValue, out declaredSize))
                    {
                        Bad(SmtpServerReplies.SyntaxMail);
                        return false;
                    }
                }
                else if (eq >= 0 && Ascii.EqualsIgnoreCase(b, start, keyLength, SmtpServerCommands.Body))
                {
                    if (!Ascii.EqualsIgnoreCase(b, valueOffset, valueCount, SmtpServerCommands.SevenBit)
                        && !Ascii.EqualsIgnoreCase(b, valueOffset, valueCount, SmtpServerCommands.EightBitMime))
                    {
                        Bad(SmtpServerReplies.UnsupportedParameter);
                        return false;
                    }
                }
                else if (eq < 0 || !Ascii.EqualsIgnoreCase(b, start, keyLength, SmtpServerCommands.AuthParameter))
                {
                    Bad(SmtpServerReplies.UnsupportedParameter);   // RFC 5321 §4.1.1.11: 555
                    return false;
                }
            }

            return true;
        }

        // MailFrom or RcptTo only (SmtpServerCommands).
        private void OnRcpt(byte[] b, int argOffset, int argCount)
        {
            if (!Ascii.StartsWithIgnoreCase(b, argOffset, argCount, SmtpServerCommands.To))
            {
                Bad(SmtpServerReplies.SyntaxRcpt);
                return;
            }

            int to = SmtpServerCommands.To.Length;
            SmtpPathResult r = _path.Parse(b, argOffset + to, argCount - to);
            if (r != SmtpPathResult.Ok)
            {
                Bad(r == SmtpPathResult.TooLong ? SmtpServerReplies.RecipientTooLong : SmtpServerReplies.BadRecipient);
                return;
            }

            if (_path.IsNull)
            {
                Bad(SmtpServerReplies.NullRecipient);
                return;
            }

            for (int i = _path.ParametersOffset; i < _path.ParametersOffset + _path.ParametersCount; i++)
            {
                if (b[i] != (byte)' ')
                {
                    Bad(SmtpServerReplies.UnsupportedParameter);  // no RCPT parameters are offered
                    return;
                }
            }

            if ((_path.Flags & SmtpPathFlags.SourceRoute) != 0)
            {
                // §3.6.1 / Appendix C: source routes are obsolete; say so rather than "relay denied".
                Info("source route refused: <" + _path.Address + ">");
                Reply(SmtpServerReplies.SourceRouteRefused);
                return;
            }

            // §4.5.1: "postmaster" MUST be accepted from anyone; it is the relay's own mailbox.
            bool postmaster = _path.Flags == SmtpPathFlags.NoDomain && _path.Address.Length == 10 && _path.Address.ToLower() == "postmaster";
            if (!postmaster && ((!_clientAllowed && !_authenticated) || !_policy.IsRelayableRecipient(_path)))
            {
                Info("relay denied: <" + _path.Address + ">");
                Reply(SmtpServerReplies.RelayDenied);
                return;
            }

            if (_recipientCount >= _options.MaxRecipients)
            {
                Reply(SmtpServerReplies.TooManyRecipients);       // §4.5.3.1.10: 452
                return;
            }

            if (_recipients == null || _recipientCount == _recipients.Length)
            {
                // Grown by doubling up to MaxRecipients: most mail has one or two recipients, and a
                // slot costs a heap block whether used or not (100 slots: 1.2 KB on the device).
                int size = _recipients == null ? InitialRecipientSlots : 2 * _recipients.Length;
                string[] grown = new string[size < _options.MaxRecipients ? size : _options.MaxRecipients];
                for (int i = 0; i < _recipientCount; i++)
                {
                    grown[i] = _recipients[i];
                }

                _recipients = grown;
            }

            _recipients[_recipientCount++] = _path.Address;
            _state = SmtpServerState.RcptTo;
            Reply(SmtpServerReplies.RcptOk);
        }

        private bool NoArguments(int argCount)
        {
            if (argCount == 0)
            {
                return true;
            }

            Bad(SmtpServerReplies.NoParameters);                  // §4.1.1: "SHOULD" 501
            return false;
        }

        // RFC 3207 §4, in every state before the state's row: TLS configured, not yet active, no parameter.
        private bool StartTlsPossible(int argCount)
        {
            if (!_options.TlsAvailable)
            {
                Bad(SmtpServerReplies.NotImplemented);
                return false;
            }

            if (_isSecure)
            {
                Bad(SmtpServerReplies.TlsAlreadyActive);
                return false;
            }

            if (argCount != 0)
            {
                Bad(SmtpServerReplies.SyntaxStartTls);            // RFC 3207 §4: 501
                return false;
            }

            return true;
        }

        // Ready only (SmtpServerCommands.Ready).
        private void OnStartTls()
        {
            Reply(SmtpServerReplies.ReadyToStartTls);

            // CVE-2011-0411: nothing the client sent before the handshake may count after it.
            int pending = _framer.Buffered;
            if (pending > 0)
            {
                Warn("STARTTLS: discarded " + pending + " plaintext bytes sent behind it (command injection)");
                _discarded += pending;
            }

            _framer.DiscardBuffered();
            _state = SmtpServerState.StartTls;
        }
    }
}

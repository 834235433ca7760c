using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Imap.Server
{
    /// <summary>RFC 9051 §6.1 (any state) and §6.2 (not authenticated): CAPABILITY, NOOP, LOGOUT, ID, STARTTLS, AUTHENTICATE, LOGIN.</summary>
    public sealed partial class ImapServerSession
    {
        private static readonly byte[] s_capability = Ascii.Bytes("* CAPABILITY IMAP4rev2 IMAP4rev1 LITERAL+ ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT ESEARCH ID");
        private static readonly byte[] s_capStartTls = Ascii.Bytes(" STARTTLS");
        private static readonly byte[] s_capLoginDisabled = Ascii.Bytes(" LOGINDISABLED");
        private static readonly byte[] s_capAuthPlain = Ascii.Bytes(" AUTH=PLAIN SASL-IR");
        private static readonly byte[] s_okCapability = Ascii.Bytes("CAPABILITY completed");
        private static readonly byte[] s_okNoop = Ascii.Bytes("NOOP completed");
        private static readonly byte[] s_okLogout = Ascii.Bytes("LOGOUT completed\r\n");
        private static readonly byte[] s_bye = Ascii.Bytes("* BYE IMAP4rev2 Server logging out\r\n");
        private static readonly byte[] s_okId = Ascii.Bytes("ID completed");
        private static readonly byte[] s_idName = Ascii.Bytes("* ID (\"name\" ");
        private static readonly byte[] s_okBeginTls = Ascii.Bytes("Begin TLS negotiation now");
        private static readonly byte[] s_badTlsActive = Ascii.Bytes("TLS is already active.");
        private static readonly byte[] s_noTls = Ascii.Bytes("TLS is not available.");
        private static readonly byte[] s_noPrivacy = Ascii.Bytes("[PRIVACYREQUIRED] Use STARTTLS first: passwords only over TLS or from loopback.");
        private static readonly byte[] s_noAuthFailed = Ascii.Bytes("[AUTHENTICATIONFAILED] Authentication failed.");
        private static readonly byte[] s_noPenalized = Ascii.Bytes("[UNAVAILABLE] Too many failed logins from your address, try later.");
        private static readonly byte[] s_noMechanism = Ascii.Bytes("Unsupported authentication mechanism.");
        private static readonly byte[] s_badCancelled = Ascii.Bytes("AUTHENTICATE cancelled.");
        private static readonly byte[] s_badSasl = Ascii.Bytes("Malformed AUTHENTICATE PLAIN response.");
        private static readonly byte[] s_okLogin = Ascii.Bytes("LOGIN completed");
        private static readonly byte[] s_okAuthenticate = Ascii.Bytes("AUTHENTICATE completed");
        private static readonly byte[] s_continueEmpty = Ascii.Bytes("+ \r\n");
        private static readonly byte[] s_plain = Ascii.Bytes("PLAIN");
        private static readonly byte[] s_nilKeyword = Ascii.Bytes("NIL");
        private static readonly byte[] s_byeTooManyFailures = Ascii.Bytes("* BYE Too many failed logins.\r\n");

        /// <summary>RFC 8314 / Dovecot: passwords cross the wire only under TLS, or on loopback.</summary>
        private bool PlaintextAllowed { get { return _secure || _loopback; } }

        private bool _authenticating;   // AUTHENTICATE (not LOGIN) is in progress

        // §6.1.1 CAPABILITY
        internal static ImapResult DoCapability(ImapServerSession s, ImapParser p)
        {
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            s.PutCapabilities();
            s.PutCrlf();
            return s.Ok(s_okCapability);
        }

        // §6.1.2 NOOP: nothing, but the updates before the completion (§7) are the point.
        internal static ImapResult DoNoop(ImapServerSession s, ImapParser p)
        {
            return p.AtEnd ? s.Ok(s_okNoop) : ImapResult.Bad;
        }

        // §6.1.3 LOGOUT: "* BYE", then the tagged OK, then the connection closes.
        internal static ImapResult DoLogout(ImapServerSession s, ImapParser p)
        {
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            s.Put(s_bye);
            s.Put(s._tag, 0, s._tagLength);
            s.Put((byte)' ');
            s.Put(s_ok);
            s.Put((byte)' ');
            s.Put(s_okLogout);
            s._state = ImapState.Logout;
            s._action = ImapAction.Close;
            return ImapResult.Replied;
        }

        // RFC 2971 §3.1: ID ("name" "value" ...) or ID NIL; the client's list is read and
        // bounded (§3.3: 30 pairs, fields of 30 octets, values of 1024), then our name.
        internal static ImapResult DoId(ImapServerSession s, ImapParser p)
        {
            if (!p.Space())
            {
                return ImapResult.Bad;
            }

            if (!p.Keyword(s_nilKeyword))
            {
                if (!p.Take((byte)'('))
                {
                    return ImapResult.Bad;
                }

                int pairs = 0;
                while (!p.Take((byte)')'))
                {
                    int o;
                    int l;
                    if ((pairs > 0 && !p.Space()) || !p.String(out o, out l) || l > 30 || !p.Space())
                    {
                        return ImapResult.Bad;
                    }

                    if (!p.Keyword(s_nilKeyword) && (!p.String(out o, out l) || l > 1024))
                    {
                        return ImapResult.Bad;
                    }

                    if (++pairs > Limits.ImapIdFields)
                    {
                        return ImapResult.Bad;
                    }
                }
            }

            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            s.Put(s_idName);
            s.PutString(s._server.Options.Implementation);
            s.Put((byte)')');
            s.PutCrlf();
            return s.Ok(s_okId);
        }

        // §6.2.1 STARTTLS: "OK", then the handshake; octets that came before it are dropped
        // by the driver (CVE-2011-0411: never read as commands after it).
        internal static ImapResult DoStartTls(ImapServerSession s, ImapParser p)
        {
            if (!p.AtEnd)
            {
                return ImapResult.Bad;
            }

            if (s._secure)
            {
                return s.Bad(s_badTlsActive);
            }

            if (!s._server.Options.TlsAvailable)
            {
                s.Tagged(s_no, s_noTls);
                return ImapResult.Replied;
            }

            s.Tagged(s_ok, s_okBeginTls);
            s._action = ImapAction.StartTls;
            return ImapResult.Replied;
        }

        // §6.2.3 LOGIN userid password (astrings, quoted or literal).
        internal static ImapResult DoLogin(ImapServerSession s, ImapParser p)
        {
            int uo;
            int ul;
            int po;
            int pl;
            if (!p.Space() || !p.AString(out uo, out ul) || !p.Space() || !p.AString(out po, out pl) || !p.AtEnd)
            {
                return ImapResult.Bad;
            }

            if (!s.PlaintextAllowed)
            {
                return s.No(s_noPrivacy);
            }

            bool userOk = SameBytes(p.Buffer, uo, ul, s._server.UserBytes);
            bool passOk = SameBytes(p.Buffer, po, pl, s._server.PasswordBytes);
            System.Array.Clear(p.Buffer, po, pl);
            s._authenticating = false;
            return s.Login(userOk & passOk);
        }

        // §6.2.2 AUTHENTICATE PLAIN [initial-response] (RFC 4959 SASL-IR); only PLAIN (RFC 4616).
        internal static ImapResult DoAuthenticate(ImapServerSession s, ImapParser p)
        {
            int mo;
            int ml;
            if (!p.Space() || !p.Atom(false, out mo, out ml))
            {
                return ImapResult.Bad;
            }

            if (!Ascii.EqualsIgnoreCase(p.Buffer, mo, ml, s_plain))
            {
                return s.No(s_noMechanism);
            }

            if (!s.PlaintextAllowed)
            {
                return s.No(s_noPrivacy);
            }

            s._authenticating = true;
            if (p.AtEnd)
            {
                // §6.2.2: an empty challenge, "+ ".
                s._saslPending = true;
                s.Put(s_continueEmpty);
                return ImapResult.Replied;
            }

            int io;
            int il;
            if (!p.Space() || !p.Atom(false, out io, out il) || !p.AtEnd)
            {
                return ImapResult.Bad;
            }

            s.FinishSaslPlain(p.Buffer, io, il, LineFlags.None);
            return ImapResult.Replied;
        }

        /// <summary>The SASL PLAIN response (RFC 4616 §2), from AUTHENTICATE or its continuation line.</summary>
        private void FinishSaslPlain(byte[] buffer, int offset, int count, LineFlags flags)
        {
            _codeLength = 0;
            if (count == 1 && buffer[offset] == (byte)'*')
            {
                // §6.2.2: "*" cancels; the server answers BAD.
                Tagged(s_bad, s_badCancelled);
                return;
            }

            byte[] decoded = new byte[(count / 4 * 3) + 3];
            int n = (flags & LineFlags.Nul) != 0 ? -1 : (count == 1 && buffer[offset] == (byte)'=' ? 0 : Base64.Decode(buffer, offset, count, decoded, 0));
            int authzidLength;
            int authcidLength;
            if (n < 0 || !SaslPlain.TrySplit(decoded, 0, n, out authzidLength, out authcidLength))
            {
                System.Array.Clear(decoded, 0, decoded.Length);
                Tagged(s_bad, s_badSasl);
                CountBad();
                return;
            }

            int authcidOffset = authzidLength + 1;
            int passwdOffset = authcidOffset + authcidLength + 1;
            bool userOk = SameBytes(decoded, authcidOffset, authcidLength, _server.UserBytes);
            bool zidOk = authzidLength == 0 || SameBytes(decoded, 0, authzidLength, _server.UserBytes);
            bool passOk = SameBytes(decoded, passwdOffset, n - passwdOffset, _server.PasswordBytes);
            System.Array.Clear(decoded, 0, decoded.Length);
            if (Login(userOk & zidOk & passOk) == ImapResult.Done)
            {
                WriteCompletion();
            }
        }

        /// <summary>Every login ends here: the per-address penalty, the delay on failure, the same answer for every cause.</summary>
        private ImapResult Login(bool ok)
        {
            NanoRelay.Auth.AuthPenalty penalty = _remoteAddress == null ? null : _server.Options.AuthPenalty;
            long now = _server.Clock.MonotonicMilliseconds;
            if (penalty != null && penalty.IsBlocked(_remoteAddress, now))
            {
                // Refused whatever the credentials, so guessing learns nothing.
                return No(s_noPenalized);
            }

            if (!ok)
            {
                if (penalty != null)
                {
                    penalty.Failed(_remoteAddress, now);
                }

                _server.Clock.Sleep(_server.Options.AuthFailureDelayMilliseconds);
                _authFailures++;
                if (_authFailures >= _server.Options.AuthFailures)
                {
                    Tagged(s_no, s_noAuthFailed);
                    Put(s_byeTooManyFailures);
                    _action = ImapAction.Close;
                    return ImapResult.Replied;
                }

                return No(s_noAuthFailed);
            }

            if (penalty != null)
            {
                penalty.Succeeded(_remoteAddress);
            }

            _state = ImapState.Authenticated;
            _badCommands = 0;
            _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.IdleTimeoutMilliseconds;
            return Ok(_authenticating ? s_okAuthenticate : s_okLogin);
        }

        private void PutCapabilities()
        {
            Put(s_capability);
            if (_state == ImapState.NotAuthenticated)
            {
                if (!_secure && _server.Options.TlsAvailable)
                {
                    Put(s_capStartTls);
                }

                Put(PlaintextAllowed ? s_capAuthPlain : s_capLoginDisabled);
            }
        }

        /// <summary>Compares in time that depends only on the lengths.</summary>
        private static bool SameBytes(byte[] a, int offset, int count, byte[] b)
        {
            int diff = count ^ b.Length;
            for (int i = 0; i < b.Length; i++)
            {
                diff |= (i < count ? a[offset + i] : 0) ^ b[i];
            }

            return diff == 0;
        }
    }
}

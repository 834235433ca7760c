using System;
using NanoRelay.Framing;
using NanoRelay.Mime;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// AUTH PLAIN (RFC 4616) and LOGIN (draft-murchison-sasl-login) per RFC 4954, offered only
    /// over TLS or from loopback. Responses are never logged, and the scratch buffer holding
    /// decoded credentials is cleared after each check.
    /// </summary>
    public sealed partial class SmtpServerSession
    {
        private const int LoginUserOffset = 400;   // in _scratch: the LOGIN user name waits here for the password
        private int _loginUserLength;

        private bool CanAuthenticateNow
        {
            get { return _options.HasUsers && (_isSecure || _isLoopback); }
        }

        // In every state before the state's row: AUTH ends a pipelined group, and is possible only with
        // users, over TLS or from loopback.
        private bool AuthPossible()
        {
            _lastInGroup = true;   // RFC 2920 §3.1: the server must answer before anything else is sent
            if (!_options.HasUsers)
            {
                Bad(SmtpServerReplies.NotImplemented);
                return false;
            }

            if (!CanAuthenticateNow)
            {
                // RFC 4954 §6: 538 5.7.11; the response is not looked at (no password oracle).
                Bad(SmtpServerReplies.AuthEncryptionRequired);
                return false;
            }

            return true;
        }

        // After EHLO (Ready, MailFrom, RcptTo): once per session, and not from an address being penalized.
        private bool AuthMayStart()
        {
            if (!_extended)
            {
                Bad(SmtpServerReplies.NeedHelo);
                return false;
            }

            if (_authenticated)
            {
                Bad(SmtpServerReplies.AuthAlready);               // RFC 4954 §4: 503 after a successful AUTH
                return false;
            }

            if (_options.AuthPenalty != null && _options.AuthPenalty.IsBlocked(_remoteAddress, _clock.MonotonicMilliseconds))
            {
                // Refused before any response is read: a blocked address learns nothing about passwords.
                Warn("AUTH refused: too many failures from this address");
                Reply(SmtpServerReplies.AuthPenalized);
                return false;
            }

            return true;
        }

        // MailFrom or RcptTo (SmtpServerCommands).
        private void OnAuthInTransaction()
        {
            if (AuthMayStart())
            {
                Bad(SmtpServerReplies.InTransaction);             // RFC 4954 §4: not during a mail transaction
            }
        }

        // Ready only (SmtpServerCommands.Ready).
        private void OnAuth(byte[] b, int argOffset, int argCount)
        {
            if (!AuthMayStart())
            {
                return;
            }

            int space = Ascii.IndexOf(b, argOffset, argCount, (byte)' ');
            int mechanismLength = space < 0 ? argCount : space - argOffset;
            int initialOffset = space < 0 ? argOffset + argCount : space + 1;
            int initialCount = argOffset + argCount - initialOffset;
            if (mechanismLength == 0)
            {
                Bad(SmtpServerReplies.SyntaxAuth);
                return;
            }

            bool plain = Ascii.EqualsIgnoreCase(b, argOffset, mechanismLength, SmtpServerCommands.Plain);
            bool login = Ascii.EqualsIgnoreCase(b, argOffset, mechanismLength, SmtpServerCommands.Login);
            if (!plain && !login)
            {
                Bad(SmtpServerReplies.AuthUnknownMechanism);
                return;
            }

            if (space < 0)
            {
                _state = plain ? SmtpServerState.AuthPlain : SmtpServerState.AuthLoginUser;
                Reply(plain ? SmtpServerReplies.AuthChallengeEmpty : SmtpServerReplies.AuthChallengeUsername);
                return;
            }

            // RFC 4954 §4: an initial response; "=" is an empty one.
            _state = plain ? SmtpServerState.AuthPlain : SmtpServerState.AuthLoginUser;
            OnAuthResponse(b, initialOffset, initialCount, false);
        }

        // The decoded response lives in _scratch, made for the exchange and wiped and dropped when it
        // ends; only LOGIN's user name stays in it until the password line.
        private void OnAuthResponse(byte[] b, int o, int n, bool ownLine)
        {
            if (_scratch == null)
            {
                _scratch = new byte[ScratchBytes];
            }

            try
            {
                OnAuthResponseLine(b, o, n, ownLine);
            }
            finally
            {
                if (_state != SmtpServerState.AuthLoginPassword)
                {
                    Array.Clear(_scratch, 0, _scratch.Length);
                    _scratch = null;
                }
            }
        }

        private void OnAuthResponseLine(byte[] b, int o, int n, bool ownLine)
        {
            _lastInGroup = true;
            SmtpServerState step = _state;
            _state = SmtpServerState.Ready;
            if (_framer.Flags != LineFlags.None)
            {
                Bad(SmtpServerReplies.AuthBadBase64);
                return;
            }

            if (n == 1 && b[o] == (byte)'*')
            {
                Reply(SmtpServerReplies.AuthCancelled);           // RFC 4954 §4: "MUST reject ... 501"
                return;
            }

            int decoded = n == 1 && b[o] == (byte)'=' ? 0 : Base64.Decode(b, o, n, _scratch, 0);
            if (decoded < 0)
            {
                Bad(SmtpServerReplies.AuthBadBase64);             // RFC 4954 §4: 501
                return;
            }

            // RFC 4616 §2 (PLAIN: a NUL only as the two separators) and LOGIN (no separators at
            // all): a response with a NUL anywhere else is malformed, answered before any field is
            // compared, and never counted as a guess (RFC 4954 §4: 501).
            int authzidLength = 0;
            int authcidLength = 0;
            bool wellFormed = step == SmtpServerState.AuthPlain
                ? SaslPlain.TrySplit(_scratch, 0, decoded, out authzidLength, out authcidLength)
                : Ascii.IndexOf(_scratch, 0, decoded, 0) < 0;
            if (!wellFormed)
            {
                Array.Clear(_scratch, 0, _scratch.Length);
                _loginUserLength = 0;
                Bad(SmtpServerReplies.AuthMalformed);
                return;
            }

            if (step == SmtpServerState.AuthLoginUser)
            {
                Array.Copy(_scratch, 0, _scratch, LoginUserOffset, decoded);
                _loginUserLength = decoded;
                Array.Clear(_scratch, 0, decoded);
                _state = SmtpServerState.AuthLoginPassword;
                Reply(SmtpServerReplies.AuthChallengePassword);
                return;
            }

            bool ok = step == SmtpServerState.AuthPlain
                ? CheckPlain(authzidLength, authcidLength, decoded)
                : _options.CheckCredentials(_scratch, LoginUserOffset, _loginUserLength, 0, decoded);
            Array.Clear(_scratch, 0, _scratch.Length);
            _loginUserLength = 0;
            if (ok)
            {
                _authenticated = true;
                if (_options.AuthPenalty != null)
                {
                    _options.AuthPenalty.Succeeded(_remoteAddress);
                }

                Info("authenticated");
                Reply(SmtpServerReplies.AuthSucceeded);
                return;
            }

            // A growing delay per failure (Dovecot: from 2 s, capped at 15 s), the same whether or
            // not the user exists; after AuthFailureLimit failures, 421 and close (chasquid).
            _authFailures++;
            int delay = Limits.SmtpAuthFailureDelayMs << (_authFailures - 1 < 4 ? _authFailures - 1 : 4);
            _clock.Sleep(delay < Limits.SmtpAuthFailureDelayMaxMs ? delay : Limits.SmtpAuthFailureDelayMaxMs);
            Warn("authentication failed (" + _authFailures + ")");
            if (_options.AuthPenalty != null && _options.AuthPenalty.Failed(_remoteAddress, _clock.MonotonicMilliseconds))
            {
                Warn("too many authentication failures from this address: AUTH refused for a while");
            }

            if (_authFailures >= _options.AuthFailureLimit)
            {
                Reply(SmtpServerReplies.Unavailable, _serverName, SmtpServerReplies.TooManyAuthFailures);
                Close();
                return;
            }

            Reply(SmtpServerReplies.AuthInvalid);                 // RFC 4954 §6: 535 5.7.8
        }

        // RFC 4616 §2: [authzid] NUL authcid NUL passwd, already split by SaslPlain; an authzid
        // other than the authcid is refused.
        private bool CheckPlain(int authzidLength, int authcidLength, int count)
        {
            int userOffset = authzidLength + 1;
            int passwordOffset = userOffset + authcidLength + 1;
            if (authzidLength > 0 && (authzidLength != authcidLength || !SameBytes(0, userOffset, authzidLength)))
            {
                return false;
            }

            return _options.CheckCredentials(_scratch, userOffset, authcidLength, passwordOffset, count - passwordOffset);
        }

        private bool SameBytes(int a, int b, int count)
        {
            int diff = 0;
            for (int i = 0; i < count; i++)
            {
                diff |= _scratch[a + i] ^ _scratch[b + i];
            }

            return diff == 0;
        }
    }
}

using NanoRelay.Crypto;
using NanoRelay.Framing;
using NanoRelay.Mime;
using NanoRelay.Ports;

namespace NanoRelay.Pop3
{
    /// <summary>The AUTHORIZATION state (RFC 1939 §4): USER, PASS, APOP, AUTH, STLS, CAPA, QUIT.</summary>
    public sealed partial class Pop3ServerSession
    {
        private static readonly byte[] s_errCleartext = Ascii.Bytes("-ERR [AUTH] Cleartext authentication disallowed on non-secure (SSL/TLS) connections.");
        private static readonly byte[] s_errAuthFailed = Ascii.Bytes("-ERR [AUTH] Authentication failed.");
        private static readonly byte[] s_errApopOff = Ascii.Bytes("-ERR [AUTH] APOP is not enabled.");
        private static readonly byte[] s_errNoUser = Ascii.Bytes("-ERR No USER given.");
        private static readonly byte[] s_errMaildropFailed = Ascii.Bytes("-ERR [SYS/TEMP] The maildrop cannot be read now.");
        private static readonly byte[] s_errPenalized = Ascii.Bytes("-ERR [SYS/TEMP] Too many failed logins from your address, try later.");
        private static readonly byte[] s_errInUse = Ascii.Bytes("-ERR [IN-USE] Mailbox is locked by another POP3 or POP2 session.");
        private static readonly byte[] s_errMechanism = Ascii.Bytes("-ERR [AUTH] Unsupported authentication mechanism.");
        private static readonly byte[] s_errCancelled = Ascii.Bytes("-ERR Authentication cancelled.");
        private static readonly byte[] s_errSaslMalformed = Ascii.Bytes("-ERR Malformed AUTH PLAIN response.");
        private static readonly byte[] s_errTlsActive = Ascii.Bytes("-ERR Command not permitted when TLS active.");
        private static readonly byte[] s_errNoTls = Ascii.Bytes("-ERR TLS is not available.");
        private static readonly byte[] s_okBeginTls = Ascii.Bytes("+OK Begin TLS negotiation.");
        private static readonly byte[] s_continue = Ascii.Bytes("+ ");
        private static readonly byte[] s_mechanismPlain = Ascii.Bytes("PLAIN");
        private static readonly byte[] s_signingOff = Ascii.Bytes(" POP3 server signing off");
        private static readonly byte[] s_maildropHas = Ascii.Bytes("'s maildrop has ");

        /// <summary>
        /// RFC 8314 / Dovecot: a password (USER/PASS, AUTH PLAIN) crosses the wire in the clear
        /// only under TLS, or on loopback where no wire exists.
        /// </summary>
        private bool PlaintextAllowed { get { return _secure || _loopback; } }

        // RFC 1939 §7: USER name. The reply is the same for every name (no enumeration).
        internal static Pop3Result DoUser(Pop3ServerSession s, Pop3Arguments a)
        {
            if (!s.PlaintextAllowed)
            {
                return s.Reply(s_errCleartext);
            }

            System.Array.Copy(a.Buffer, a.Offset(0), s._user, 0, a.Length(0));
            s._userLength = a.Length(0);
            return Pop3Result.Ok;
        }

        // RFC 1939 §7: PASS string. "Since the PASS command has exactly one argument, a POP3
        // server may treat spaces in the argument as part of the password": the rest of the line.
        internal static Pop3Result DoPass(Pop3ServerSession s, Pop3Arguments a)
        {
            if (!s.PlaintextAllowed)
            {
                return s.Reply(s_errCleartext);
            }

            if (s._userLength < 0)
            {
                return s.Fail(s_errNoUser);
            }

            bool userOk = SameBytes(s._user, 0, s._userLength, s._server.UserBytes);
            bool passOk = SameBytes(a.Buffer, a.RestOffset, a.RestLength, s._server.PasswordBytes);
            s._userLength = -1;
            return s.Login(userOk & passOk);
        }

        // RFC 1939 §7: APOP name digest, digest = MD5(timestamp + secret) in lower-case hex.
        // Off by default and TLS-only when on (Leurent 2007: MD5 challenges leak the password).
        internal static Pop3Result DoApop(Pop3ServerSession s, Pop3Arguments a)
        {
            if (!s._secure)
            {
                return s.Reply(s_errCleartext);
            }

            if (!s._server.Options.Apop || s._timestamp == null)
            {
                return s.Reply(s_errApopOff);
            }

            Md5 md5 = new Md5();
            md5.Update(s._timestamp, 0, s._timestamp.Length);
            md5.Update(s._server.PasswordBytes, 0, s._server.PasswordBytes.Length);
            byte[] digest = new byte[Md5.HashSize];
            md5.Final(digest, 0);
            byte[] hex = new byte[2 * Md5.HashSize];
            Hex.Encode(digest, 0, Md5.HashSize, hex, 0);

            // The digest is computed for every name, so an unknown one costs the same.
            bool userOk = SameBytes(a.Buffer, a.Offset(0), a.Length(0), s._server.UserBytes);
            bool digestOk = SameBytesIgnoreCase(a.Buffer, a.Offset(1), a.Length(1), hex);
            return s.Login(userOk & digestOk);
        }

        // RFC 5034 §4: AUTH mechanism [initial-response]. Only PLAIN (RFC 4616) is offered.
        internal static Pop3Result DoAuth(Pop3ServerSession s, Pop3Arguments a)
        {
            if (!a.ArgumentIs(0, s_mechanismPlain))
            {
                return s.Fail(s_errMechanism);
            }

            if (!s.PlaintextAllowed)
            {
                return s.Reply(s_errCleartext);
            }

            if (a.Count == 1)
            {
                // RFC 5034 §4: no initial response: an empty challenge, "+ ".
                s._saslPending = true;
                s.Put(s_continue);
                s.EndLine();
                return Pop3Result.Replied;
            }

            s.FinishSaslPlain(a.Buffer, a.Offset(1), a.Length(1), LineFlags.None);
            return Pop3Result.Replied;
        }

        // RFC 2595 §4: STLS, only before TLS and only in AUTHORIZATION (it is not in the TRANSACTION table).
        internal static Pop3Result DoStls(Pop3ServerSession s, Pop3Arguments a)
        {
            if (s._secure)
            {
                return s.Fail(s_errTlsActive);
            }

            if (!s._server.Options.TlsAvailable)
            {
                return s.Fail(s_errNoTls);
            }

            s.Reply(s_okBeginTls);
            s._action = Pop3Action.StartTls;
            return Pop3Result.Replied;
        }

        // RFC 1939 §6: QUIT in AUTHORIZATION ends the session without an UPDATE.
        internal static Pop3Result DoQuitAuthorization(Pop3ServerSession s, Pop3Arguments a)
        {
            s.PutSignOff();
            s.EndLine();
            s._action = Pop3Action.Close;
            s._state = Pop3State.Closed;
            return Pop3Result.Replied;
        }

        /// <summary>The SASL PLAIN response (RFC 4616 §2: [authzid] NUL authcid NUL passwd), from AUTH or its continuation line.</summary>
        private void FinishSaslPlain(byte[] buffer, int offset, int count, LineFlags flags)
        {
            if (count == 1 && buffer[offset] == (byte)'*')
            {
                // RFC 5034 §4: "If the client wishes to cancel ... it issues a line with a single '*'".
                Reply(s_errCancelled);
                return;
            }

            byte[] decoded = new byte[(count / 4 * 3) + 3];
            int n = (flags & LineFlags.Nul) != 0 ? -1 : (count == 1 && buffer[offset] == (byte)'=' ? 0 : Base64.Decode(buffer, offset, count, decoded, 0));
            if (n < 0)
            {
                Fail(s_errInvalid);
                CountBadCommand();
                return;
            }

            // RFC 4616 §2: a NUL only as the two separators, authcid and passwd not empty; any
            // other form is refused before a field is compared (and is not a failed login).
            int authzidLength;
            int authcidLength;
            if (!SaslPlain.TrySplit(decoded, 0, n, out authzidLength, out authcidLength))
            {
                System.Array.Clear(decoded, 0, decoded.Length);
                Fail(s_errSaslMalformed);
                CountBadCommand();
                return;
            }

            int authcidOffset = authzidLength + 1;
            int passwdOffset = authcidOffset + authcidLength + 1;
            bool userOk = SameBytes(decoded, authcidOffset, authcidLength, _server.UserBytes);
            bool zidOk = authzidLength == 0 || SameBytes(decoded, 0, authzidLength, _server.UserBytes);
            bool passOk = SameBytes(decoded, passwdOffset, n - passwdOffset, _server.PasswordBytes);
            System.Array.Clear(decoded, 0, decoded.Length);
            Login(userOk & zidOk & passOk);
        }

        /// <summary>The end of every login: a failure waits, then answers the same for every cause; a success locks the maildrop.</summary>
        private Pop3Result Login(bool ok)
        {
            NanoRelay.Auth.AuthPenalty penalty = _remoteAddress == null ? null : _server.Options.AuthPenalty;
            long now = _server.Clock.MonotonicMilliseconds;
            if (penalty != null && penalty.IsBlocked(_remoteAddress, now))
            {
                // RFC 3206 §4 [SYS/TEMP]: refused whatever the credentials, so guessing learns nothing.
                Reply(s_errPenalized);
                _action = Pop3Action.Close;
                return Pop3Result.Replied;
            }

            if (!ok)
            {
                if (penalty != null)
                {
                    penalty.Failed(_remoteAddress, now);
                }

                // popa3d AUTH_DUMMY_SALT, Dovecot auth_failure_delay: the same delay and reply for
                // an unknown user as for a wrong password.
                _server.Clock.Sleep(_server.Options.AuthFailureDelayMilliseconds);
                Reply(s_errAuthFailed);
                _authFailures++;
                if (_authFailures >= _server.Options.AuthFailures)
                {
                    _action = Pop3Action.Close;
                }

                return Pop3Result.Replied;
            }

            if (penalty != null)
            {
                penalty.Succeeded(_remoteAddress);
            }

            IMaildrop maildrop = _server.Maildrop;
            if (!maildrop.TryLock())
            {
                // RFC 2449 §8.1.2 [IN-USE]; RFC 1939 §4 "unable to lock maildrop".
                return Reply(s_errInUse);
            }

            int count;
            try
            {
                count = maildrop.Refresh();
            }
            catch (StoreException)
            {
                // RFC 3206 §4 [SYS/TEMP]: the store failed; the lock must not outlive this reply.
                maildrop.Unlock();
                return Reply(s_errMaildropFailed);
            }

            _deleted = new bool[count];
            _state = Pop3State.Transaction;
            _badCommands = 0;
            _deadline = _server.Clock.MonotonicMilliseconds + _server.Options.IdleTimeoutMilliseconds;

            // RFC 1939 §10: "+OK mrose's maildrop has 2 messages (320 octets)"
            PutOk();
            PutAscii(_server.Options.User);
            Put(s_maildropHas);
            PutCounts();
            EndLine();
            return Pop3Result.Replied;
        }

        private void PutSignOff()
        {
            PutOk();
            PutAscii(_server.Options.ServerName);
            Put(s_signingOff);
        }

        /// <summary>Compares in time that depends only on the lengths, not on where the bytes differ.</summary>
        internal static bool SameBytes(byte[] a, int offset, int count, byte[] b)
        {
            int diff = count ^ b.Length;
            for (int i = 0; i < b.Length; i++)
            {
                diff |= (i < count ? a[offset + i] : 0) ^ b[i];
            }

            return diff == 0;
        }

        private static bool SameBytesIgnoreCase(byte[] a, int offset, int count, byte[] lowerHex)
        {
            int diff = count ^ lowerHex.Length;
            for (int i = 0; i < lowerHex.Length; i++)
            {
                byte c = i < count ? a[offset + i] : (byte)0;
                if (c >= (byte)'A' && c <= (byte)'F')
                {
                    c = (byte)(c + 32);
                }

                diff |= c ^ lowerHex[i];
            }

            return diff == 0;
        }
    }
}

using System;
using NanoRelay.Framing;
using NanoRelay.Pop3;
using NanoRelay.Ports;

namespace NanoRelay.Pop2
{
    /// <summary>The commands of RFC 937 ("Definitions of Commands and Replies"), one handler each.</summary>
    public sealed partial class Pop2ServerSession
    {
        private static readonly byte[] s_inbox = Ascii.Bytes("INBOX");
        private static readonly byte[] s_messagesInMailbox = Ascii.Bytes(" messages in your mailbox");
        private static readonly byte[] s_noSuchMailbox = Ascii.Bytes("#0 messages, only INBOX exists here");
        private static readonly byte[] s_charactersInMessage = Ascii.Bytes(" characters in message ");
        private static readonly byte[] s_noMoreMessages = Ascii.Bytes("=0 no more messages");
        private static readonly byte[] s_messageDeleted = Ascii.Bytes("=0 deleted message ");
        private static readonly byte[] s_bye = Ascii.Bytes("+ OK, bye, bye");
        private static readonly byte[] s_errCleartext = Ascii.Bytes("- Cleartext passwords are accepted only from loopback here");
        private static readonly byte[] s_errBadLogin = Ascii.Bytes("- Bad login");
        private static readonly byte[] s_errPenalized = Ascii.Bytes("- Too many failed logins from your address, try later");
        private static readonly byte[] s_errInUse = Ascii.Bytes("- Mailbox in use by a POP3 or POP2 session");
        private static readonly byte[] s_errMaildrop = Ascii.Bytes("- The mailbox cannot be read now");
        private static readonly byte[] s_errNotRemoved = Ascii.Bytes("- Some deleted messages could not be removed");
        private static readonly byte[] s_errNoMessage = Ascii.Bytes("- No message to transmit");

        // HELO user password: "identifies the user to the server and carries the password". The
        // account is the POP3 server's (pop3.user, pop3.password). "Possible responses: "#nnn" ...
        // "- error report" and Close the connection." POP2 has no TLS: the password crosses the
        // wire in the clear, so it is taken from loopback only unless pop2.cleartextFromLan is set.
        internal static void DoHelo(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            if (!s._loopback && !s._cleartextFromLan)
            {
                s.Error(s_errCleartext);
                return;
            }

            // "<helo> = HELO <SP> <user> <SP> <password> <CRLF>", both "<word>"s, "\" quoting.
            int end = offset + count;
            int position = offset;
            int userLength = Pop2Quoting.Unquote(buffer, ref position, end, true, s._argument, 0);
            int passwordLength = -1;
            if (userLength > 0 && position < end)
            {
                position++;
                passwordLength = Pop2Quoting.Unquote(buffer, ref position, end, true, s._argument, userLength);
            }

            if (passwordLength <= 0 || position != end)
            {
                Array.Clear(s._argument, 0, s._argument.Length);
                s.Error(s_errSyntax);
                return;
            }

            bool userOk = Pop3ServerSession.SameBytes(s._argument, 0, userLength, s._server.UserBytes);
            bool passwordOk = Pop3ServerSession.SameBytes(s._argument, userLength, passwordLength, s._server.PasswordBytes);
            Array.Clear(s._argument, 0, userLength + passwordLength);
            s.Login(userOk & passwordOk);
        }

        // FOLD mailbox: "If the mailbox is empty or does not exist, the number of messages
        // reported is zero." Only INBOX exists here: any other name gets "#0". ACKD's marks are
        // applied first: "The actual change is made when the mailbox is released at the end of
        // the session or when the client selects another mailbox with the FOLD command."
        internal static void DoFold(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            int position = offset;
            int length = Pop2Quoting.Unquote(buffer, ref position, offset + count, false, s._argument, 0);
            if (length <= 0)
            {
                s.Error(s_errSyntax);
                return;
            }

            if (!s.RemoveMarked())
            {
                s.Error(s_errNotRemoved);
                return;
            }

            s._state = Pop2State.Mbox;
            if (Ascii.EqualsIgnoreCase(s._argument, 0, length, s_inbox))
            {
                s.SelectInbox();
                return;
            }

            s._deleted = new bool[0];
            s._current = 1;
            s.Put(s_noSuchMailbox);
            s.EndLine();
        }

        // READ [nnn]: "If an argument is used with the Read command it is the message number to
        // be read, and this command sets the current message indicator to that value. ... If
        // there is no message to be read, the count of zero is returned. If the message was
        // previously deleted with the ACKD command, the count of zero is returned."
        internal static void DoRead(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            if (count > 0)
            {
                for (int i = 0; i < count; i++)
                {
                    if (!Ascii.IsDigit(buffer[offset + i]))
                    {
                        s.Error(s_errSyntax);   // "<read> = READ [<SP> <number>] <CRLF>"
                        return;
                    }
                }

                long n;
                int past = s._deleted.Length + 1;
                s._current = Ascii.TryParseDecimal(buffer, offset, count, past, out n) ? (int)n : past;
            }

            s.PutLength();
        }

        // RETR: "The server will close the connection if asked to transmit a message of zero
        // characters (i.e., transmit a non-existent message)." The data is the message as
        // stored (RFC 822 form, CRLF line ends): exactly the "=ccc" octets, no terminator.
        internal static void DoRetr(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            if (s.CurrentLength() <= 0)
            {
                s.Error(s_errNoMessage);
                return;
            }

            IFileReader reader = null;
            try
            {
                reader = s._server.Maildrop.OpenMessage(s._current - 1);
            }
            catch (StoreException)
            {
                reader = null;
            }

            if (reader == null)
            {
                s.Error(s_errMaildrop);
                return;
            }

            s._message = reader;
            s._state = Pop2State.Next;
        }

        // ACKS: "The message is kept in the mailbox. The current message indicator is incremented."
        internal static void DoAcks(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            s._current++;
            s.PutLength();
        }

        // ACKD: "Actually, the message is only marked for deletion. ... The current message
        // indicator is incremented."
        internal static void DoAckd(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            s._deleted[s._current - 1] = true;
            s._current++;
            s.PutLength();
        }

        // NACK: "The current message indicator remains the same. The server returns the count of
        // characters in the current message."
        internal static void DoNack(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            s.PutLength();
        }

        // QUIT: ""+ OK" and Close the connection"; the mailbox is released, ACKD's marks applied.
        internal static void DoQuit(Pop2ServerSession s, byte[] buffer, int offset, int count)
        {
            if (!s.RemoveMarked())
            {
                s.Error(s_errNotRemoved);
                return;
            }

            s.Put(s_bye);
            s.EndLine();
            s._closing = true;
            s._state = Pop2State.Done;
        }

        /// <summary>The end of HELO: a failure waits (as POP3's does) and closes; a success locks the maildrop.</summary>
        private void Login(bool ok)
        {
            NanoRelay.Auth.AuthPenalty penalty = _remoteAddress == null ? null : _server.Options.AuthPenalty;
            long now = _server.Clock.MonotonicMilliseconds;
            if (penalty != null && penalty.IsBlocked(_remoteAddress, now))
            {
                Error(s_errPenalized);
                return;
            }

            if (!ok)
            {
                if (penalty != null)
                {
                    penalty.Failed(_remoteAddress, now);
                }

                _server.Clock.Sleep(_server.Options.AuthFailureDelayMilliseconds);
                Error(s_errBadLogin);
                return;
            }

            if (penalty != null)
            {
                penalty.Succeeded(_remoteAddress);
            }

            if (!_server.Maildrop.TryLock())
            {
                Error(s_errInUse);
                return;
            }

            _locked = true;
            _state = Pop2State.Mbox;
            _deadline = _server.Clock.MonotonicMilliseconds + Limits.Pop2IdleTimeoutMs;
            SelectInbox();
        }

        /// <summary>A fresh snapshot of the maildrop, "#NNN" for it, message 1 current.</summary>
        private void SelectInbox()
        {
            int count;
            try
            {
                count = _server.Maildrop.Refresh();
            }
            catch (StoreException)
            {
                Error(s_errMaildrop);
                return;
            }

            _deleted = new bool[count];
            _current = 1;
            Put((byte)'#');
            PutNumber(count);
            Put(s_messagesInMailbox);
            EndLine();
        }

        /// <summary>Removes the messages ACKD marked (POP3's UPDATE, RFC 1939 §6, for POP2); false when one could not be.</summary>
        private bool RemoveMarked()
        {
            bool all = true;
            for (int i = 0; _deleted != null && i < _deleted.Length; i++)
            {
                if (!_deleted[i])
                {
                    continue;
                }

                bool removed;
                try
                {
                    removed = _server.Maildrop.Remove(i);
                }
                catch (StoreException)
                {
                    removed = false;
                }

                all &= removed;
            }

            _deleted = null;
            return all;
        }

        /// <summary>The current message's length: 0 when there is none or ACKD marked it.</summary>
        private long CurrentLength()
        {
            int i = _current - 1;
            return i < 0 || i >= _deleted.Length || _deleted[i] ? 0 : _server.Maildrop.SizeOf(i);
        }

        /// <summary>"=ccc", the reply to READ, ACKS, ACKD and NACK; the state becomes ITEM (server action 6 and 8).</summary>
        private void PutLength()
        {
            _state = Pop2State.Item;
            long length = CurrentLength();
            if (length > 0)
            {
                Put((byte)'=');
                PutNumber(length);
                Put(s_charactersInMessage);
                PutNumber(_current);
            }
            else if (_current >= 1 && _current <= _deleted.Length && _deleted[_current - 1])
            {
                Put(s_messageDeleted);
                PutNumber(_current);
            }
            else
            {
                Put(s_noMoreMessages);
            }

            EndLine();
        }
    }
}

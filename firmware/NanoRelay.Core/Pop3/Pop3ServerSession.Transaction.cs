using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Pop3
{
    /// <summary>The TRANSACTION state (RFC 1939 §5) and the UPDATE state it leaves for at QUIT (§6).</summary>
    public sealed partial class Pop3ServerSession
    {
        private static readonly byte[] s_errNoSuchMessage = Ascii.Bytes("-ERR No such message.");
        private static readonly byte[] s_errMessage = Ascii.Bytes("-ERR message ");
        private static readonly byte[] s_alreadyDeleted = Ascii.Bytes(" already deleted");
        private static readonly byte[] s_errUnreadable = Ascii.Bytes("-ERR [SYS/TEMP] The message cannot be read now.");
        private static readonly byte[] s_errNotRemoved = Ascii.Bytes("-ERR some deleted messages not removed");
        private static readonly byte[] s_messages = Ascii.Bytes(" messages (");
        private static readonly byte[] s_octets = Ascii.Bytes(" octets");
        private static readonly byte[] s_octetsClose = Ascii.Bytes(" octets)");
        private static readonly byte[] s_okMessage = Ascii.Bytes("+OK message ");
        private static readonly byte[] s_deleted = Ascii.Bytes(" deleted");
        private static readonly byte[] s_maildropEmpty = Ascii.Bytes(" (maildrop empty)");
        private static readonly byte[] s_messagesLeft = Ascii.Bytes(" messages left)");

        // RFC 1939 §5: STAT -> "+OK nn mm", deleted messages not counted.
        internal static Pop3Result DoStat(Pop3ServerSession s, Pop3Arguments a)
        {
            s.PutOk();
            s.PutNumber(s.LiveCount());
            s.Put((byte)' ');
            s.PutNumber(s.LiveOctets());
            s.EndLine();
            return Pop3Result.Replied;
        }

        // RFC 1939 §5: LIST [msg]; without an argument a multi-line scan listing.
        internal static Pop3Result DoList(Pop3ServerSession s, Pop3Arguments a)
        {
            return s.Listing(a, ListingList);
        }

        // RFC 1939 §7: UIDL [msg], the same shape as LIST with the unique-id.
        internal static Pop3Result DoUidl(Pop3ServerSession s, Pop3Arguments a)
        {
            return s.Listing(a, ListingUidl);
        }

        // RFC 1939 §5: RETR msg -> "+OK", the message dot-stuffed, ".".
        internal static Pop3Result DoRetr(Pop3ServerSession s, Pop3Arguments a)
        {
            int index;
            if (!s.TryMessage(a, 0, out index))
            {
                return Pop3Result.Failed;
            }

            // RFC 1939 §10: "+OK 120 octets"
            long size = s._server.Maildrop.SizeOf(index);
            if (!s.OpenMessage(index, -1))
            {
                return s.Fail(s_errUnreadable);
            }

            s.PutOk();
            s.PutNumber(size);
            s.Put(s_octets);
            s.EndLine();
            return Pop3Result.Replied;
        }

        // RFC 1939 §7: TOP msg n -> the headers, the blank line, and n lines of the body.
        internal static Pop3Result DoTop(Pop3ServerSession s, Pop3Arguments a)
        {
            int index;
            int lines;
            if (!Ascii.TryParseInt(a.Buffer, a.Offset(1), a.Length(1), out lines) || !StrictNumber(a, 1))
            {
                return Pop3Result.Err;   // "TOP 1 -1", "TOP 1 99999999999"
            }

            if (!s.TryMessage(a, 0, out index))
            {
                return Pop3Result.Failed;
            }

            if (!s.OpenMessage(index, lines))
            {
                return s.Fail(s_errUnreadable);
            }

            return Pop3Result.Ok;
        }

        // RFC 1939 §5: DELE msg marks; "any future reference to the message-number ... generates an error".
        internal static Pop3Result DoDele(Pop3ServerSession s, Pop3Arguments a)
        {
            int index;
            if (!s.TryMessage(a, 0, out index))
            {
                return Pop3Result.Failed;
            }

            s._deleted[index] = true;

            // RFC 1939 §10: "+OK message 1 deleted"
            s.Put(s_okMessage);
            s.PutNumber(index + 1);
            s.Put(s_deleted);
            s.EndLine();
            return Pop3Result.Replied;
        }

        // RFC 1939 §5: NOOP.
        internal static Pop3Result DoNoop(Pop3ServerSession s, Pop3Arguments a)
        {
            return Pop3Result.Ok;
        }

        // RFC 1939 §5: RSET unmarks every message; "+OK maildrop has 2 messages (320 octets)".
        internal static Pop3Result DoRset(Pop3ServerSession s, Pop3Arguments a)
        {
            for (int i = 0; i < s._deleted.Length; i++)
            {
                s._deleted[i] = false;
            }

            s.PutOk();
            s.Put(s_maildropHas, 3, s_maildropHas.Length - 3);
            s.PutCounts();
            s.EndLine();
            return Pop3Result.Replied;
        }

        // RFC 1939 §6: QUIT in TRANSACTION enters UPDATE: the marked messages are removed, the
        // lock released "whether the removal was successful or not".
        internal static Pop3Result DoQuitTransaction(Pop3ServerSession s, Pop3Arguments a)
        {
            s._state = Pop3State.Update;
            IMaildrop maildrop = s._server.Maildrop;
            bool allRemoved = true;
            int left = s._deleted.Length;
            for (int i = 0; i < s._deleted.Length; i++)
            {
                if (!s._deleted[i])
                {
                    continue;
                }

                bool removed;
                try
                {
                    removed = maildrop.Remove(i);
                }
                catch (StoreException)
                {
                    removed = false;
                }

                if (removed)
                {
                    left--;
                }
                else
                {
                    allRemoved = false;
                }
            }

            maildrop.Unlock();
            s._state = Pop3State.Closed;
            s._action = Pop3Action.Close;
            if (!allRemoved)
            {
                return s.Reply(s_errNotRemoved);
            }

            // RFC 1939 §10: "+OK dewey POP3 server signing off (maildrop empty)" / "(2 messages left)"
            s.PutSignOff();
            if (left == 0)
            {
                s.Put(s_maildropEmpty);
            }
            else
            {
                s.Put((byte)' ');
                s.Put((byte)'(');
                s.PutNumber(left);
                s.Put(s_messagesLeft);
            }

            s.EndLine();
            return Pop3Result.Replied;
        }

        private Pop3Result Listing(Pop3Arguments a, int kind)
        {
            if (a.Count == 0)
            {
                // RFC 1939 §10: "+OK 2 messages (320 octets)"; UIDL: "+OK".
                if (kind == ListingList)
                {
                    PutOk();
                    PutNumber(LiveCount());
                    Put(s_messages);
                    PutNumber(LiveOctets());
                    Put(s_octetsClose);
                }
                else
                {
                    Put(s_ok);
                }

                EndLine();
                _listing = kind;
                _listingNext = 0;
                return Pop3Result.Replied;
            }

            int index;
            if (!TryMessage(a, 0, out index))
            {
                return Pop3Result.Failed;
            }

            PutOk();
            PutNumber(index + 1);
            Put((byte)' ');
            if (kind == ListingList)
            {
                PutNumber(_server.Maildrop.SizeOf(index));
            }
            else
            {
                PutAscii(_server.Maildrop.UidOf(index));
            }

            EndLine();
            return Pop3Result.Replied;
        }

        /// <summary>
        /// Parses a message-number strictly (popa3d pop_get_int): digits only, no leading zero,
        /// 1..count, not deleted. On failure the "-ERR" line is written and false returned.
        /// </summary>
        private bool TryMessage(Pop3Arguments a, int argument, out int index)
        {
            index = -1;
            long number;
            if (!StrictNumber(a, argument) || !Ascii.TryParseDecimal(a.Buffer, a.Offset(argument), a.Length(argument), _deleted.Length, out number) || number == 0)
            {
                Put(s_errNoSuchMessage);
                EndLine();
                return false;
            }

            if (_deleted[number - 1])
            {
                Put(s_errMessage);
                PutNumber(number);
                Put(s_alreadyDeleted);
                EndLine();
                return false;
            }

            index = (int)number - 1;
            return true;
        }

        /// <summary>No leading zero ("RETR 01" is not message 1).</summary>
        private static bool StrictNumber(Pop3Arguments a, int argument)
        {
            return a.Length(argument) == 1 || a.Buffer[a.Offset(argument)] != (byte)'0';
        }

        private bool OpenMessage(int index, int topLines)
        {
            IFileReader reader;
            try
            {
                reader = _server.Maildrop.OpenMessage(index);
            }
            catch (StoreException)
            {
                reader = null;
            }

            if (reader == null)
            {
                return false;
            }

            _message = reader;
            _topLines = topLines;
            return true;
        }

        private int LiveCount()
        {
            int n = 0;
            for (int i = 0; i < _deleted.Length; i++)
            {
                if (!_deleted[i])
                {
                    n++;
                }
            }

            return n;
        }

        private long LiveOctets()
        {
            long n = 0;
            for (int i = 0; i < _deleted.Length; i++)
            {
                if (!_deleted[i])
                {
                    n += _server.Maildrop.SizeOf(i);
                }
            }

            return n;
        }

        /// <summary>"N messages (M octets)" for the login and RSET replies.</summary>
        private void PutCounts()
        {
            PutNumber(LiveCount());
            Put(s_messages);
            PutNumber(LiveOctets());
            Put(s_octetsClose);
        }

        private void Put(byte[] bytes, int offset, int count)
        {
            System.Array.Copy(bytes, offset, _out, _outLength, count);
            _outLength += count;
        }
    }
}

using NanoRelay.Framing;
using NanoRelay.Ports;

namespace NanoRelay.Imap.Server
{
    /// <summary>
    /// RFC 9051 §6.3.12 APPEND mailbox [flags] [date-time] literal. The message literal is the
    /// one literal not kept in the command buffer: the driver streams it into the store
    /// (IImapAppend) in fixed chunks, bounded by maxMessageBytes (RFC 7888 §4 [TOOBIG]).
    /// </summary>
    public sealed partial class ImapServerSession
    {
        private static readonly byte[] s_append = Ascii.Bytes("APPEND");
        private static readonly byte[] s_okAppend = Ascii.Bytes("APPEND completed");
        private static readonly byte[] s_noTooBig = Ascii.Bytes("[TOOBIG] The message is larger than this mailbox takes.");
        private static readonly byte[] s_noFull = Ascii.Bytes("[OVERQUOTA] The mailbox is full.");
        private static readonly byte[] s_noAppendFailed = Ascii.Bytes("[SERVERBUG] The message could not be stored.");
        private static readonly byte[] s_badAppendEnd = Ascii.Bytes("Only one message per APPEND (no MULTIAPPEND).");
        private static readonly byte[] s_appendUid = Ascii.Bytes("[APPENDUID ");

        private IImapAppend _append;
        private bool _appendFailed;
        private int _appendFlags;
        private bool _appendInbox;

        // Dispatched only through the literal (see Feed); a bare APPEND without one is BAD.
        internal static ImapResult DoAppend(ImapServerSession s, ImapParser p)
        {
            return ImapResult.Bad;
        }

        /// <summary>Whether the command so far is "tag APPEND mailbox [(flags)] ["date"] {n}": the literal is the message.</summary>
        private bool IsAppendLiteral()
        {
            ImapParser p = _parser;
            p.Reset(_cmd, 0, _cmdLength);
            int o;
            int l;
            if (!p.Tag(out o, out l) || !p.Space() || !p.Keyword(s_append) || !p.Space() || !p.AString(out o, out l) || !p.Space())
            {
                return false;
            }

            _appendInbox = Ascii.EqualsIgnoreCase(_cmd, o, l, s_inbox);
            _appendFlags = 0;
            if (p.Take((byte)'('))
            {
                bool first = true;
                while (!p.Take((byte)')'))
                {
                    if ((!first && !p.Space()) || p.AtEnd)
                    {
                        return false;
                    }

                    first = false;
                    int start = p.Position;
                    p.Take((byte)'\\');
                    int ao;
                    int al;
                    p.Atom(false, out ao, out al);
                    if (p.Position == start)
                    {
                        return false;
                    }

                    int bit = ImapFlags.Parse(_cmd, start, p.Position - start);
                    _appendFlags |= bit > 0 ? bit : 0;
                }

                if (!p.Space())
                {
                    return false;
                }
            }

            if (p.Peek() == '"')
            {
                // date-time: read; the arrival time is the device's own (RFC 9051 §2.3.3 allows it).
                if (!p.Quoted(out o, out l) || !p.Space())
                {
                    return false;
                }
            }

            long n;
            if (!p.Take((byte)'{') || !p.Number(out n))
            {
                return false;
            }

            p.Take((byte)'+');
            return p.Take((byte)'}') && p.AtEnd;
        }

        private void StartAppend(long size, bool nonSync)
        {
            CopyTag(_cmd, 0, _cmdLength);
            _codeLength = 0;
            _cmdDone = true;
            byte[] refusal = null;
            if (_state != ImapState.Authenticated && _state != ImapState.Selected)
            {
                refusal = s_badState;
            }
            else if (!_appendInbox)
            {
                refusal = s_noTryCreate;
            }
            else if (size > _server.Options.MaxMessageBytes)
            {
                refusal = s_noTooBig;
            }
            else
            {
                try
                {
                    _append = _server.Mailbox.BeginAppend(size);
                }
                catch (StoreException)
                {
                    refusal = s_noFull;
                }
            }

            if (refusal != null)
            {
                // A synchronizing literal is never sent; a non-synchronizing one is read and dropped.
                _discardCommand = true;
                DiscardLiteral(size, nonSync);
                if (_action != ImapAction.Close)
                {
                    Tagged(refusal == s_badState ? s_bad : s_no, refusal);
                }

                return;
            }

            _appendFailed = false;
            _literalRemaining = size;
            if (!nonSync)
            {
                Put(s_continueLiteral);
            }
        }

        private void AppendData(byte[] buffer, int offset, int count)
        {
            if (_appendFailed)
            {
                return;
            }

            try
            {
                _append.Write(buffer, offset, count);
            }
            catch (StoreException)
            {
                // Keep reading the literal to stay in step with the client; answer at its end.
                _appendFailed = true;
            }
        }

        /// <summary>The line after the message literal: it must be empty (the end of the command).</summary>
        private void AppendLine(int count, bool hasLiteral)
        {
            IImapAppend append = _append;
            _append = null;
            _cmdDone = true;
            if (count != 0 || _appendFailed)
            {
                append.Abort();
                if (count != 0)
                {
                    _discardCommand = hasLiteral;
                    Tagged(s_bad, s_badAppendEnd);
                    CountBad();
                }
                else
                {
                    No(s_noFull);
                    _work = WorkReport;
                    Continue();
                }

                return;
            }

            long uid;
            try
            {
                uid = append.Commit(_appendFlags);
            }
            catch (StoreException)
            {
                append.Abort();
                No(s_noAppendFailed);
                _work = WorkReport;
                Continue();
                return;
            }

            // RFC 4315 §3 APPENDUID uidvalidity uid.
            _codeLength = 0;
            Code(s_appendUid);
            CodeNumber(_server.Mailbox.UidValidity);
            CodeByte((byte)' ');
            CodeNumber(uid);
            CodeByte((byte)']');
            Ok(s_okAppend);
            _work = WorkReport;
            Continue();
        }
    }
}

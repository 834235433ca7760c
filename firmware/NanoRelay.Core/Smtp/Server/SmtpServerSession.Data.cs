using NanoRelay.Crypto;
using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Smtp.Server
{
    /// <summary>
    /// DATA (RFC 5321 §4.1.1.4): CRLF "." CRLF ends the data, and a bare CR or LF inside a line
    /// never does (§2.3.8: the SMTP smuggling defence). The one exception is a sloppy device's
    /// message whose every line so far ended in a bare LF: there LF "." LF ends it (issue 14), it is
    /// answered at once (550 in reject mode, 250 after normalizing), and the session then serves
    /// only QUIT, so nothing sent after such an end can ever start a transaction. The content
    /// streams into the sink; 250 goes out only after the sink's Commit returned.
    /// </summary>
    public sealed partial class SmtpServerSession
    {
        private IIngressMessage _message;
        private SmtpDataError _dataError;
        private long _dataBytes;       // content octets as stored
        private long _dataReceived;    // octets received since 354 (the data-rate deadline)
        private long _dataStart;
        private bool _lfOnly;          // every data line so far ended in a bare LF (the framer is lenient meanwhile)
        private bool _prevBareLf;      // the line before this one ended in a bare LF

        // RcptTo only, without parameters (SmtpServerCommands.RcptTo; before a recipient §3.3's 554, never 354).
        private void OnData()
        {
            try
            {
                _message = _sink.Begin(_reversePath, _recipients, _recipientCount);
            }
            catch (StoreException e)
            {
                Warn("spool refused a message: " + e.Message);
                Reply(e.IsFull ? SmtpServerReplies.InsufficientStorage : SmtpServerReplies.LocalError);
                return;
            }

            _dataError = SmtpDataError.None;
            _dataBytes = 0;
            _dataReceived = 0;
            _dataStart = _clock.MonotonicMilliseconds;
            WriteReceivedHeader();

            // §4.5.3.1.6: text lines of 1000 octets, plus the dot a sender may have doubled.
            _framer.MaxLine = Limits.SmtpTextLine + 1;
            _framer.BareLfEndsLine = true;
            _lfOnly = true;
            _prevBareLf = false;                                  // "DATA" ended with CRLF
            _state = SmtpServerState.Data;
            _lastInGroup = true;                                  // RFC 2920 §3.1: nothing before 354
            Reply(SmtpServerReplies.StartMailInput);
        }

        private void WriteReceivedHeader()
        {
            byte[] scratch = new byte[ScratchBytes];   // one per message: an idle session keeps none
            _random.NextBytes(scratch, 0, 6);
            Hex.Encode(scratch, 0, 6, scratch, 6);
            string id = Text(scratch, 6, 12);
            string protocol = !_extended ? "SMTP" : _isSecure ? (_authenticated ? "ESMTPSA" : "ESMTPS") : (_authenticated ? "ESMTPA" : "ESMTP");
            try
            {
                ReceivedHeader.Write(_message, scratch, _heloName, _remoteAddress, _options.ServerName, protocol, id, _clock.UtcNow);
            }
            catch (StoreException e)
            {
                FailData(e.IsFull ? SmtpDataError.StoreFull : SmtpDataError.StoreFailed);
            }
        }

        private void OnDataLine(FrameResult r)
        {
            if (r == FrameResult.TooLong)
            {
                if (_lfOnly)
                {
                    // Its line end is unknown (discarded): from here on only CRLF "." CRLF ends the data.
                    _lfOnly = false;
                    _prevBareLf = false;
                    _framer.BareLfEndsLine = false;
                }

                _dataReceived += _framer.MaxLine;
                FailData(SmtpDataError.LineTooLong);
                return;
            }

            byte[] b = _framer.Buffer;
            int o = _framer.LineOffset;
            int n = _framer.LineLength;
            LineFlags flags = _framer.Flags;
            bool lfEnded = _framer.LineEndedByBareLf;
            bool prevLf = _prevBareLf;
            _prevBareLf = lfEnded;
            _dataReceived += n + (lfEnded ? 1 : 2);

            // §4.1.1.4: the end is a line holding exactly "." between two CRLFs; ".\r" (from
            // "\r\n.\r\r\n"), "\0." and ".\0" are not it. LF "." LF is it only in a message
            // whose every line ended in a bare LF: a smuggler's LF "." LF follows CRLF lines (an
            // MTA's own headers at least), and what follows an LF end is never run (Refused).
            if (n == 1 && b[o] == (byte)'.' && flags == LineFlags.None)
            {
                if (!lfEnded && !prevLf)
                {
                    EndOfData(false);
                    return;
                }

                if (lfEnded && _lfOnly)
                {
                    EndOfData(true);
                    return;
                }
            }

            if (!lfEnded && _lfOnly)
            {
                // A CRLF line end: from here on only CRLF "." CRLF ends the data, as for any message.
                _lfOnly = false;
                _framer.BareLfEndsLine = false;
            }

            // §4.5.3.1.6: 1000 octets with the CRLF, not counting a dot the sender doubled.
            if (n + 2 > Limits.SmtpTextLine && b[o] != (byte)'.')
            {
                FailData(SmtpDataError.LineTooLong);
            }

            if ((flags & LineFlags.Nul) != 0)
            {
                FailData(SmtpDataError.Nul);
            }

            bool bare = lfEnded || (flags & (LineFlags.BareCr | LineFlags.BareLf)) != 0;
            if (bare && _options.BareLineEnds == BareLineEnds.Reject)
            {
                FailData(SmtpDataError.BareLineEnd);
            }

            if (_dataError != SmtpDataError.None)
            {
                return;   // keep reading to the real end; nothing more is stored
            }

            if (n > 0 && b[o] == (byte)'.')
            {
                o++;      // §4.5.2: remove the dot the sender doubled
                n--;
            }

            long stored = n + 2;
            if (bare)
            {
                for (int i = o; i < o + n; i++)
                {
                    if (b[i] == (byte)'\r' || b[i] == (byte)'\n')
                    {
                        stored++;   // each bare CR or LF becomes CRLF
                    }
                }
            }

            if (_dataBytes + stored > _options.MaxMessageBytes)
            {
                FailData(SmtpDataError.TooBig);
                return;
            }

            _dataBytes += stored;
            try
            {
                if (bare)
                {
                    WriteNormalized(b, o, n);
                    _message.Write(SmtpServerReplies.Crlf, 0, 2);
                }
                else
                {
                    // The framer's buffer still holds the line's own CRLF right after it: one
                    // write per line (the spool's writer gathers lines into whole file writes).
                    _message.Write(b, o, n + 2);
                }
            }
            catch (StoreException e)
            {
                FailData(e.IsFull ? SmtpDataError.StoreFull : SmtpDataError.StoreFailed);
            }
        }

        // bareLineEnds "normalize": every bare CR or LF inside a line is stored as CRLF.
        private void WriteNormalized(byte[] b, int o, int n)
        {
            int run = o;
            int end = o + n;
            for (int i = o; i < end; i++)
            {
                if (b[i] == (byte)'\r' || b[i] == (byte)'\n')
                {
                    _message.Write(b, run, i - run);
                    _message.Write(SmtpServerReplies.Crlf, 0, 2);
                    run = i + 1;
                }
            }

            _message.Write(b, run, end - run);
        }

        private void FailData(SmtpDataError error)
        {
            if (_dataError == SmtpDataError.None)
            {
                _dataError = error;
                AbortMessage();   // free the spool at once; the data is still read to its end
            }
        }

        private void EndOfData(bool lfEnd)
        {
            _framer.MaxLine = Limits.SmtpCommandLine;
            _framer.BareLfEndsLine = false;
            if (_dataError == SmtpDataError.None)
            {
                try
                {
                    string id = _message.Commit();
                    _message = null;
                    Info("queued " + id + ": <" + _reversePath + "> to " + _recipientCount + " recipient(s), " + _dataBytes + " octets");
                    Reply(SmtpServerReplies.QueuedAs);
                    Append(Ascii.Bytes(id), 0, id.Length);
                    Reply(SmtpServerReplies.Crlf);
                }
                catch (StoreException e)
                {
                    AbortMessage();
                    _dataError = e.IsFull ? SmtpDataError.StoreFull : SmtpDataError.StoreFailed;
                }
            }

            if (_dataError != SmtpDataError.None)
            {
                Warn("message refused: " + DataErrorName(_dataError));
                Reply(DataErrorReply(_dataError));
            }

            ResetTransaction();
            _state = SmtpServerState.Ready;
            if (lfEnd)
            {
                // Answered at once instead of after a 3-minute timeout; but the device's line ends
                // cannot tell its next command from message text, so only QUIT is served now.
                Info("message ended by LF \".\" LF (bare LF line ends only); only QUIT from now on");
                _state = SmtpServerState.Refused;
            }

            _lastInGroup = false;
            CheckSynchronization();
            WaitForCommand();
        }

        private void AbortMessage()
        {
            IIngressMessage m = _message;
            _message = null;
            if (m != null)
            {
                m.Abort();
            }
        }

        private static byte[] DataErrorReply(SmtpDataError error)
        {
            switch (error)
            {
                case SmtpDataError.BareLineEnd:
                    return SmtpServerReplies.BareLineEnd;
                case SmtpDataError.Nul:
                    return SmtpServerReplies.NulInContent;
                case SmtpDataError.LineTooLong:
                    return SmtpServerReplies.LineTooLong;         // §4.5.3.1.9: "500 Line too long"
                case SmtpDataError.TooBig:
                    return SmtpServerReplies.SizeExceeded;        // RFC 1870 §6.1: 552
                case SmtpDataError.StoreFull:
                    return SmtpServerReplies.InsufficientStorage;
                default:
                    return SmtpServerReplies.LocalError;
            }
        }

        private static string DataErrorName(SmtpDataError error)
        {
            switch (error)
            {
                case SmtpDataError.BareLineEnd:
                    return "bare CR or LF in the content";
                case SmtpDataError.Nul:
                    return "NUL in the content";
                case SmtpDataError.LineTooLong:
                    return "a text line over 1000 octets";
                case SmtpDataError.TooBig:
                    return "over maxMessageBytes";
                case SmtpDataError.StoreFull:
                    return "spool full";
                default:
                    return "spool failure";
            }
        }
    }
}

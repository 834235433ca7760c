using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Supervision;

namespace NanoRelay.Storage
{
    /// <summary>
    /// The pump every mailbox protocol shares (POP3, POP2, IMAP): runs a session on a connection until
    /// it ends, frames and feeds command lines, writes the replies, waits for bytes no longer than the
    /// session's deadline, sends bodies through the one copy loop (<see cref="MessageTransfer"/>), and
    /// always ends the session, gives its place under the cap back and closes the connection. A protocol's
    /// driver adds what follows a line (transfers, STLS/STARTTLS, IMAP literals and IDLE).
    /// </summary>
    public abstract class MailboxDriver
    {
        private readonly string _protocol;
        private readonly int _replyRoom;
        private readonly ILog _log;
        private readonly IClock _clock;

        /// <summary>The connection (wrapped for --trace when asked).</summary>
        protected readonly IConnection Connection;

        protected readonly LineFramer Framer;

        private readonly int _chunk;
        private MessageTransfer _transfer;

        /// <summary>
        /// A driver for <paramref name="protocol"/> ("pop3", "pop2", "imap": the log's source); the output is
        /// written out before a line is fed when fewer than <paramref name="replyRoom"/> octets are free.
        /// </summary>
        protected MailboxDriver(string protocol, IConnection connection, LineFramer framer, int chunk, int replyRoom, ILog log, IClock clock)
        {
            _protocol = protocol;
            _replyRoom = replyRoom;
            _log = log;
            _clock = clock;
            Connection = connection;
            Framer = framer;
            _chunk = chunk;
        }

        /// <summary>
        /// The session's place under the server's cap (may be null): released before the last reply
        /// goes out, so the client can reconnect as soon as it has read it; otherwise when the session ends.
        /// </summary>
        public ISessionSlot Slot { get; set; }

        /// <summary>
        /// The board's heap gate (may be null: no limit): a command's transfer waits there for room beside the
        /// other message-sized work before its buffers are made (Limits.MailboxTransferHeapBytes).
        /// </summary>
        public HeapGate Heap { get; set; }

        /// <summary>Serves the connection until the session ends, a timeout or the peer leaves. Never throws for connection or store failures.</summary>
        public void Run()
        {
            IMailboxSession session = Begin();
            try
            {
                // A client that stops reading (a RETR into a full window) must not hold the maildrop (docs/catalogue.md #55).
                Connection.WriteTimeoutMilliseconds = Limits.SessionWriteTimeoutMs;
                session.Start();
                while (Step())
                {
                }
            }
            catch (ConnectionException e)
            {
                Log(LogLevel.Info, "connection from " + Connection.RemoteAddress + " lost: " + e.Message);
            }
            catch (StoreException e)
            {
                Log(LogLevel.Warning, "mailbox failed during a transfer: " + e.Message);
            }
            finally
            {
                TransferDone();
                session.End();
                ReleaseSlot();
                Connection.Close();
            }
        }

        /// <summary>
        /// The body copy loop, reading <c>chunk</c> octets at a time: made by the first transfer of a
        /// command and dropped by <see cref="TransferDone"/>, so an idle session keeps no copy buffers
        /// (about 1.6 KB on the device's heap per session; one allocation per command, never per line).
        /// The first one of a command waits for the heap gate (<see cref="Heap"/>).
        /// </summary>
        protected MessageTransfer Transfer
        {
            get
            {
                if (_transfer == null)
                {
                    if (Heap != null && !Heap.Enter(Limits.MailboxTransferHeapBytes))
                    {
                        Log(LogLevel.Info, "transfer started after waiting " + Heap.WaitMs + " ms for the heap gate (" + Heap.InUse + " bytes of work running)");
                    }

                    try
                    {
                        _transfer = new MessageTransfer(_chunk);
                    }
                    catch (System.OutOfMemoryException)
                    {
                        if (Heap != null)
                        {
                            Heap.Exit(Limits.MailboxTransferHeapBytes);   // no buffers, no share
                        }

                        throw;
                    }
                }

                return _transfer;
            }
        }

        /// <summary>The command's transfers are over: the copy buffers go back to the heap, and their share of the gate.</summary>
        protected void TransferDone()
        {
            if (_transfer != null)
            {
                _transfer = null;
                if (Heap != null)
                {
                    Heap.Exit(Limits.MailboxTransferHeapBytes);
                }
            }
        }

        /// <summary>Creates the protocol's session on <see cref="Connection"/>.</summary>
        protected abstract IMailboxSession Begin();

        /// <summary>One line read and handled, or one wait for bytes; false when the session is over.</summary>
        protected abstract bool Step();

        /// <summary>Feeds the next framed line (or the report of an over-long one); false when more bytes are needed.</summary>
        protected bool FeedLine(IMailboxSession session)
        {
            FrameResult r = Framer.TryTakeLine();
            if (r == FrameResult.NeedMore)
            {
                return false;
            }

            if (session.OutputFree < _replyRoom)
            {
                Flush(session);
            }

            if (r == FrameResult.Line)
            {
                session.Feed(Framer.Buffer, Framer.LineOffset, Framer.LineLength, Framer.Flags);
            }
            else
            {
                session.FeedTooLong();
            }

            return true;
        }

        /// <summary>
        /// Writes pending replies, then waits for bytes until the session's deadline, at most <paramref name="maxWait"/> ms:
        /// the bytes read, ConnectionRead.TimedOut when the wait ended first, ConnectionRead.Closed when the peer left or
        /// the deadline had passed (then the session has said goodbye and ended: the autologout timer of each protocol).
        /// </summary>
        protected int ReadUntilDeadline(IMailboxSession session, long maxWait)
        {
            Flush(session);
            long wait = session.Deadline - _clock.MonotonicMilliseconds;
            if (wait <= 0)
            {
                session.TimedOut();
                Finish(session);
                return ConnectionRead.Closed;
            }

            return Framer.ReadFrom(Connection, wait < maxWait ? wait : maxWait);
        }

        /// <summary>The last reply: the session ends (lock released) and the place under the cap is free before the client reads it. Returns false.</summary>
        protected bool Finish(IMailboxSession session)
        {
            session.End();
            ReleaseSlot();
            Flush(session);
            return false;
        }

        protected void Flush(IMailboxSession session)
        {
            if (session.OutputLength > 0)
            {
                Connection.Write(session.Output, 0, session.OutputLength);
                session.ClearOutput();
            }
        }

        protected void Log(LogLevel level, string message)
        {
            _log.Write(level, _protocol, message);
        }

        private void ReleaseSlot()
        {
            if (Slot != null)
            {
                Slot.Release();
            }
        }
    }
}

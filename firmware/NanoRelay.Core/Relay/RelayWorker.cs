using NanoRelay.Framing;
using NanoRelay.Ports;
using NanoRelay.Smtp;
using NanoRelay.Storage;
using NanoRelay.Supervision;

namespace NanoRelay.Relay
{
    /// <summary>
    /// Moves due spool entries on: to the upstream through <see cref="IUpstream"/>, or, with no
    /// upstream configured, into the device mailbox (the embedded default). Retries with
    /// exponential backoff on the monotonic clock, bounces into the mailbox what is refused for
    /// good or outlives its lifetime, and holds the queue while the wall clock is untrusted.
    /// </summary>
    public sealed class RelayWorker
    {
        private const string Source = "relay";

        private readonly Spool _spool;
        private readonly Mailbox _mailbox;
        private readonly IUpstream _upstream;
        private readonly IClock _clock;
        private readonly RetryPolicy _policy;
        private readonly ILog _log;
        private readonly BounceWriter _bounces;
        private readonly RelayCounters _counters = new RelayCounters();
        private const int CopyBytes = 512;   // local delivery's copy buffer, one per message (an idle worker keeps none)
        private readonly object _sync = new object();
        private long _blockedUntil = -1;
        private bool _held;
        private bool _mailboxFull;
        private bool _roomNotice;
        private bool _heapHeld;        // the round's share of the heap gate, held while its upstream session is open
        private int _deferralsAtEntry; // the gate's Deferrals when it was taken: a change means others want the heap

        /// <summary>A worker; <paramref name="upstream"/> null means local delivery into <paramref name="mailbox"/>.</summary>
        public RelayWorker(Spool spool, Mailbox mailbox, IUpstream upstream, IClock clock, IRandom random, RetryPolicy policy, string host, ILog log)
        {
            _spool = spool;
            _mailbox = mailbox;
            _upstream = upstream;
            _clock = clock;
            _policy = policy;
            _log = log;
            _bounces = new BounceWriter(host, random);

            // RFC 1047: an attempt a reboot interrupted may have reached the upstream.
            _counters.Ambiguous = spool.FoundInFlight;
            if (mailbox != null)
            {
                mailbox.Removed += new System.EventHandler(OnMailboxRemoved);
            }
        }

        public RelayCounters Counters { get { return _counters; } }

        /// <summary>True while the queue is held because the wall clock is untrusted.</summary>
        public bool IsHeld { get { return _held; } }

        /// <summary>True while a delivery into the mailbox waits for room (the mailbox holds its maximum of messages or bytes).</summary>
        public bool IsMailboxFull { get { return _mailboxFull; } }

        /// <summary>The last failure the worker itself decided (one line), or null: "mailbox full: ...".</summary>
        public string LastError { get; private set; }

        /// <summary>The mailbox local delivery and bounces go to (null: none).</summary>
        public Mailbox Mailbox { get { return _mailbox; } }

        /// <summary>
        /// The board's heap gate (may be null: no limit): a round starts only when its share fits
        /// (Limits.RelayRoundHeapBytes; else it waits for the scheduler's next step, nothing attempted), and it
        /// ends after the message it is sending when a session or an alert was kept waiting for the heap.
        /// </summary>
        public HeapGate Heap { get; set; }

        /// <summary>Rounds not started because the heap gate was full.</summary>
        public int HeapDeferrals { get; private set; }

        // The mailbox has room again (a POP3 session deleted messages): what waits on a full mailbox
        // is due at the next round instead of after its backoff. The spool is touched only by the
        // worker's own round.
        private void OnMailboxRemoved(object sender, System.EventArgs e)
        {
            lock (_sync)
            {
                _roomNotice = true;
            }
        }

        /// <summary>
        /// Processes every entry due now, earliest first, until none is due, the upstream is
        /// unreachable, or the clock is untrusted. Returns how many entries were attempted.
        /// </summary>
        public int RunDue()
        {
            return RunDue(int.MaxValue);
        }

        /// <summary>
        /// As <see cref="RunDue()"/>, but stops after <paramref name="maxEntries"/> attempts, so a
        /// caller can show a sign of life between messages (the device's watchdog heartbeat).
        /// </summary>
        public int RunDue(int maxEntries)
        {
            bool room;
            lock (_sync)
            {
                room = _roomNotice;
                _roomNotice = false;
            }

            if (room && _mailboxFull)
            {
                _spool.MakeDue(false);
            }

            // One upstream session carries the round (SmtpUpstream caps it per session); it stays
            // open between calls only when this one stopped at maxEntries with more possibly due.
            int attempted = 0;
            bool more = false;
            try
            {
                more = RunRound(maxEntries, ref attempted);
            }
            finally
            {
                // Others waited for the heap while this round held it: the round ends here and they go first.
                bool giveWay = _heapHeld && Heap.Deferrals != _deferralsAtEntry;
                if ((!more || giveWay) && _upstream != null)
                {
                    // QUIT only now: every outcome is on flash (RFC 1047's window stays local).
                    _upstream.EndSession();
                }

                if (_heapHeld && (!more || giveWay))
                {
                    _heapHeld = false;
                    Heap.Exit(Limits.RelayRoundHeapBytes);
                }
            }

            return attempted;
        }

        // Returns true when it stopped only because maxEntries were attempted.
        private bool RunRound(int maxEntries, ref int attempted)
        {
            while (true)
            {
                if (attempted >= maxEntries)
                {
                    return true;
                }

                if (_upstream != null)
                {
                    // Held, not dated: without a trusted clock no certificate can be checked and
                    // no Date trusted; nothing is attempted, nothing counts as an attempt.
                    if (!_clock.IsUtcTrusted)
                    {
                        if (!_held)
                        {
                            _held = true;
                            _counters.Held++;
                            Log(LogLevel.Info, "queue held: the wall clock is not trusted yet");
                        }

                        return false;
                    }

                    _held = false;
                    if (_blockedUntil >= 0 && _clock.MonotonicMilliseconds < _blockedUntil)
                    {
                        return false;
                    }
                }

                if (Heap != null && !_heapHeld)
                {
                    if (_spool.NextDueIn() != 0)
                    {
                        return false;
                    }

                    if (!Heap.TryEnter(Limits.RelayRoundHeapBytes))
                    {
                        HeapDeferrals++;   // nothing attempted: the scheduler's next step tries again
                        return false;
                    }

                    _heapHeld = true;
                    _deferralsAtEntry = Heap.Deferrals;
                }

                SpoolEntry e = _spool.NextDue();
                if (e == null)
                {
                    return false;
                }

                attempted++;
                bool stop = _upstream == null ? DeliverLocally(e) : Forward(e);
                if (stop)
                {
                    return false;
                }
            }
        }

        /// <summary>
        /// Milliseconds until <see cref="RunDue()"/> would attempt an entry: 0 when one is due now,
        /// -1 when nothing is queued or the queue is held (the wall clock is untrusted). An
        /// unreachable upstream (RFC 5321 §4.5.4.1) keeps the whole queue waiting until its backoff ends.
        /// </summary>
        public long NextAttemptIn()
        {
            long due = _spool.NextDueIn();
            if (due < 0 || _upstream == null)
            {
                return due;
            }

            if (!_clock.IsUtcTrusted)
            {
                return -1;
            }

            long blocked = _blockedUntil < 0 ? 0 : _blockedUntil - _clock.MonotonicMilliseconds;
            return blocked > due ? blocked : due;
        }

        /// <summary>The network came back: everything queued is due now (in RAM only) and the upstream is tried again.</summary>
        public void NetworkUp()
        {
            _blockedUntil = -1;
            _spool.MakeDue(false);
        }

        // Returns true when the round should stop (the upstream is unreachable or the clock untrusted).
        private bool Forward(SpoolEntry e)
        {
            // RFC 5321 §4.5.1: "postmaster" is this relay's own mailbox, never the upstream's.
            int local = 0;
            for (int i = 0; i < e.Recipients.Length; i++)
            {
                if (e.RecipientStates[i] == RecipientState.Pending && IsPostmaster(e.Recipients[i]))
                {
                    local++;
                }
            }

            if (local > 0)
            {
                string problem = IntoMailbox(e, e.Key + ":postmaster");
                if (problem == null)
                {
                    for (int i = 0; i < e.Recipients.Length; i++)
                    {
                        if (e.RecipientStates[i] == RecipientState.Pending && IsPostmaster(e.Recipients[i]))
                        {
                            e.RecipientStates[i] = RecipientState.Delivered;
                        }
                    }

                    _counters.DeliveredLocally++;
                    local = 0;
                    if (e.PendingCount == 0)
                    {
                        _spool.Complete(e);
                        return false;
                    }

                    _spool.Save(e);
                }
                else if (e.PendingCount == local)
                {
                    e.Attempts++;
                    _spool.Defer(e, problem, _policy.DelayAfter(e.Attempts));
                    _counters.Deferred++;
                    return false;
                }
            }

            int pending = e.PendingCount - local;
            int[] map = new int[pending];
            string[] recipients = new string[pending];
            for (int i = 0, k = 0; i < e.Recipients.Length; i++)
            {
                if (e.RecipientStates[i] == RecipientState.Pending && (local == 0 || !IsPostmaster(e.Recipients[i])))
                {
                    map[k] = i;
                    recipients[k++] = e.Recipients[i];
                }
            }

            // Written before a byte goes out: a reboot then knows this attempt may have been sent.
            _spool.BeginAttempt(e);
            UpstreamResult r = _upstream.Send(new OutboundMessage(_spool, e, recipients));

            if (r.Ambiguous)
            {
                // RFC 1047: the message may have arrived; it is retried with the same Message-ID.
                e.Ambiguous++;
                _counters.Ambiguous++;
                Log(LogLevel.Warning, "connection lost after the final dot for entry " + e.Id.ToString() + " (" + e.MessageId + "): retrying, a duplicate is possible");
            }

            int failedCount = 0;
            int[] failed = new int[pending];
            bool anyAccepted = false;
            for (int k = 0; k < pending; k++)
            {
                int i = map[k];
                RecipientState o = RecipientState.Pending;
                string reply = r.Reply;
                if (r.Failure == SmtpFailure.None)
                {
                    o = r.Outcomes == null ? RecipientState.Delivered : r.Outcomes[k];
                    if (r.Replies != null && r.Replies[k] != null)
                    {
                        reply = r.Replies[k];
                    }
                }
                else if (r.Failure == SmtpFailure.Permanent)
                {
                    o = RecipientState.Failed;
                }

                e.RecipientReplies[i] = reply;
                if (o == RecipientState.Delivered)
                {
                    e.RecipientStates[i] = RecipientState.Delivered;
                    anyAccepted = true;
                }
                else if (o == RecipientState.Failed)
                {
                    failed[failedCount++] = i;
                }
            }

            string error = r.Failure == SmtpFailure.None ? LastTransientReply(e, r) : Describe(r);
            long now = _clock.MonotonicMilliseconds;
            bool expired = false;
            if (e.PendingCount - failedCount > 0 && e.AgeMs(now) >= _policy.LifetimeMs)
            {
                // RFC 5321 §4.5.4.1: give up after the lifetime; every recipient left is bounced.
                expired = true;
                for (int i = 0; i < e.Recipients.Length; i++)
                {
                    if (e.RecipientStates[i] == RecipientState.Pending && !Contains(failed, failedCount, i))
                    {
                        failed[failedCount++] = i;
                    }
                }
            }

            if (failedCount > 0)
            {
                Bounce(e, Trim(failed, failedCount), expired);
            }

            if (e.PendingCount == 0)
            {
                _spool.Complete(e);
                if (anyAccepted)
                {
                    _counters.Sent++;
                }

                return false;
            }

            long wait = _policy.DelayAfter(e.Attempts);
            _spool.Defer(e, error, wait);
            _counters.Deferred++;
            Log(LogLevel.Info, "entry " + e.Id.ToString() + " deferred: " + error);
            if (r.Failure == SmtpFailure.Connection || r.Failure == SmtpFailure.TlsRequired || r.Failure == SmtpFailure.Authentication)
            {
                // RFC 5321 §4.5.4.1: an unreachable host is remembered; the rest of the queue waits with it.
                _blockedUntil = now + wait;
                return true;
            }

            return false;
        }

        // The embedded default: no upstream, so the queue drains into the device mailbox.
        private bool DeliverLocally(SpoolEntry e)
        {
            string problem = IntoMailbox(e, e.Key);
            if (problem != null)
            {
                e.Attempts++;
                _spool.Defer(e, problem, _policy.DelayAfter(e.Attempts));
                _counters.Deferred++;
                return false;
            }

            for (int i = 0; i < e.RecipientStates.Length; i++)
            {
                e.RecipientStates[i] = RecipientState.Delivered;
            }

            _spool.Complete(e);
            _counters.DeliveredLocally++;
            return false;
        }

        // Final delivery of the entry's content into the mailbox under the key (once: a reboot that
        // repeats the step finds it there). Returns null when delivered, else why it waits.
        private string IntoMailbox(SpoolEntry e, string key)
        {
            if (_mailbox.Contains(key))
            {
                return null;
            }

            MailboxDelivery d = null;
            IFileReader r = null;
            try
            {
                r = _spool.OpenContent(e);
                if (r == null)
                {
                    // Recovery checked the content; a file gone since is a store fault, not a message to deliver empty.
                    return "content missing";
                }

                d = _mailbox.BeginDelivery(key);
                WriteReturnPath(d, e.Sender);
                byte[] copy = new byte[CopyBytes];
                int n;
                while ((n = r.Read(copy, 0, copy.Length)) > 0)
                {
                    d.Write(copy, 0, n);
                }

                d.Commit();
            }
            catch (StoreException x)
            {
                if (d != null)
                {
                    d.Abort();
                }

                if (!x.IsFull)
                {
                    throw;
                }

                return MailboxIsFull(e);
            }
            finally
            {
                if (r != null)
                {
                    r.Close();
                }
            }

            if (_mailboxFull)
            {
                _mailboxFull = false;
                Log(LogLevel.Info, "mailbox has room again: delivering");
            }

            return null;
        }

        // Logged once per episode, and kept as the worker's last error for the status everyone reads.
        private string MailboxIsFull(SpoolEntry e)
        {
            string problem = "mailbox full (" + _mailbox.Store.Count.ToString() + " messages, " + _mailbox.Store.UsedBytes.ToString()
                + " bytes): delete messages over POP3 to make room";
            LastError = problem;
            if (!_mailboxFull)
            {
                _mailboxFull = true;
                Log(LogLevel.Error, problem + "; entry " + e.Id.ToString() + " and the rest wait");
            }

            return "mailbox full";
        }

        // RFC 5321 §4.4: "When the delivery SMTP server makes the \"final delivery\" of a message,
        // it inserts a return-path line at the beginning of the mail data."
        private static void WriteReturnPath(MailboxDelivery d, string sender)
        {
            byte[] b = Utf8.GetBytes("Return-Path: <" + sender + ">\r\n");
            d.Write(b, 0, b.Length);
        }

        // RFC 5321 §4.5.1: the reserved mailbox name, case-insensitive, without a domain.
        private static bool IsPostmaster(string recipient)
        {
            return recipient.Length == 10 && recipient.ToLower() == "postmaster";
        }

        private void Bounce(SpoolEntry e, int[] failed, bool expired)
        {
            for (int i = 0; i < failed.Length; i++)
            {
                e.RecipientStates[failed[i]] = RecipientState.Failed;
            }

            // RFC 5321 §4.5.5: a message with the null reverse-path is never answered by a bounce.
            if (e.Sender.Length == 0)
            {
                _counters.DroppedWithoutBounce++;
                Log(LogLevel.Warning, "entry " + e.Id.ToString() + " failed; null sender, no bounce");
                return;
            }

            // The key names the entry and the set of recipients, so a reboot that repeats this
            // step finds the bounce already there instead of writing a second one.
            Crc32 c = new Crc32();
            byte[] idx = new byte[1];
            for (int i = 0; i < failed.Length; i++)
            {
                idx[0] = (byte)failed[i];
                c.Update(idx, 0, 1);
            }

            string key = "bounce:" + e.Key + ":" + c.Value.ToString();
            if (_mailbox.Contains(key))
            {
                return;
            }

            MailboxDelivery d = null;
            try
            {
                d = _mailbox.BeginDelivery(key);
                WriteReturnPath(d, string.Empty);   // RFC 3464 §2: a notification's reverse-path is null
                _bounces.Write(d, _spool, e, failed, expired, _clock.UtcNow);
                d.Commit();
                _counters.Bounces++;
            }
            catch (StoreException x)
            {
                if (d != null)
                {
                    d.Abort();
                }

                if (!x.IsFull)
                {
                    throw;
                }

                _counters.DroppedWithoutBounce++;
                Log(LogLevel.Error, "entry " + e.Id.ToString() + " failed; the mailbox is full, the bounce is lost");
            }
        }

        private static string LastTransientReply(SpoolEntry e, UpstreamResult r)
        {
            for (int i = 0; i < e.Recipients.Length; i++)
            {
                if (e.RecipientStates[i] == RecipientState.Pending)
                {
                    return "some recipients deferred: " + e.RecipientReplies[i];
                }
            }

            return r.Reply;
        }

        private static string Describe(UpstreamResult r)
        {
            string c;
            switch (r.Failure)
            {
                case SmtpFailure.Connection: c = "connection"; break;
                case SmtpFailure.Protocol: c = "protocol"; break;
                case SmtpFailure.Transient: c = "transient"; break;
                case SmtpFailure.Permanent: c = "permanent"; break;
                case SmtpFailure.Authentication: c = "authentication"; break;
                case SmtpFailure.TlsRequired: c = "tls required"; break;
                default: c = "failure"; break;
            }

            return (r.Ambiguous ? "ambiguous " : string.Empty) + c + ": " + r.Reply;
        }

        private static bool Contains(int[] a, int count, int v)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[i] == v)
                {
                    return true;
                }
            }

            return false;
        }

        private static int[] Trim(int[] a, int count)
        {
            int[] t = new int[count];
            System.Array.Copy(a, t, count);
            return t;
        }

        private void Log(LogLevel level, string message)
        {
            if (_log != null)
            {
                _log.Write(level, Source, message);
            }
        }
    }
}

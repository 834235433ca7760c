using NanoRelay.Alerts;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Storage;
using NanoRelay.Supervision;

namespace NanoRelay.Relay
{
    /// <summary>
    /// Turns the rule engine's alerts into queued mail: an ordinary alert through the MIME writer,
    /// a flap digest through the digest writer, each streamed into a spool entry that is
    /// acknowledged only once durable. While the wall clock is untrusted an alert is not dated:
    /// it is kept in RAM (bounded) and spooled once the clock is set. An alert whose writing runs out
    /// of memory is kept the same way and tried again (<see cref="FlushHeld"/>): on the nanoCLR an
    /// object allocation that finds the free heap in pieces throws OutOfMemoryException and schedules a
    /// compaction for the next safe point (nf-interpreter CLR_RT_ExecutionEngine::ExtractHeapBlocks), so
    /// the same write a moment later usually fits.
    /// </summary>
    public sealed class AlertSpooler : IAlertSink
    {
        private const int HeldMax = 16;

        private readonly Spool _spool;
        private readonly IClock _clock;
        private readonly IRandom _random;
        private readonly ILog _log;
        private readonly string _device;
        private readonly string _from;
        private readonly string[] _to;
        private readonly object _sync = new object();
        private AlertMessage[] _held;   // made by the first alert held while the clock is untrusted, dropped once spooled
        private int _heldCount;

        public AlertSpooler(Spool spool, IClock clock, IRandom random, ILog log, string device, string from, string[] to)
        {
            _spool = spool;
            _clock = clock;
            _random = random;
            _log = log;
            _device = device;
            _from = from;
            _to = to;
        }

        /// <summary>
        /// The board's heap gate (may be null: no limit): an alert is written only when its share fits
        /// (Limits.AlertHeapBytes); else it is held, as for a lack of memory, and written at a later relay step.
        /// </summary>
        public HeapGate Heap { get; set; }

        /// <summary>Alerts queued so far.</summary>
        public int Queued { get; private set; }

        /// <summary>Alerts dropped (the spool was full, or more than could be held without a clock).</summary>
        public int Dropped { get; private set; }

        /// <summary>The last failure, or null.</summary>
        public string LastError { get; private set; }

        /// <summary>Alerts kept in RAM: raised while the clock was untrusted, or out of memory while written.</summary>
        public int HeldCount
        {
            get
            {
                lock (_sync)
                {
                    return _heldCount;
                }
            }
        }

        public void Raise(AlertMessage message)
        {
            lock (_sync)
            {
                if (!_clock.IsUtcTrusted)
                {
                    Hold(message);
                    return;
                }

                FlushHeld();
                if (_heldCount > 0)
                {
                    Hold(message);   // behind those still held, so the order stays
                    return;
                }

                Queue(message);
            }
        }

        /// <summary>Spools the held alerts, in order, once the clock is trusted; stops at one that runs out of memory again.</summary>
        public void FlushHeld()
        {
            lock (_sync)
            {
                if (!_clock.IsUtcTrusted || _heldCount == 0)
                {
                    return;
                }

                AlertMessage[] held = _held;
                int count = _heldCount;
                _held = null;
                _heldCount = 0;
                for (int i = 0; i < count; i++)
                {
                    if (!Queue(held[i]))
                    {
                        for (int j = i + 1; j < count; j++)
                        {
                            Hold(held[j]);   // behind the one held again, so the order stays
                        }

                        return;
                    }
                }
            }
        }

        private void Hold(AlertMessage message)
        {
            if (_heldCount == HeldMax)
            {
                Dropped++;
                LastError = "alert dropped: " + HeldMax + " alerts are already held (clock untrusted or out of memory)";
                _log.Write(LogLevel.Warning, "alerts", LastError);
                return;
            }

            if (_held == null)
            {
                _held = new AlertMessage[HeldMax];
            }

            _held[_heldCount++] = message;
        }

        // Spools one alert; false when the heap gate or the heap had no room and it is held to be tried again
        // (anything else that fails it is counted as dropped, with the reason).
        private bool Queue(AlertMessage message)
        {
            HeapGate heap = Heap;
            if (heap != null && !heap.TryEnter(Limits.AlertHeapBytes))
            {
                Hold(message);
                LastError = "alert held: message transfers have the heap; written at a later relay step";
                return false;
            }

            try
            {
                return SpoolOne(message);
            }
            finally
            {
                if (heap != null)
                {
                    heap.Exit(Limits.AlertHeapBytes);
                }
            }
        }

        private bool SpoolOne(AlertMessage message)
        {
            StoreWriter entry = null;
            try
            {
                string messageId = MessageId.Create(_random, _clock, _device, MessageId.DomainOf(_from));
                try
                {
                    entry = _spool.Begin(OutgoingMessage.AddrSpec(_from), _to, messageId);
                }
                catch (StoreException e)
                {
                    Fail("alert not queued: " + e.Message);
                    return true;
                }

                if (!Write(message, messageId, entry))
                {
                    return true;
                }

                entry.Commit();
                Queued++;
                _log.Write(LogLevel.Info, "alerts", "queued " + messageId + ": " + message.Subject);
            }
            catch (StoreException e)
            {
                entry.Abort();
                Fail("alert not queued: " + e.Message);
            }
            catch (System.OutOfMemoryException)
            {
                if (entry != null)
                {
                    entry.Abort();
                }

                Hold(message);
                LastError = "alert held: out of memory while writing it; tried again on the next relay step";
                _log.Write(LogLevel.Warning, "alerts", LastError);
                return false;
            }

            return true;
        }

        // Writes the message into the entry; false (entry aborted, reason counted) when the MIME writer refuses it.
        private bool Write(AlertMessage message, string messageId, StoreWriter entry)
        {
            if (message.Kind == AlertEventKind.Digest)
            {
                string idLeft = messageId.Substring(1, messageId.IndexOf('@') - 1);
                new AlertDigestWriter().WriteMessage(entry, message, _from, _to, _clock.UtcNow, idLeft);
                return true;
            }

            OutgoingMessage mail = new OutgoingMessage();
            mail.From = _from;
            mail.To = _to;
            mail.Subject = message.Subject;
            mail.BodyText = message.Body;
            mail.MessageId = messageId;
            mail.Keywords = new string[] { "alert", message.RuleName };
            NanoRelay.Mime.MessageWriter writer = new NanoRelay.Mime.MessageWriter(_clock, _random);
            MimeWriteResult r = writer.Write(mail, entry);
            if (r != MimeWriteResult.Written)
            {
                entry.Abort();
                Fail("alert not queued: " + writer.Error);
                return false;
            }

            return true;
        }

        private void Fail(string error)
        {
            Dropped++;
            LastError = error;
            _log.Write(LogLevel.Warning, "alerts", error);
        }
    }
}

using NanoRelay.Alerts;
using NanoRelay.Mime;
using NanoRelay.Ports;
using NanoRelay.Storage;

namespace NanoRelay.Relay
{
    /// <summary>
    /// Turns the rule engine's alerts into queued mail: an ordinary alert through the MIME writer,
    /// a flap digest through the digest writer, each streamed into a spool entry that is
    /// acknowledged only once durable. While the wall clock is untrusted an alert is not dated:
    /// it is kept in RAM (bounded) and spooled once the clock is set.
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

        /// <summary>Alerts queued so far.</summary>
        public int Queued { get; private set; }

        /// <summary>Alerts dropped (the spool was full, or more than could be held without a clock).</summary>
        public int Dropped { get; private set; }

        /// <summary>The last failure, or null.</summary>
        public string LastError { get; private set; }

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
                Queue(message);
            }
        }

        /// <summary>Spools alerts held while the clock was untrusted (call when it becomes trusted).</summary>
        public void FlushHeld()
        {
            lock (_sync)
            {
                if (!_clock.IsUtcTrusted)
                {
                    return;
                }

                for (int i = 0; i < _heldCount; i++)
                {
                    Queue(_held[i]);
                    _held[i] = null;
                }

                _heldCount = 0;
                _held = null;
            }
        }

        private void Hold(AlertMessage message)
        {
            if (_heldCount == HeldMax)
            {
                Dropped++;
                LastError = "alert dropped: the clock is untrusted and " + HeldMax + " alerts are already held";
                _log.Write(LogLevel.Warning, "alerts", LastError);
                return;
            }

            if (_held == null)
            {
                _held = new AlertMessage[HeldMax];
            }

            _held[_heldCount++] = message;
        }

        private void Queue(AlertMessage message)
        {
            string messageId = MessageId.Create(_random, _clock, _device, MessageId.DomainOf(_from));
            StoreWriter entry;
            try
            {
                entry = _spool.Begin(OutgoingMessage.AddrSpec(_from), _to, messageId);
            }
            catch (StoreException e)
            {
                Fail("alert not queued: " + e.Message);
                return;
            }

            try
            {
                if (message.Kind == AlertEventKind.Digest)
                {
                    string idLeft = messageId.Substring(1, messageId.IndexOf('@') - 1);
                    new AlertDigestWriter().WriteMessage(entry, message, _from, _to, _clock.UtcNow, idLeft);
                }
                else
                {
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
                        return;
                    }
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
        }

        private void Fail(string error)
        {
            Dropped++;
            LastError = error;
            _log.Write(LogLevel.Warning, "alerts", error);
        }
    }
}

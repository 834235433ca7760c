using System.Collections;
using NanoRelay.Alerts;
using NanoRelay.Ports;

namespace NanoRelay.Testing
{
    /// <summary>An alert sink that keeps every message and the clock time it was handed over.</summary>
    public sealed class RecordingAlertSink : IAlertSink
    {
        private readonly ArrayList _messages = new ArrayList();
        private readonly ArrayList _sentAt = new ArrayList();
        private readonly IClock _clock;

        public RecordingAlertSink()
            : this(null)
        {
        }

        /// <summary>A sink that also notes <paramref name="clock"/>'s monotonic time at each Raise.</summary>
        public RecordingAlertSink(IClock clock)
        {
            _clock = clock;
        }

        public int Count { get { lock (_messages) { return _messages.Count; } } }

        public void Raise(AlertMessage message)
        {
            lock (_messages)
            {
                _messages.Add(message);
                _sentAt.Add(_clock == null ? message.MonotonicMilliseconds : _clock.MonotonicMilliseconds);
            }
        }

        public AlertMessage this[int index] { get { lock (_messages) { return (AlertMessage)_messages[index]; } } }

        /// <summary>When message <paramref name="index"/> was raised (the clock's time, else the message's own).</summary>
        public long SentAt(int index)
        {
            lock (_messages)
            {
                return (long)_sentAt[index];
            }
        }

        public void Clear()
        {
            lock (_messages)
            {
                _messages.Clear();
                _sentAt.Clear();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using NanoRelay.Relay;
using NanoRelay.Tests.Storage;

namespace NanoRelay.Tests.Relay
{
    /// <summary>
    /// An upstream that records every message it was asked to send (envelope and exact bytes)
    /// and answers from a script: a function of the message, or "all accepted".
    /// </summary>
    public sealed class FakeUpstream : IUpstream
    {
        public sealed record Sent(string Sender, string[] Recipients, string MessageId, byte[] Content, int Attempt);

        public List<Sent> Log { get; } = new();

        /// <summary>The reply for the next send; null accepts every recipient.</summary>
        public Func<OutboundMessage, UpstreamResult> Script { get; set; }

        /// <summary>Runs before the content is read (a power cut armed here lands mid-attempt).</summary>
        public Action BeforeSend { get; set; }

        public UpstreamResult Send(OutboundMessage message)
        {
            BeforeSend?.Invoke();
            byte[] content = PowerCut.ReadAll(message.OpenContent());
            Log.Add(new Sent(message.Sender, message.Recipients, message.MessageId, content, message.Attempt));
            return Script == null ? UpstreamResult.Accepted(message.Recipients.Length, "250 2.0.0 queued") : Script(message);
        }

        /// <summary>Sessions the worker ended (one per Send).</summary>
        public int SessionsEnded { get; private set; }

        public void EndSession()
        {
            SessionsEnded++;
        }
    }
}

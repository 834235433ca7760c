using System;

namespace NanoRelay.Ports
{
    /// <summary>A connection failed: reset, refused, TLS handshake or certificate failure.</summary>
    public class ConnectionException : Exception
    {
        public ConnectionException(string message) : base(message) { }

        public ConnectionException(string message, Exception inner) : base(message, inner) { }

        /// <summary>True when the failure was the TLS handshake or the peer's certificate.</summary>
        public bool IsTls { get; set; }
    }
}

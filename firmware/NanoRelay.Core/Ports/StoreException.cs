using System;

namespace NanoRelay.Ports
{
    /// <summary>The file store failed: full, missing, a write error, or a simulated power cut.</summary>
    public class StoreException : Exception
    {
        public StoreException(string message) : base(message) { }

        public StoreException(string message, Exception inner) : base(message, inner) { }

        /// <summary>True when the failure is lack of room (RFC 5321 452, RFC 1870 552).</summary>
        public bool IsFull { get; set; }
    }
}

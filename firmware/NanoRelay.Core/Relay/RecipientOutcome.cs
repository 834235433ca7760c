namespace NanoRelay.Relay
{
    /// <summary>What the upstream said about one recipient (RFC 5321 §4.2.1 first digit, with §4.5.3.1.10's 552 exception).</summary>
    public enum RecipientOutcome
    {
        /// <summary>Not tried or no verdict: stays pending.</summary>
        Transient = 0,

        /// <summary>RCPT and the final dot accepted (2yz).</summary>
        Accepted = 1,

        /// <summary>Refused for good (5yz, except 552 at RCPT which is treated as temporary).</summary>
        Permanent = 2,
    }
}

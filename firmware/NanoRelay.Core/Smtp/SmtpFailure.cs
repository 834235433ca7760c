namespace NanoRelay.Smtp
{
    /// <summary>
    /// Why an attempt to hand a message to the upstream failed: the classes the relay's retry
    /// policy acts on (OpenSMTPD's FAIL_* in smtp_client.c, plus the two a device needs).
    /// </summary>
    public enum SmtpFailure
    {
        /// <summary>No failure: the upstream accepted the message.</summary>
        None = 0,

        /// <summary>Could not connect, or the connection broke or timed out (RFC 5321 §3.8: as if 451). Retry.</summary>
        Connection = 1,

        /// <summary>The server broke the protocol: a malformed reply, unexpected or injected data. Retry later.</summary>
        Protocol = 2,

        /// <summary>A 4yz reply (RFC 5321 §4.2.1 "Transient Negative Completion"). Retry.</summary>
        Transient = 3,

        /// <summary>A 5yz reply (RFC 5321 §4.2.1 "Permanent Negative Completion"). Do not retry; bounce.</summary>
        Permanent = 4,

        /// <summary>AUTH was refused (535, 534, 538) or no usable mechanism is offered. Hold the queue and alert; never loop.</summary>
        Authentication = 5,

        /// <summary>TLS was required but STARTTLS was missing, refused or stripped, or the handshake or certificate failed.</summary>
        TlsRequired = 6,
    }
}

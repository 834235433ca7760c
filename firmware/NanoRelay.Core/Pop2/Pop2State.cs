namespace NanoRelay.Pop2
{
    /// <summary>The server states of RFC 937 ("Server State Diagram"); LSTN belongs to the listener.</summary>
    public enum Pop2State
    {
        /// <summary>The greeting is sent; only HELO and QUIT are accepted.</summary>
        Auth = 0,

        /// <summary>HELO or FOLD answered "#NNN": a mailbox is selected.</summary>
        Mbox = 1,

        /// <summary>READ (or an acknowledgment) answered "=CCC": RETR may follow.</summary>
        Item = 2,

        /// <summary>RETR sent the data: ACKS, ACKD or NACK must follow.</summary>
        Next = 3,

        /// <summary>The session is over: QUIT answered, an error sent, or the connection gone.</summary>
        Done = 4,
    }
}

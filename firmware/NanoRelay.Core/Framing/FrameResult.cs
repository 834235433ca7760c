namespace NanoRelay.Framing
{
    /// <summary>What <see cref="LineFramer.TryTakeLine"/> found.</summary>
    public enum FrameResult
    {
        /// <summary>No complete line is buffered; feed more bytes. Nothing was consumed.</summary>
        NeedMore = 0,

        /// <summary>A line is available as (Buffer, LineOffset, LineLength) until the next call.</summary>
        Line = 1,

        /// <summary>A line went over the limit. Reported once; its bytes up to its end are discarded.</summary>
        TooLong = 2,
    }
}

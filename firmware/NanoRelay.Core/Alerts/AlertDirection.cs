namespace NanoRelay.Alerts
{
    /// <summary>Which side of the threshold is the alarm.</summary>
    public enum AlertDirection
    {
        /// <summary>Alert when the value rises above the threshold, clear when it falls below the clear level.</summary>
        Above = 0,

        /// <summary>Alert when the value falls below the threshold, clear when it rises above the clear level (batteries).</summary>
        Below = 1,
    }
}

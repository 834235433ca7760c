namespace NanoRelay.Supervision
{
    /// <summary>What <see cref="HeartbeatWatch.Check"/> decided.</summary>
    public enum SupervisorAction
    {
        /// <summary>Every worker beat in time.</summary>
        None,

        /// <summary>The checker itself was held up: the whole device stalled (a native call), every window starts again.</summary>
        Forgive,

        /// <summary>One worker died or went silent and may be started again.</summary>
        Restart,

        /// <summary>One worker went silent or died too often: reboot the board (the spool is crash-safe).</summary>
        Reboot
    }
}

namespace NanoRelay.Ports
{
    /// <summary>How much a log line matters. Trace lines carry the protocol dialogue.</summary>
    public enum LogLevel
    {
        Trace = 0,
        Info = 1,
        Warning = 2,
        Error = 3,
    }
}
